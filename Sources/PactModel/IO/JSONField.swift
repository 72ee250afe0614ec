import Foundation

/// Builds the JSON paths that pact-file errors report (`$.interactions[3].request['Content-Type']`).
enum JSONPath {
    /// The path of member `key` under `path`: `.name` for plain names, `['other names']` otherwise.
    static func child(_ path: String, _ key: String) -> String {
        if isPlainName(key) { return joined(path, ".", key, "") }
        // Most keys (`$.items[*].id`) need no escaping: checking the bytes first skips Foundation's slow replace.
        let needsEscaping = key.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "'") }
        let escaped = needsEscaping
            ? key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            : key
        return joined(path, "['", escaped, "']")
    }

    static func element(_ path: String, _ index: Int) -> String { joined(path, "[", String(index), "]") }

    /// `a`, `b`, `c` and `d` in one string, built with one allocation (this runs for every field read; string
    /// interpolation appends piece by piece).
    private static func joined(_ a: String, _ b: StaticString, _ c: String, _ d: StaticString) -> String {
        var a = a
        var c = c
        return a.withUTF8 { first in
            c.withUTF8 { third in
                let count = first.count + b.utf8CodeUnitCount + third.count + d.utf8CodeUnitCount
                return String(unsafeUninitializedCapacity: count) { out in
                    var i = 0
                    func copy(_ piece: UnsafeBufferPointer<UInt8>) {
                        guard piece.count > 0 else { return }
                        (out.baseAddress! + i).update(from: piece.baseAddress!, count: piece.count)
                        i += piece.count
                    }
                    copy(first)
                    copy(UnsafeBufferPointer(start: b.utf8Start, count: b.utf8CodeUnitCount))
                    copy(third)
                    copy(UnsafeBufferPointer(start: d.utf8Start, count: d.utf8CodeUnitCount))
                    return i
                }
            }
        }
    }

    /// ASCII letters, digits, `_` and `-`, not starting with a digit. Checked on bytes: this runs for every field read.
    private static func isPlainName(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { utf8 in
            guard let firstByte = utf8.first, !(firstByte >= 0x30 && firstByte <= 0x39) else { return false }
            for byte in utf8 {
                let isDigit = byte >= 0x30 && byte <= 0x39
                let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
                guard isLetter || isDigit || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") else { return false }
            }
            return true
        }
    }
}

extension PactError {
    /// The same error naming `file`, unless it already names one (errors from the rule codecs do not).
    func inFile(_ file: String?) -> PactError {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }

    /// "expected a String, got Integer".
    static func typeMismatch(expected: String, got value: JSONValue, at path: String, file: String?) -> PactError {
        PactError(file: file, jsonPath: path, reason: "expected \(expected), got \(value.typeName)")
    }
}

/// Where a value sits in a pact file. It is spelled out as a JSON path (`$.interactions[3].request`) only when an
/// error reports it: building the path of every object read was a noticeable share of reading a pact.
enum JSONLocation: Sendable {
    /// A location already written out as a JSON path.
    case path(String)
    /// Member `key` of the object at the parent location.
    indirect case member(JSONLocation, String)
    /// Element `index` of the array at the parent location.
    indirect case element(JSONLocation, Int)

    /// The JSON path, as `JSONPath` spells it.
    var path: String {
        switch self {
        case .path(let path): path
        case .member(let parent, let key): JSONPath.child(parent.path, key)
        case .element(let parent, let index): JSONPath.element(parent.path, index)
        }
    }
}

/// A JSON object being read from a pact file, with where it sits, so every field access can report a precise error.
///
/// Conventions: a missing required field is reported at the containing object's path ("missing required field
/// 'name'"); a field of the wrong type is reported at the field's own path. A `null` member counts as absent.
struct JSONObjectReader {
    let members: JSONObject
    let location: JSONLocation
    let file: String?

    init(_ json: JSONValue, at path: String, file: String?) throws(PactError) {
        try self.init(json, at: .path(path), file: file)
    }

    init(_ json: JSONValue, at location: JSONLocation, file: String?) throws(PactError) {
        guard case .object(let members) = json else {
            throw PactError.typeMismatch(expected: "a Map", got: json, at: location.path, file: file)
        }
        self.members = members
        self.location = location
        self.file = file
    }

    /// The object's JSON path, for error messages.
    var path: String { location.path }

    /// The member, or nil when absent or `null`.
    func value(_ key: String) -> JSONValue? {
        guard let value = members[key], !value.isNull else { return nil }
        return value
    }

    /// True when the key is present, even with a `null` value.
    func contains(_ key: String) -> Bool { members[key] != nil }

    func childPath(_ key: String) -> String { JSONPath.child(path, key) }

    /// Where member `key` sits, spelled out only if an error reports it.
    func childLocation(_ key: String) -> JSONLocation { .member(location, key) }

    func missing(_ key: String) -> PactError {
        PactError(file: file, jsonPath: path, reason: "missing required field '\(key)'")
    }

    func error(_ reason: String, at key: String? = nil) -> PactError {
        PactError(file: file, jsonPath: key.map(childPath) ?? path, reason: reason)
    }

    func wrongType(_ key: String, expected: String, got value: JSONValue) -> PactError {
        PactError.typeMismatch(expected: expected, got: value, at: childPath(key), file: file)
    }

    func requiredString(_ key: String) throws(PactError) -> String {
        guard let text = try optionalString(key) else { throw missing(key) }
        return text
    }

    func optionalString(_ key: String) throws(PactError) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.stringValue else { throw wrongType(key, expected: "a String", got: value) }
        return text
    }

    /// The string when the key is present; nil when absent. Unlike `optionalString`, a `null` value is an error: the
    /// writer meant something but wrote nothing usable, and a default would hide that.
    func presentString(_ key: String) throws(PactError) -> String? {
        guard let value = members[key] else { return nil }
        guard let text = value.stringValue else { throw wrongType(key, expected: "a String", got: value) }
        return text
    }

    func optionalBool(_ key: String) throws(PactError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let flag = value.boolValue else { throw wrongType(key, expected: "a Boolean", got: value) }
        return flag
    }

    func optionalMap(_ key: String) throws(PactError) -> JSONObject? {
        guard let value = value(key) else { return nil }
        guard let map = value.objectValue else { throw wrongType(key, expected: "a Map", got: value) }
        return map
    }

    func optionalArray(_ key: String) throws(PactError) -> [JSONValue]? {
        guard let value = value(key) else { return nil }
        guard let items = value.arrayValue else { throw wrongType(key, expected: "a List", got: value) }
        return items
    }

    /// A nested object as a reader, or nil when absent.
    func optionalObject(_ key: String) throws(PactError) -> JSONObjectReader? {
        guard let value = value(key) else { return nil }
        return try JSONObjectReader(value, at: childLocation(key), file: file)
    }

    func requiredObject(_ key: String) throws(PactError) -> JSONObjectReader {
        guard let reader = try optionalObject(key) else { throw missing(key) }
        return reader
    }
}
