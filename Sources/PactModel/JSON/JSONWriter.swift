import Foundation

/// Writes `JSONValue`s with sorted object keys, so the same value always produces the same bytes.
public enum JSONWriter {
    /// Compact JSON on one line.
    public static func compact(_ value: JSONValue) -> String {
        String(decoding: compactBytes(value), as: UTF8.self)
    }

    /// Compact JSON as UTF-8 bytes.
    public static func compactBytes(_ value: JSONValue) -> [UInt8] {
        var out = ByteOutput(indent: false)
        out.write(value, level: 0)
        return out.bytes
    }

    /// Pretty-printed JSON with two-space indentation and a trailing newline, as pact files are written.
    public static func pretty(_ value: JSONValue) -> String {
        String(decoding: prettyBytes(value), as: UTF8.self)
    }

    /// Pretty-printed UTF-8 bytes with a trailing newline.
    public static func prettyData(_ value: JSONValue) -> Data {
        Data(prettyBytes(value))
    }

    /// Pretty-printed UTF-8 bytes with a trailing newline.
    static func prettyBytes(_ value: JSONValue) -> [UInt8] {
        var out = ByteOutput(indent: true)
        out.bytes.reserveCapacity(1 << 16)
        out.write(value, level: 0)
        out.bytes.append(0x0A)
        return out.bytes
    }
}

/// JSON text appended to a byte array; objects' members are already in key order.
private struct ByteOutput {
    var bytes: [UInt8] = []
    /// True for two-space indentation with a line per member or element.
    let indent: Bool

    init(indent: Bool) { self.indent = indent }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .null: append("null")
        case .bool(let b): b ? append("true") : append("false")
        case .number(let n): appendUTF8(n.literal)
        case .string(let s): writeString(s)
        case .array(let items):
            if items.isEmpty { append("[]"); return }
            bytes.append(UInt8(ascii: "["))
            var first = true
            for item in items {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                newline(level: level + 1)
                write(item, level: level + 1)
            }
            newline(level: level)
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty { append("{}"); return }
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for member in object.members {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                newline(level: level + 1)
                writeString(member.key)
                indent ? append(": ") : append(":")
                write(member.value, level: level + 1)
            }
            newline(level: level)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    mutating func newline(level: Int) {
        guard indent else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    mutating func appendUTF8(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = s
        text.withUTF8 { utf8 in
            var runStart = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                runStart = i + 1
                switch b {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                case 0x08: append("\\b")
                case 0x0C: append("\\f")
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    append("\\u00")
                    bytes.append(hex[Int(b >> 4)])
                    bytes.append(hex[Int(b & 0x0F)])
                }
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
