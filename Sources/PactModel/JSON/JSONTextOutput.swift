import Foundation

/// JSON text appended to a growing byte buffer; objects' members are already in key order.
///
/// While `folding`, every byte written except line breaks and indentation (and the space after a key's colon) is
/// also folded into a 64-bit FNV-1a `hash`: the hash of the compact form of what is written, even when the text is
/// pretty-printed. In hashing mode folding is always on and the buffer is reused once full, so only the hash of the
/// whole text is kept.
///
/// As a `JSONSink` it writes the pieces it is sent, placing commas, line breaks and indentation itself.
struct JSONTextOutput {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// True for two-space indentation with a line per member or element.
    let indent: Bool
    /// True to keep only the hash: the buffer is reused rather than grown.
    let hashing: Bool
    /// True while written bytes are folded into `hash`.
    private var folding: Bool
    /// True to write the next comma without folding it (a left-out first member came before it).
    private var unfoldedComma = false
    /// FNV-1a of the bytes folded so far (in hashing mode, of everything written).
    private(set) var hash: UInt64 = JSONTextOutput.fnvOffset
    private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3
    /// Sink state: how many containers are open, whether the innermost has a member or element yet, and whether a
    /// key was just written (its value follows without a separator).
    private var depth = 0
    private var hasItems = false
    private var afterKey = false

    init(indent: Bool, capacity: Int, hashing: Bool = false) {
        self.indent = indent
        self.hashing = hashing
        folding = hashing
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

    /// Starts folding what is written into a fresh `hash`, as if `{` (the opening brace just written) had been.
    mutating func startHashAfterBrace() {
        hash = (Self.fnvOffset ^ UInt64(UInt8(ascii: "{"))) &* Self.fnvPrime
        folding = true
        unfoldedComma = false
    }

    /// Stops folding: what follows is left out of the hash.
    mutating func pauseHash() { folding = false }

    /// Folds again what follows; `afterFirstMember` says the member left out was its object's first, so the comma
    /// before the next one is left out too.
    mutating func resumeHash(afterFirstMember: Bool) {
        folding = true
        unfoldedComma = afterFirstMember
    }

    /// Stops folding and returns the hash.
    mutating func stopHash() -> UInt64 {
        folding = false
        return hash
    }

    /// Replaces the bytes at `offset` with `text`'s (a placeholder written earlier, of the same length).
    mutating func overwrite(at offset: Int, with text: String) {
        var text = text
        text.withUTF8 { utf8 in
            precondition(!hashing && offset >= 0 && offset + utf8.count <= count, "overwrite outside the text written")
            (base + offset).update(from: utf8.baseAddress!, count: utf8.count)
        }
    }

    /// Folds `n` bytes at `start` into `hash`.
    @inline(__always)
    private mutating func fold(_ start: UnsafePointer<UInt8>, _ n: Int) {
        var h = hash
        for i in 0..<n { h = (h ^ UInt64(start[i])) &* Self.fnvPrime }
        hash = h
    }

    /// Makes room for `n` more bytes.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if count + n > capacity { makeRoom(n) }
    }

    @inline(never)
    mutating func makeRoom(_ n: Int) {
        if hashing {
            // Everything written is already folded.
            count = 0
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
        if folding { hash = (hash ^ UInt64(byte)) &* Self.fnvPrime }
    }

    /// A byte never folded: the space after a key's colon.
    @inline(__always)
    mutating func appendUnfolded(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0, let source = bytes.baseAddress else { return }
        reserve(n)
        if n <= 32 {
            // Short pieces (keys, literals) are copied inline: a call to memcpy costs more than the copy.
            var i = 0
            let to = UnsafeMutableRawPointer(base + count)
            let from = UnsafeRawPointer(source)
            while i + 8 <= n {
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
                i += 8
            }
            while i < n {
                base[count + i] = source[i]
                i += 1
            }
        } else {
            (base + count).update(from: source, count: n)
        }
        count += n
        if folding { fold(source, n) }
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
                appendByte(UInt8(ascii: ":"))
                if indent { appendUnfolded(0x20) }
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
            // Most strings need no escapes: they are copied as they are checked, eight bytes at a time, and
            // written again with escapes only when one turns up.
            let n = utf8.count
            reserve(n + 2)
            let target = base + count
            target[0] = UInt8(ascii: "\"")
            var i = 0
            if let source = utf8.baseAddress {
                let to = UnsafeMutableRawPointer(target + 1)
                let from = UnsafeRawPointer(source)
                while i + 8 <= n {
                    let word = from.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if Self.holdsByteToEscape(word) { break }
                    to.storeBytes(of: word, toByteOffset: i, as: UInt64.self)
                    i += 8
                }
                while i < n {
                    let b = source[i]
                    if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { break }
                    target[1 + i] = b
                    i += 1
                }
            }
            if i == n {
                target[n + 1] = UInt8(ascii: "\"")
                count += n + 2
                if folding { fold(target, n + 2) }
            } else {
                writeEscaped(utf8)
            }
        }
    }

    /// True when one of the eight bytes is a control character (below 0x20), a quote or a backslash. The word-wide
    /// tests are exact: they flag a word only when it holds such a byte.
    @inline(__always)
    static func holdsByteToEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quoteZero = (quote &- ones) & ~quote & highs
        let backslashZero = (backslash &- ones) & ~backslash & highs
        return (control | quoteZero | backslashZero) != 0
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

extension JSONTextOutput: JSONSink {
    /// The comma and line break before a value, unless it is a member's value (they came before its key).
    @inline(__always)
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        if depth > 0 {
            if hasItems {
                if unfoldedComma {
                    unfoldedComma = false
                    appendUnfolded(UInt8(ascii: ","))
                } else {
                    appendByte(UInt8(ascii: ","))
                }
            }
            newline(level: depth)
        }
        hasItems = true
    }

    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        separate()
        appendByte(bracket)
        depth += 1
        hasItems = false
    }

    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if hasItems { newline(level: depth) }
        appendByte(bracket)
        hasItems = true
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    @inline(__always)
    private mutating func afterKeyText() {
        appendByte(UInt8(ascii: ":"))
        if indent { appendUnfolded(0x20) }
        afterKey = true
    }

    mutating func key(_ key: StaticString) {
        separate()
        // Static keys are plain ASCII names: nothing to escape.
        appendByte(UInt8(ascii: "\""))
        append(key)
        appendByte(UInt8(ascii: "\""))
        afterKeyText()
    }

    mutating func key(_ key: String) {
        separate()
        writeString(key)
        afterKeyText()
    }

    mutating func string(_ value: String) {
        separate()
        writeString(value)
    }

    mutating func bool(_ value: Bool) {
        separate()
        value ? append("true") : append("false")
    }

    mutating func int(_ value: Int) {
        separate()
        // The digits are written on the stack: no String for each number.
        JSONNumber.withDigits(Int64(value), fractionDigits: 0) { append($0) }
    }

    mutating func null() {
        separate()
        append("null")
    }

    mutating func value(_ value: JSONValue) {
        separate()
        write(value, level: depth)
    }

    /// Ends a pretty document with its trailing newline.
    mutating func endDocument() { appendByte(0x0A) }
}
