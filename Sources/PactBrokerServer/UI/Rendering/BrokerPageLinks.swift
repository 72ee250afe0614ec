/// The addresses the pages link to, following pact_broker's routes, under an optional base path.
public struct BrokerPageLinks: Sendable, Hashable {
    /// Prefix for every link, without a trailing slash: "" (the default) or, behind a proxy, "/broker" or
    /// "https://broker.example.com".
    public var base: String

    /// Links under `base`; a trailing slash is dropped.
    public init(base: String = "") {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
    }

    /// The index page.
    public var index: String { base + "/" }

    /// A pacticipant's page: `/pacticipants/{name}`.
    public func pacticipant(_ name: String) -> String { base + "/pacticipants/" + segment(name) }

    /// The latest pact between the two, rendered as HTML: `/pacts/provider/{p}/consumer/{c}/latest`.
    public func latestPact(consumer: String, provider: String) -> String {
        base + "/pacts/provider/" + segment(provider) + "/consumer/" + segment(consumer) + "/latest"
    }

    /// The integration's matrix page: `/matrix/provider/{p}/consumer/{c}`.
    public func matrix(consumer: String, provider: String) -> String {
        base + "/matrix/provider/" + segment(provider) + "/consumer/" + segment(consumer)
    }

    /// A pact for one consumer version: `/pacts/provider/{p}/consumer/{c}/version/{v}`.
    public func pact(consumer: String, provider: String, consumerVersion: String) -> String {
        base + "/pacts/provider/" + segment(provider) + "/consumer/" + segment(consumer) + "/version/"
            + segment(consumerVersion)
    }

    /// `text` percent-encoded as one path segment: everything but RFC 3986's unreserved characters is encoded, so a
    /// name with `/`, `?`, `#`, spaces or quotes stays one segment.
    func segment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(UnicodeScalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
