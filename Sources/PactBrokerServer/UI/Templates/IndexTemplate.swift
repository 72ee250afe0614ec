/// The index page: one row per integration, as pact_broker's `index/show.haml`.
enum IndexTemplate {
    static let text = #"""
<h1>Pacts</h1>
{{#anyIntegrations}}
<form class="search" action="{{searchAction}}" method="get" role="search">
<label for="search">Search</label> <input id="search" name="search" type="search" value="{{search}}" placeholder="pacticipant name">
<button type="submit">Search</button>{{#search}} <a href="{{searchAction}}">Reset</a>{{/search}}
</form>
{{/anyIntegrations}}
{{#error}}<div class="panel alert" role="alert">{{error}}</div>{{/error}}
{{#hasRows}}
<p class="muted count">{{count}}</p>
<table class="grid" id="relationships">
<thead><tr><th scope="col">Consumer</th><th scope="col">Provider</th><th scope="col"></th><th scope="col">Latest pact published</th><th scope="col">Webhook status</th><th scope="col">Last verified</th></tr></thead>
<tbody>
{{#rows}}
<tr class="pact-row" data-consumer-name="{{consumer}}" data-provider-name="{{provider}}">
<td class="consumer"><a href="{{consumerURL}}">{{consumer}}</a></td>
<td class="provider"><a href="{{providerURL}}">{{provider}}</a></td>
<td class="links"><a class="pact-link" href="{{pactURL}}" title="View pact">View pact</a><a class="matrix-link" href="{{matrixURL}}" title="View pact matrix">Matrix</a></td>
<td class="published"><time datetime="{{publishedISO}}" title="{{publishedExact}}">{{published}}</time></td>
<td class="webhook {{webhookClass}}"{{#webhookExact}} title="{{webhookExact}}"{{/webhookExact}}>{{webhookLabel}}</td>
<td class="last-verified {{statusClass}}" data-status="{{statusName}}"{{#tooltip}} title="{{tooltip}}"{{/tooltip}}>{{#verified}}<span class="status-label">{{statusLabel}}</span> <time datetime="{{verifiedISO}}">{{verified}}</time>{{#contractComparisonURL}} <a class="contract-comparison" href="{{contractComparisonURL}}">contract comparison</a>{{/contractComparisonURL}}{{/verified}}{{^verified}}Not verified{{/verified}}{{#warning}} <span class="warning-icon" aria-hidden="true">⚠</span><div class="stale-note">pact changed since</div>{{/warning}}{{#pactPending}}<div>(pact pending)</div>{{/pactPending}}</td>
</tr>
{{/rows}}
</tbody>
</table>
{{#pageText}}<nav class="pages" aria-label="Pages">{{#previousURL}}<a rel="prev" href="{{previousURL}}">← Previous</a>{{/previousURL}} <span>{{pageText}}</span> {{#nextURL}}<a rel="next" href="{{nextURL}}">Next →</a>{{/nextURL}}</nav>{{/pageText}}
{{/hasRows}}
{{^anyIntegrations}}
<div class="panel empty" id="getting-started">
<h2>No pacts yet</h2>
<p>Nothing has been published to this broker. Publish a consumer's pacts to see its integrations here:</p>
<pre>pactkit publish pacts/ --broker-base-url URL --consumer-app-version 1.0.0 --branch main</pre>
<p class="muted">Each consumer and provider pair becomes a row, with its latest pact, its matrix and when it was last verified.</p>
</div>
{{/anyIntegrations}}

"""#
}
