import Foundation

/// Writes `JSONValue`s with sorted object keys, so the same value always produces the same bytes.
public enum JSONWriter {
    /// Compact JSON on one line.
    public static func compact(_ value: JSONValue) -> String {
        var out = JSONTextOutput(indent: false, capacity: 256)
        defer { out.deallocate() }
        out.write(value, level: 0)
        return String(decoding: out.buffer, as: UTF8.self)
    }

    /// Compact JSON as UTF-8 bytes.
    public static func compactBytes(_ value: JSONValue) -> [UInt8] {
        var out = JSONTextOutput(indent: false, capacity: 256)
        defer { out.deallocate() }
        out.write(value, level: 0)
        return Array(out.buffer)
    }

    /// Compact JSON as UTF-8 bytes in `Data`.
    static func compactData(_ value: JSONValue) -> Data {
        var out = JSONTextOutput(indent: false, capacity: 256)
        out.write(value, level: 0)
        return out.takeData()
    }

    /// Pretty-printed JSON with two-space indentation and a trailing newline, as pact files are written.
    public static func pretty(_ value: JSONValue) -> String {
        var out = JSONTextOutput(indent: true, capacity: 1 << 12)
        defer { out.deallocate() }
        out.writePretty(value)
        return String(decoding: out.buffer, as: UTF8.self)
    }

    /// Pretty-printed UTF-8 bytes with a trailing newline.
    public static func prettyData(_ value: JSONValue) -> Data {
        var out = JSONTextOutput(indent: true, capacity: 1 << 16)
        out.writePretty(value)
        return out.takeData()
    }
}
