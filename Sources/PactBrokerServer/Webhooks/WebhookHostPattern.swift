import Foundation

/// One entry of the webhook host allow-list, matched as pact_broker's `CheckHostWhitelist` matches it.
public enum WebhookHostPattern: Sendable, Hashable, CustomStringConvertible {
    /// An exact host name (compared case-insensitively).
    case exact(String)
    /// A name starting with `*`, matched as a TLS certificate name is: `*.example.com` covers `api.example.com` but
    /// neither `example.com` nor `a.b.example.com`.
    case wildcard(String)
    /// An IP address or a CIDR range (`10.0.0.0/8`, `fd00::/8`); only IP hosts match it.
    case ipRange(IPAddressRange)
    /// A regular expression (written `/.../` in configuration), searched in the host name.
    case regex(String)

    /// Reads one configured entry: `/re/` is a regular expression, an IP or CIDR a range, `*...` a wildcard, anything
    /// else an exact name. Nil for a regular expression that does not compile.
    public init?(_ text: String) {
        if text.count >= 2, text.hasPrefix("/"), text.hasSuffix("/") {
            let source = String(text.dropFirst().dropLast())
            guard (try? NSRegularExpression(pattern: source)) != nil else { return nil }
            self = .regex(source)
        } else if let range = IPAddressRange(text) {
            self = .ipRange(range)
        } else if text.hasPrefix("*") {
            self = .wildcard(text.lowercased())
        } else {
            self = .exact(text.lowercased())
        }
    }

    /// The entry as pact_broker's error message shows it (Ruby's `inspect`): `"name"` or `/re/`.
    public var description: String {
        switch self {
        case .exact(let name), .wildcard(let name): "\"\(name)\""
        case .ipRange(let range): "\"\(range)\""
        case .regex(let source): "/\(source)/"
        }
    }

    /// Whether `host` (a name or an IP address, IPv6 with or without brackets) matches this entry.
    public func matches(host rawHost: String) -> Bool {
        let host = Self.unbracketed(rawHost).lowercased()
        if let address = IPAddress(host) {
            if case .ipRange(let range) = self { return range.contains(address) }
            return false
        }
        switch self {
        case .exact(let name): return host == name
        case .wildcard(let pattern): return Self.wildcardMatches(host: host, pattern: pattern)
        case .ipRange: return false
        case .regex(let source):
            guard let regex = try? NSRegularExpression(pattern: source) else { return false }
            return regex.firstMatch(in: host, range: NSRange(host.startIndex..., in: host)) != nil
        }
    }

    static func unbracketed(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// OpenSSL's `verify_hostname` rule for a leading wildcard: the `*` stands for exactly one non-empty label.
    private static func wildcardMatches(host: String, pattern: String) -> Bool {
        let patternLabels = pattern.split(separator: ".", omittingEmptySubsequences: false)
        let hostLabels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard patternLabels.count >= 2, patternLabels.count == hostLabels.count, patternLabels.first == "*" else {
            return false
        }
        guard let first = hostLabels.first, !first.isEmpty else { return false }
        return Array(patternLabels.dropFirst()) == Array(hostLabels.dropFirst())
    }
}

/// An IPv4 or IPv6 address as bytes.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6.
    public let bytes: [UInt8]
    /// The text it was read from.
    public let text: String

    /// Reads a dotted IPv4 or an IPv6 address; nil for anything else.
    public init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
        } else {
            return nil
        }
        self.text = text
    }

    /// The text it was read from.
    public var description: String { text }
}

/// An address with a prefix length (`10.0.0.0/8`); a bare address is a range of one.
public struct IPAddressRange: Sendable, Hashable, CustomStringConvertible {
    /// The network address.
    public let address: IPAddress
    /// The number of leading bits that must match.
    public let prefixLength: Int

    /// Reads `address` or `address/prefix`; nil when either part is invalid.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(String(parts[0])) else { return nil }
        let maxBits = address.bytes.count * 8
        if parts.count == 2 {
            guard let prefix = Int(parts[1]), prefix >= 0, prefix <= maxBits, !parts[1].hasPrefix("+") else { return nil }
            prefixLength = prefix
        } else {
            prefixLength = maxBits
        }
        self.address = address
    }

    /// Whether `candidate` lies in the range (never across IPv4 and IPv6).
    public func contains(_ candidate: IPAddress) -> Bool {
        guard candidate.bytes.count == address.bytes.count else { return false }
        var remaining = prefixLength
        for (a, b) in zip(address.bytes, candidate.bytes) where remaining > 0 {
            let bits = min(8, remaining)
            let mask: UInt8 = bits == 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if a & mask != b & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// `address/prefix`, or the bare address for a single host.
    public var description: String {
        prefixLength == address.bytes.count * 8 ? address.text : "\(address.text)/\(prefixLength)"
    }
}
