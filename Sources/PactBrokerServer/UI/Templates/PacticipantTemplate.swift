/// A pacticipant's page: its network as inline SVG (arrows from consumer to provider, each box a link), then lists
/// of its consumers and providers.
enum PacticipantTemplate {
    static let text = #"""
<p class="crumbs"><a href="{{homeURL}}">Home</a> › Pacticipant</p>
<h1 id="pacticipant-name">{{name}}</h1>
{{#hasDetails}}<table class="kv" id="pacticipant-details">
{{#mainBranch}}<tr><th>Main branch</th><td><code>{{mainBranch}}</code></td></tr>{{/mainBranch}}
{{#latestVersion}}<tr><th>Latest version</th><td><code>{{latestVersion}}</code></td></tr>{{/latestVersion}}
{{#repositoryLink}}<tr><th>Repository</th><td><a href="{{repositoryLink}}" rel="noopener noreferrer">{{repositoryLink}}</a></td></tr>{{/repositoryLink}}
{{#repositoryText}}<tr><th>Repository</th><td>{{repositoryText}}</td></tr>{{/repositoryText}}
</table>{{/hasDetails}}
<h2>Network graph</h2>
<div class="graph">
<svg xmlns="http://www.w3.org/2000/svg" id="network" role="img" aria-label="{{graphSummary}}" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}">
<title>{{graphSummary}}</title>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6b7280"/></marker></defs>
{{#edges}}<path class="edge" data-consumer="{{consumer}}" data-provider="{{provider}}" d="{{path}}" marker-end="url(#arrow)"><title>{{consumer}} → {{provider}}</title></path>
{{/edges}}
{{#nodes}}<a href="{{url}}"><g class="{{nodeClass}}" data-name="{{name}}"><title>{{name}}</title><rect x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" rx="6"/><text x="{{textX}}" y="{{textY}}" text-anchor="middle" dominant-baseline="central">{{label}}</text></g></a>
{{/nodes}}
</svg>
</div>
{{#omitted}}<p class="muted">{{omitted}}</p>{{/omitted}}
<div class="columns">
<div>
<h2>Consumers of {{name}}</h2>
{{#hasConsumers}}<table class="grid" id="consumers"><tbody>{{#consumers}}<tr><td><a href="{{url}}">{{name}}</a></td><td class="links"><a href="{{pactURL}}">View pact</a><a href="{{matrixURL}}">Matrix</a></td></tr>{{/consumers}}</tbody></table>{{/hasConsumers}}
{{^hasConsumers}}<p class="muted">No consumer has published a pact with {{name}}.</p>{{/hasConsumers}}
</div>
<div>
<h2>Providers {{name}} depends on</h2>
{{#hasProviders}}<table class="grid" id="providers"><tbody>{{#providers}}<tr><td><a href="{{url}}">{{name}}</a></td><td class="links"><a href="{{pactURL}}">View pact</a><a href="{{matrixURL}}">Matrix</a></td></tr>{{/providers}}</tbody></table>{{/hasProviders}}
{{^hasProviders}}<p class="muted">{{name}} has published no pacts.</p>{{/hasProviders}}
</div>
</div>

"""#
}
