/// The page shell every page is rendered into: inline styles, no scripts, no external assets, so pages work
/// offline. `{{{content}}}` is the page's own, already rendered and escaped, HTML.
enum LayoutTemplate {
    static let text = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} · PactKit Broker</title>
<link rel="icon" href="data:,">
<style>
{{{css}}}
</style>
</head>
<body>
<header class="topbar"><a class="brand" href="{{homeURL}}">PactKit Broker</a></header>
<main>
{{{content}}}
</main>
</body>
</html>

"""#

    static let css = #"""
:root { --ok: #1e7d32; --ok-bg: #e3f4e4; --bad: #b3261e; --bad-bg: #fbe3e1; --warn: #8a5a00; --warn-bg: #fff1cc;
  --line: #d9dde3; --muted: #5f6670; --ink: #1f2328; --link: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: var(--ink); background: #f6f7f9; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
.topbar { background: #24292f; padding: 10px 24px; }
.topbar .brand { color: #fff; font-weight: 600; }
main { max-width: 1180px; margin: 0 auto; padding: 8px 24px 40px; }
h1 { font-size: 1.7em; margin: 18px 0 6px; }
h2 { font-size: 1.25em; margin: 22px 0 8px; }
h3 { font-size: 1.05em; margin: 14px 0 6px; }
.crumbs { color: var(--muted); font-size: .9em; margin-top: 14px; }
.muted { color: var(--muted); }
table.grid { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
table.grid th, table.grid td { border-bottom: 1px solid var(--line); padding: 8px 10px; text-align: left;
  vertical-align: top; }
table.grid th { background: #eef0f3; font-weight: 600; font-size: .9em; }
table.grid tr:nth-child(even) td { background: #fafbfc; }
td.status-success, table.grid tr td.status-success { background: var(--ok-bg); color: var(--ok); }
td.status-failed, table.grid tr td.status-failed { background: var(--bad-bg); color: var(--bad); }
td.status-pending, td.status-stale, table.grid tr td.status-pending, table.grid tr td.status-stale {
  background: var(--warn-bg); color: var(--warn); }
td.status-none { color: var(--muted); }
.status-label { font-weight: 600; }
td.webhook-success { color: var(--ok); }
td.webhook-failure { color: var(--bad); }
td.webhook-retrying { color: var(--warn); }
td.webhook-none, td.webhook-notRun { color: var(--muted); }
form.search { margin: 10px 0; }
form.search input { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 4px; width: 260px; }
form.search button { font: inherit; padding: 4px 12px; }
.alert { background: var(--bad-bg); color: var(--bad); }
nav.pages { margin: 12px 0; display: flex; gap: 16px; align-items: center; }
.stale-note { font-size: .85em; }
.links a { margin-right: 10px; white-space: nowrap; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px; margin: 14px 0; }
.empty h2 { margin-top: 0; }
pre { background: #f2f4f7; border: 1px solid var(--line); border-radius: 4px; padding: 10px 12px; overflow: auto;
  font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; margin: 6px 0; white-space: pre-wrap;
  word-break: break-word; }
code { font: 13px ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.badge { display: inline-block; font-size: .75em; padding: 1px 8px; border-radius: 10px; background: #e8eaee;
  color: var(--ink); vertical-align: middle; }
.badge.pending { background: var(--warn-bg); color: var(--warn); }
.interaction { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 18px;
  margin: 16px 0; }
.interaction h2 { margin-top: 4px; }
.request-line { font-weight: 600; }
.part .summary { margin: 4px 0 8px; }
.part .summary code { font-size: 14px; font-weight: 600; }
.toc li { margin: 2px 0; }
.kv { border-collapse: collapse; margin: 4px 0; }
.kv th, .kv td { text-align: left; padding: 2px 12px 2px 0; font-size: .92em; vertical-align: top; }
.kv th { color: var(--muted); font-weight: 500; }
.body-note { font-size: .85em; margin: 4px 0; }
.kv caption { text-align: left; font-size: .8em; text-transform: uppercase; letter-spacing: .04em; padding: 4px 0; }
.graph { background: #fff; border: 1px solid var(--line); border-radius: 6px; overflow: auto; padding: 8px; }
.graph svg text { font: 13px system-ui, "DejaVu Sans", sans-serif; fill: var(--ink); }
.graph .node rect { fill: #eef3fb; stroke: #7a96bd; stroke-width: 1.2; }
.graph .node.focus rect { fill: #24292f; stroke: #24292f; }
.graph .node.focus text { fill: #fff; font-weight: 600; }
.graph .edge { fill: none; stroke: #6b7280; stroke-width: 1.4; }
.graph a:hover rect { stroke-width: 2.5; }
.columns { display: flex; gap: 24px; flex-wrap: wrap; }
.columns > div { flex: 1 1 300px; }
"""#
}
