import Foundation
import PactModel

/// Content negotiation as the reference comparator does it (OPENAPI-CHECK.md, "Content negotiation"): the
/// documented type matching a header value (`Accept` or `Content-Type`, possibly a list with `q=` weights).
enum MediaTypeNegotiation {
    /// The first of `available` (as written) that `requested` matches: exactly, then ignoring parameters, then ignoring
    /// vendor prefixes (`application/vnd.x+json` ~ `application/json`), then wildcards in the document
    /// (`application/*`, `*/*`), then wildcards in the request. Requested types are tried by falling `q=` weight.
    static func match(_ requested: String, in available: [String]) -> String? {
        let requestedTypes = requested.split(separator: ",", omittingEmptySubsequences: false).map { normalized(String($0)) }
        var wanted = requestedTypes.count == 1 ? [removingQuality(requestedTypes[0])] : requestedTypes
            .enumerated()
            .map { (type: $0.element, quality: quality($0.element), offset: $0.offset) }
            .sorted { $0.quality != $1.quality ? $0.quality > $1.quality : $0.offset < $1.offset }
            .map { removingQuality($0.type) }
        var offered = available.map(normalized)
        for type in wanted { if let index = offered.firstIndex(of: type) { return available[index] } }

        wanted = wanted.map(withoutParameters)
        offered = offered.map(withoutParameters)
        for type in wanted { if let index = offered.firstIndex(of: type) { return available[index] } }

        for type in wanted {
            if let index = offered.firstIndex(where: { mainType($0) == mainType(type) && subtype($0) == subtype(type) }) {
                return available[index]
            }
        }
        for type in wanted {
            if let index = offered.firstIndex(where: { subtype($0) == "*" && mainType($0) == mainType(type) }) {
                return available[index]
            }
        }
        if let index = offered.firstIndex(of: "*/*") { return available[index] }
        for type in wanted {
            if let index = offered.firstIndex(where: { subtype(type) == "*" && mainType($0) == mainType(type) }) {
                return available[index]
            }
        }
        if wanted.contains("*/*") { return available.first }
        return nil
    }

    /// The value of `name` in `headers` (any case), several values joined with `, `.
    static func header(_ name: String, in headers: [String: [String]]) -> String? {
        headers.values(forHeader: name).map { $0.joined(separator: ", ") }
    }

    /// `type/subtype` of a header value, parameters dropped (`application/json; charset=utf-8` → `application/json`).
    static func essence(_ value: String) -> String {
        let type = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard type.first?.isWhitespace == true || type.last?.isWhitespace == true else { return String(type) }
        return type.trimmingCharacters(in: .whitespaces)
    }

    private static func normalized(_ type: String) -> String {
        // Most types are lower-case ASCII without spaces already.
        if type.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !(0x41...0x5A).contains($0) }) { return type }
        return type.lowercased().filter { !$0.isWhitespace }
    }

    private static func quality(_ type: String) -> Double {
        guard type.utf8.contains(UInt8(ascii: ";")), let range = type.firstRange(of: ";q=") else { return 1 }
        let digits = type[range.upperBound...].prefix { $0.isNumber || $0 == "." }
        return Double(digits) ?? 1
    }

    private static func removingQuality(_ type: String) -> String {
        guard type.utf8.contains(UInt8(ascii: ";")), let range = type.firstRange(of: ";q=") else { return type }
        let rest = type[range.upperBound...].drop { $0.isNumber || $0 == "." }
        return String(type[..<range.lowerBound]) + rest
    }

    private static func withoutParameters(_ type: String) -> String {
        String(type.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    private static func mainType(_ type: String) -> String {
        String(type.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// The subtype without its vendor prefix: `vnd.api+json` → `json`.
    private static func subtype(_ type: String) -> String? {
        let parts = type.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        return parts[1].split(separator: "+", omittingEmptySubsequences: false).last.map(String.init)
    }
}
