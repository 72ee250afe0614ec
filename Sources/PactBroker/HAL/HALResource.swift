import Foundation
import PactModel

/// A HAL resource as the broker sends it: its JSON, the URL it came from, and its `_links` and `_embedded`.
public struct HALResource: Sendable {
    /// The whole document.
    public let json: JSONValue
    /// Where it was fetched from; relative hrefs resolve against it.
    public let url: URL

    /// A resource from an already decoded document.
    public init(json: JSONValue, url: URL) {
        self.json = json
        self.url = url
    }

    /// Every link of relation `rel`: a relation holds one link object or an array of them (or, from some brokers, a
    /// bare href string). Entries without an href are skipped.
    public func links(_ rel: String) -> [HALLink] {
        guard let value = json["_links"]?[rel] else { return [] }
        let items = value.arrayValue ?? [value]
        return items.compactMap { item in
            if let href = item.stringValue { return HALLink(href: href, base: url) }
            guard let href = item["href"]?.stringValue else { return nil }
            return HALLink(href: href, name: item["name"]?.stringValue, title: item["title"]?.stringValue, base: url)
        }
    }

    /// The first link of `rel` (whose `name` is `name`, when given).
    public func link(_ rel: String, named name: String? = nil) -> HALLink? {
        let all = links(rel)
        guard let name else { return all.first }
        return all.first { $0.name == name }
    }

    /// The link of `rel`, or an `.unsupported` error naming the relation and why it matters.
    func requiredLink(_ rel: String, purpose: String) throws(BrokerError) -> HALLink {
        guard let link = link(rel) else {
            throw BrokerError(kind: .unsupported,
                              reason: "the Pact Broker resource at \(url.absoluteString) has no '\(rel)' link, needed to \(purpose) "
                                + "(the broker may be too old, or the credentials may lack the permission)")
        }
        return link
    }

    /// The resources embedded under `name`: an array or a single object.
    public func embedded(_ name: String) -> [JSONValue] {
        guard let value = json["_embedded"]?[name] else { return [] }
        return value.arrayValue ?? [value]
    }
}

/// One HAL link. Its href is used as received: templates are filled in, nothing is decoded or rebuilt.
public struct HALLink: Sendable, Hashable {
    /// The href as the broker wrote it, possibly with `{name}` placeholders.
    public var href: String
    /// The link's `name` (an environment name, a consumer version…).
    public var name: String?
    /// The link's `title`.
    public var title: String?
    /// The URL of the resource the link came from.
    var base: URL

    init(href: String, name: String? = nil, title: String? = nil, base: URL) {
        self.href = href
        self.name = name
        self.title = title
        self.base = base
    }

    /// The href with each `{name}` replaced by its percent-encoded value (a `/` too), whatever the `templated` flag
    /// says; relative hrefs resolve against the resource's URL.
    public func url(_ values: [String: String] = [:]) throws(BrokerError) -> URL {
        var text = href
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: Self.encode(value))
        }
        if let open = text.firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") {
            throw BrokerError(kind: .malformedResponse,
                              reason: "the Pact Broker link '\(href)' has a placeholder \(text[open...close]) this client cannot fill in")
        }
        guard let url = URL(string: text, relativeTo: base)?.absoluteURL, url.host != nil else {
            throw BrokerError(kind: .malformedResponse, reason: "the Pact Broker sent a link that is not a URL: '\(href)'")
        }
        return url
    }

    /// Percent-encodes everything but the RFC 3986 unreserved characters.
    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
