/// An integration's matrix: which consumer versions' pacts which provider versions verified.
enum MatrixTemplate {
    static let text = #"""
<p class="crumbs"><a href="{{homeURL}}">Home</a> › The Matrix</p>
<h1>The Matrix</h1>
<p><a class="consumer" href="{{consumerURL}}">{{consumer}}</a> → <a class="provider" href="{{providerURL}}">{{provider}}</a> <span class="muted">· {{count}}</span></p>
{{#hasRows}}
<table class="grid" id="matrix">
<thead><tr><th scope="col">Consumer</th><th scope="col">Consumer version</th><th scope="col">Pact published</th><th scope="col">Provider</th><th scope="col">Provider version</th><th scope="col">Pact verified</th></tr></thead>
<tbody>
{{#rows}}
<tr class="matrix-row">
<td>{{consumer}}</td>
<td class="consumer-version"><a href="{{pactURL}}"><code>{{consumerVersion}}</code></a>{{#consumerVersionBranch}} <span class="badge">{{consumerVersionBranch}}</span>{{/consumerVersionBranch}}</td>
<td><span title="{{publishedExact}}">{{published}}</span></td>
<td>{{provider}}</td>
<td class="provider-version">{{#providerVersion}}<code>{{providerVersion}}</code>{{/providerVersion}}{{#providerVersionBranch}} <span class="badge">{{providerVersionBranch}}</span>{{/providerVersionBranch}}</td>
<td class="verification {{statusClass}}">{{statusText}}{{#verified}} <span class="muted" title="{{verifiedExact}}">{{verified}}</span>{{/verified}}{{#contractComparisonURL}} <a class="contract-comparison" href="{{contractComparisonURL}}">contract comparison</a>{{/contractComparisonURL}}</td>
</tr>
{{/rows}}
</tbody>
</table>
{{/hasRows}}
{{^hasRows}}<div class="panel">No pacts have been published between {{consumer}} and {{provider}}.</div>{{/hasRows}}

"""#
}
