import Foundation
import Mustache
import PactModel

/// The broker's HTML pages, rendered from view models through Mustache templates that escape every value
/// (a consumer named `<script>` shows as text). Each page is a whole document with inline styles and no scripts or
/// external assets, so it works offline.
///
/// ```swift
/// let pages = try BrokerPages()
/// let html = pages.index([IndexPageRow(consumer: "web", provider: "orders", latestPactPublishedAt: published)])
/// ```
public struct BrokerPages: Sendable {
    /// Where the pages link to.
    public let links: BrokerPageLinks
    /// The current time, for relative dates ("3 days ago"); injectable for tests.
    public let now: @Sendable () -> Date
    private let library: MustacheLibrary

    /// Pages linking under `links`, dating relative to `now`. Throws `BrokerPageError` if a template does not parse
    /// (a programming error the tests catch).
    public init(links: BrokerPageLinks = BrokerPageLinks(), now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.links = links
        self.now = now
        var library = MustacheLibrary()
        let templates = [
            "layout": LayoutTemplate.text, "index": IndexTemplate.text, "pact": PactTemplate.text,
            "matrix": MatrixTemplate.text, "pacticipant": PacticipantTemplate.text, "message": MessageTemplate.text,
        ]
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
            } catch {
                throw BrokerPageError(template: name, reason: "\(error)")
            }
        }
        self.library = library
    }

    private init(links: BrokerPageLinks, now: @escaping @Sendable () -> Date, library: MustacheLibrary) {
        self.links = links
        self.now = now
        self.library = library
    }

    /// The same pages (templates parsed once) linking under `links`: the server's pages link under each request's
    /// base URL.
    public func linking(under links: BrokerPageLinks) -> BrokerPages {
        BrokerPages(links: links, now: now, library: library)
    }

    /// The index page (`GET /`): "Pacts", a search box, one row per integration sorted by consumer then provider,
    /// the page of them `query` asks for, or a getting-started panel when there are none. Pass every integration:
    /// the search and the paging happen here.
    public func index(_ rows: [IndexPageRow], query: IndexPageQuery = IndexPageQuery()) -> String {
        page(title: "Pacts", template: "index",
             context: IndexPageContext(rows: rows, query: query, links: links, now: now()))
    }

    /// A pact rendered as HTML: consumer, provider, and each interaction's provider states, request, response or
    /// messages, with their matching rules and generators. `info` adds the consumer version and publication date.
    public func pact(_ pact: Pact, info: PactPageInfo? = nil) -> String {
        let context = PactPageContext(pact: pact, info: info, links: links, now: now())
        return page(title: context.title, template: "pact", context: context)
    }

    /// The matrix page of the integration between `consumer` and `provider`: one row per consumer version and
    /// provider version verification, in the order given.
    public func matrix(consumer: String, provider: String, rows: [MatrixPageRow]) -> String {
        let context = MatrixPageContext(consumer: consumer, provider: provider, rows: rows, links: links, now: now())
        return page(title: context.title, template: "matrix", context: context)
    }

    /// A pacticipant's page: its network graph as inline SVG, and its consumers and providers.
    public func pacticipant(_ model: PacticipantPageModel) -> String {
        page(title: model.name, template: "pacticipant", context: PacticipantPageContext(model: model, links: links))
    }

    /// A page with a heading and one message, for an error or something not found ("No pacticipant named …");
    /// the caller sets the HTTP status.
    public func message(heading: String, _ message: String) -> String {
        page(title: heading, template: "message", context: MessagePageContext(heading: heading, message: message))
    }

    private struct MessagePageContext {
        var heading: String
        var message: String
    }

    /// The headers to send with every page: HTML in UTF-8; not cached (pact_broker's index sends the same), as the
    /// statuses change; and a Content-Security-Policy that lets a page use nothing but its inline styles and
    /// `data:` images, so even a value that slipped past escaping could not run a script or load anything.
    public static let responseHeaders: [(name: String, value: String)] = [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Cache-Control", "no-cache, no-store, must-revalidate"),
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
    ]

    /// The pages' Content-Security-Policy (see `responseHeaders`).
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; "
        + "frame-ancestors 'none'"

    /// Renders `template` with `context` and wraps it in the layout.
    private func page(title: String, template: String, context: Any) -> String {
        let content = library.render(Scoped(page: context, homeURL: links.index), withTemplate: template) ?? ""
        let shell = Shell(title: title, css: LayoutTemplate.css, homeURL: links.index, content: content)
        return library.render(shell, withTemplate: "layout") ?? ""
    }

    /// The page's own context, with what every page shares.
    private struct Scoped: MustacheParent {
        var page: Any
        var homeURL: String
        func child(named name: String) -> Any? {
            if name == "homeURL" { return homeURL }
            if let parent = page as? MustacheParent { return parent.child(named: name) }
            guard let value = Mirror(reflecting: page).children.first(where: { $0.label == name })?.value else {
                return nil
            }
            // A nil optional is no value, as Mustache's own property lookup treats it.
            let optional = Mirror(reflecting: value)
            guard optional.displayStyle == .optional else { return value }
            return optional.children.first?.value
        }
    }

    private struct Shell {
        var title: String
        var css: String
        var homeURL: String
        var content: String
    }
}

/// A page template that does not parse.
public struct BrokerPageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The template's name.
    public var template: String
    /// The parser's message.
    public var reason: String

    public var description: String { "broker page template '\(template)' does not parse: \(reason)" }
}
