import Foundation

/// Values decoded while reading one pact file, kept for the next interaction. Pacts repeat the same headers and
/// matching rules from interaction to interaction, and comparing the JSON exactly costs a fraction of decoding it
/// again (and the reused value shares its storage, so there is less to free).
///
/// Only the last value of each place is kept, and only values that decoded without an error. Decoding depends on
/// the JSON alone (the path only names where an error is), so a reused value is exactly what decoding would give;
/// JSON that differs in any byte (a key, a string, a number's literal) is decoded afresh.
final class ReaderMemo {
    /// Which part of an HTTP interaction a value belongs to.
    enum Part: Int {
        case request = 0
        case response = 1
    }

    /// Decoded `headers` with their `Content-Type`, parsed.
    struct HeadersEntry {
        let json: JSONValue
        let headers: Headers
        let contentType: ContentType?
    }

    private struct RulesEntry {
        let json: JSONValue
        let rules: MatchingRules
    }

    private var headers: [HeadersEntry?] = [nil, nil]
    private var rules: [RulesEntry?] = [nil, nil]

    /// The headers (and content type) read from `json`: the last ones of this part when `json` is the same.
    func headers(
        _ json: JSONValue, part: Part, decode: () throws(PactError) -> Headers
    ) throws(PactError) -> HeadersEntry {
        if let last = headers[part.rawValue], Self.same(last.json, json) { return last }
        let decoded = try decode()
        let entry = HeadersEntry(json: json, headers: decoded, contentType: decoded.contentType)
        headers[part.rawValue] = entry
        return entry
    }

    /// The matching rules read from `json`: the last ones of this part when `json` is the same.
    func rules(
        _ json: JSONValue, part: Part, decode: () throws(PactError) -> MatchingRules
    ) throws(PactError) -> MatchingRules {
        if let last = rules[part.rawValue], Self.same(last.json, json) { return last.rules }
        let decoded = try decode()
        rules[part.rawValue] = RulesEntry(json: json, rules: decoded)
        return decoded
    }

    /// True when the two values are written alike: same structure, keys, strings byte for byte (not merely
    /// canonically equivalent, as `==` on strings is), and numbers with the same literal text.
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        // One value is taken apart at a time (matching the pair as a tuple copied both for every node).
        switch a {
        case .null:
            return b.isNull
        case .bool(let x):
            guard case .bool(let y) = b else { return false }
            return x == y
        case .number(let x):
            guard case .number(let y) = b else { return false }
            return x.hasSameLiteral(as: y)
        case .string(let x):
            guard case .string(let y) = b else { return false }
            return sameBytes(x, y)
        case .array(let x):
            guard case .array(let y) = b, x.count == y.count else { return false }
            return x.withUnsafeBufferPointer { xs in
                y.withUnsafeBufferPointer { ys in
                    for index in 0..<xs.count where !same(xs[index], ys[index]) { return false }
                    return true
                }
            }
        case .object(let x):
            guard case .object(let y) = b, x.members.count == y.members.count else { return false }
            return x.members.withUnsafeBufferPointer { xs in
                y.members.withUnsafeBufferPointer { ys in
                    for index in 0..<xs.count {
                        guard sameBytes(xs[index].key, ys[index].key), same(xs[index].value, ys[index].value) else { return false }
                    }
                    return true
                }
            }
        }
    }

    /// Byte-for-byte equality of the UTF-8 text.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let x = a.utf8
        let y = b.utf8
        guard x.count == y.count else { return false }
        let compared = x.withContiguousStorageIfAvailable { xs in
            y.withContiguousStorageIfAvailable { ys in
                guard let xBase = xs.baseAddress, let yBase = ys.baseAddress else { return true }
                return xBase == yBase || memcmp(xBase, yBase, xs.count) == 0
            }
        }
        return compared.flatMap { $0 } ?? x.elementsEqual(y)
    }
}
