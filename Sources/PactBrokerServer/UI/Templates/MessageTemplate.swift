/// A page with one message: what was not found, or what went wrong.
enum MessageTemplate {
    static let text = #"""
<p class="crumbs"><a href="{{homeURL}}">Home</a></p>
<h1>{{heading}}</h1>
<div class="panel" id="message">{{message}}</div>

"""#
}
