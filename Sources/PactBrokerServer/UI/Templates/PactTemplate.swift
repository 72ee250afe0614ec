/// A pact as readable HTML: its parties, then each interaction's provider states, request and response or messages,
/// with their matching rules and generators.
enum PactTemplate {
    static let text = #"""
<p class="crumbs"><a href="{{homeURL}}">Home</a> › Pact</p>
<h1 id="title">{{title}}</h1>
<table class="kv" id="pact-summary">
<tr><th>Consumer</th><td><a class="consumer" href="{{consumerURL}}">{{consumer}}</a></td></tr>
<tr><th>Provider</th><td><a class="provider" href="{{providerURL}}">{{provider}}</a></td></tr>
{{#consumerVersion}}<tr><th>Consumer version</th><td><code>{{consumerVersion}}</code></td></tr>{{/consumerVersion}}
{{#published}}<tr><th>Published</th><td><span title="{{publishedExact}}">{{published}}</span></td></tr>{{/published}}
<tr><th>Pact Specification</th><td>{{specVersion}}</td></tr>
<tr><th>Interactions</th><td>{{interactionCount}}</td></tr>
{{#verifiedStatus}}<tr><th>Last verified</th><td class="verification {{verifiedClass}}">{{verifiedStatus}} by <code>{{verifiedBy}}</code> <span title="{{verifiedExact}}">{{verified}}</span>{{#contractComparisonURL}} <a class="contract-comparison" href="{{contractComparisonURL}}">contract comparison</a>{{/contractComparisonURL}}</td></tr>{{/verifiedStatus}}
<tr><th>Verifications</th><td><a class="matrix-link" href="{{matrixURL}}">Matrix</a></td></tr>
</table>
{{#hasInteractions}}
<h2>Interactions</h2>
<ol class="toc">
{{#interactions}}<li><a href="#{{anchor}}">{{description}}</a> <span class="badge">{{kind}}</span>{{#pending}} <span class="badge pending">pending</span>{{/pending}}</li>
{{/interactions}}
</ol>
{{#interactions}}
<section class="interaction" id="{{anchor}}" data-kind="{{kind}}">
<h2><span class="muted">{{number}}.</span> <span class="description">{{description}}</span> <span class="badge">{{kind}}</span>{{#pending}} <span class="badge pending">pending</span>{{/pending}}</h2>
{{#hasStates}}
<h3>Given</h3>
<ul class="provider-states">
{{#states}}<li><span class="provider-state">{{name}}</span>{{#params}}<pre class="params">{{params}}</pre>{{/params}}</li>
{{/states}}
</ul>
{{/hasStates}}
{{#requestLine}}<p>Upon receiving <span class="request-line"><code>{{requestLine}}</code></span> from {{consumer}}, {{provider}} responds with status <strong class="status">{{status}}</strong>.</p>{{/requestLine}}
<div class="columns">
{{#parts}}
<div class="part">
<h3>{{heading}}</h3>
{{#summary}}<p class="summary"><code>{{summary}}</code></p>{{/summary}}
{{#hasQuery}}<table class="kv query"><caption class="muted">Query</caption>{{#query}}<tr><th>{{name}}</th><td><code>{{value}}</code></td></tr>{{/query}}</table>{{/hasQuery}}
{{#hasHeaders}}<table class="kv headers"><caption class="muted">{{headersTitle}}</caption>{{#headers}}<tr><th>{{name}}</th><td><code>{{value}}</code></td></tr>{{/headers}}</table>{{/hasHeaders}}
{{#bodyNote}}<p class="muted body-note">{{bodyNote}}</p>{{/bodyNote}}
{{#body}}<pre class="body">{{body}}</pre>{{/body}}
{{#hasRules}}<h3>Matching rules</h3>
<table class="grid rules"><thead><tr><th scope="col">Category</th><th scope="col">Where</th><th scope="col">Rules</th></tr></thead><tbody>
{{#rules}}<tr><td>{{category}}</td><td><code>{{key}}</code></td><td><code>{{rules}}</code></td></tr>
{{/rules}}</tbody></table>{{/hasRules}}
{{#hasGenerators}}<h3>Generators</h3>
<table class="grid generators"><thead><tr><th scope="col">Category</th><th scope="col">Where</th><th scope="col">Generator</th></tr></thead><tbody>
{{#generators}}<tr><td>{{category}}</td><td><code>{{key}}</code></td><td><code>{{rules}}</code></td></tr>
{{/generators}}</tbody></table>{{/hasGenerators}}
</div>
{{/parts}}
</div>
{{#comments}}<h3>Comments</h3><pre class="comments">{{comments}}</pre>{{/comments}}
</section>
{{/interactions}}
{{/hasInteractions}}
{{^hasInteractions}}<div class="panel">This pact has no interactions.</div>{{/hasInteractions}}
{{#metadata}}<h2>Metadata</h2><pre class="metadata">{{metadata}}</pre>{{/metadata}}

"""#
}
