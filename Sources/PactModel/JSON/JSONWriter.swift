import Foundation

/// Writes `JSONValue`s with sorted object keys, so the same value always produces the same bytes.
public enum JSONWriter {
    /// Compact JSON on one line.
    public static func compact(_ value: JSONValue) -> String {
        var out = ByteOutput(indent: false, capacity: 256)
        defer { out.deallocate() }
        out.write(value, level: 0)
        return String(decoding: out.buffer, as: UTF8.self)
    }

    /// Compact JSON as UTF-8 bytes.
    public static func compactBytes(_ value: JSONValue) -> [UInt8] {
        var out = ByteOutput(indent: false, capacity: 256)
        defer { out.deallocate() }
        out.write(value, level: 0)
        return Array(out.buffer)
    }

    /// Compact JSON as UTF-8 bytes in `Data`.
    static func compactData(_ value: JSONValue) -> Data {
        var out = ByteOutput(indent: false, capacity: 256)
        out.write(value, level: 0)
        return out.takeData()
    }

    /// Pretty-printed JSON with two-space indentation and a trailing newline, as pact files are written.
    public static func pretty(_ value: JSONValue) -> String {
        var out = ByteOutput(indent: true, capacity: 1 << 12)
        defer { out.deallocate() }
        out.writePretty(value)
        return String(decoding: out.buffer, as: UTF8.self)
    }

    /// Pretty-printed UTF-8 bytes with a trailing newline.
    public static func prettyData(_ value: JSONValue) -> Data {
        var out = ByteOutput(indent: true, capacity: 1 << 16)
        out.writePretty(value)
        return out.takeData()
    }

    /// The 64-bit FNV-1a hash of `value`'s compact JSON bytes, computed in chunks without keeping the whole text.
    static func compactFNV1a(_ value: JSONValue) -> UInt64 {
        var out = ByteOutput(indent: false, capacity: 1 << 13, hashing: true)
        defer { out.deallocate() }
        out.write(value, level: 0)
        out.foldIntoHash()
        return out.hash
    }
}

/// JSON text appended to a growing byte buffer; objects' members are already in key order. In hashing mode full
/// chunks are folded into a 64-bit FNV-1a hash and dropped, so only the hash of the whole text is kept.
private struct ByteOutput {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// True for two-space indentation with a line per member or element.
    let indent: Bool
    /// True to fold full chunks into `hash` rather than grow.
    let hashing: Bool
    /// FNV-1a of the bytes folded so far (hashing mode).
    private(set) var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    init(indent: Bool, capacity: Int, hashing: Bool = false) {
        self.indent = indent
        self.hashing = hashing
        self.capacity = capacity
        base = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    /// The bytes written.
    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Frees the buffer (not needed after `takeData()`).
    func deallocate() { free(base) }

    /// The bytes written, as `Data` that takes over the buffer.
    consuming func takeData() -> Data {
        if count == 0 {
            free(base)
            return Data()
        }
        return Data(bytesNoCopy: base, count: count, deallocator: .free)
    }

    /// Folds the buffered bytes into `hash` and empties the buffer.
    mutating func foldIntoHash() {
        var h = hash
        for i in 0..<count {
            h ^= UInt64(base[i])
            h = h &* 0x0000_0100_0000_01b3
        }
        hash = h
        count = 0
    }

    /// Makes room for `n` more bytes.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if count + n > capacity { makeRoom(n) }
    }

    @inline(never)
    mutating func makeRoom(_ n: Int) {
        if hashing {
            foldIntoHash()
            if n <= capacity { return }
        }
        var newCapacity = capacity * 2
        while count + n > newCapacity { newCapacity *= 2 }
        base = realloc(base, newCapacity)!.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    @inline(__always)
    mutating func appendByte(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: bytes.baseAddress!, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    mutating func writePretty(_ value: JSONValue) {
        write(value, level: 0)
        appendByte(0x0A)
    }

    mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .null: append("null")
        case .bool(let b): b ? append("true") : append("false")
        case .number(let n): n.withLiteralUTF8 { append($0) }
        case .string(let s): writeString(s)
        case .array(let items):
            if items.isEmpty { append("[]"); return }
            appendByte(UInt8(ascii: "["))
            var first = true
            for item in items {
                if !first { appendByte(UInt8(ascii: ",")) }
                first = false
                newline(level: level + 1)
                write(item, level: level + 1)
            }
            newline(level: level)
            appendByte(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty { append("{}"); return }
            appendByte(UInt8(ascii: "{"))
            var first = true
            for member in object.members {
                if !first { appendByte(UInt8(ascii: ",")) }
                first = false
                newline(level: level + 1)
                writeString(member.key)
                indent ? append(": ") : appendByte(UInt8(ascii: ":"))
                write(member.value, level: level + 1)
            }
            newline(level: level)
            appendByte(UInt8(ascii: "}"))
        }
    }

    @inline(__always)
    mutating func newline(level: Int) {
        guard indent else { return }
        let spaces = 2 * level
        reserve(1 + spaces)
        base[count] = 0x0A
        (base + count + 1).update(repeating: 0x20, count: spaces)
        count += 1 + spaces
    }

    mutating func appendUTF8(_ s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    mutating func writeString(_ s: String) {
        var text = s
        text.withUTF8 { utf8 in
            // Most strings need no escapes: copy them whole.
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { break }
                i += 1
            }
            if i == utf8.count {
                reserve(utf8.count + 2)
                base[count] = UInt8(ascii: "\"")
                if utf8.count > 0 { (base + count + 1).update(from: utf8.baseAddress!, count: utf8.count) }
                base[count + 1 + utf8.count] = UInt8(ascii: "\"")
                count += utf8.count + 2
            } else {
                writeEscaped(utf8)
            }
        }
    }

    mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        appendByte(UInt8(ascii: "\""))
        var runStart = 0
        for i in 0..<utf8.count {
            let b = utf8[i]
            guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
            if runStart < i { append(UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
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
                let hex: StaticString = "0123456789abcdef"
                append("\\u00")
                hex.withUTF8Buffer { digits in
                    appendByte(digits[Int(b >> 4)])
                    appendByte(digits[Int(b & 0x0F)])
                }
            }
        }
        if runStart < utf8.count { append(UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        appendByte(UInt8(ascii: "\""))
    }
}
