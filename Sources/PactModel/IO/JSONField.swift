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

/// A JSON object being read from a pact file, with where it sits, so every field access can report a precise error.
///
/// Conventions: a missing required field is reported at the containing object's path ("missing required field
/// 'name'"); a field of the wrong type is reported at the field's own path. A `null` member counts as absent.
struct JSONObjectReader {
    let members: JSONObject
    let path: String
    let file: String?

    init(_ json: JSONValue, at path: String, file: String?) throws(PactError) {
        guard let members = json.objectValue else {
            throw PactError.typeMismatch(expected: "a Map", got: json, at: path, file: file)
        }
        self.members = members
        self.path = path
        self.file = file
    }

    /// The member, or nil when absent or `null`.
    func value(_ key: String) -> JSONValue? {
        guard let value = members[key], !value.isNull else { return nil }
        return value
    }

    /// True when the key is present, even with a `null` value.
    func contains(_ key: String) -> Bool { members[key] != nil }

    func childPath(_ key: String) -> String { JSONPath.child(path, key) }

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
        return try JSONObjectReader(value, at: childPath(key), file: file)
    }

    func requiredObject(_ key: String) throws(PactError) -> JSONObjectReader {
        guard let reader = try optionalObject(key) else { throw missing(key) }
        return reader
    }
}
