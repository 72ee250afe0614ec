import Foundation

/// A JSON syntax error with the 1-based line and column where it was found.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line where the error was found.
    public let line: Int
    /// The 1-based column, in characters, within `line`.
    public let column: Int
    /// What was expected or found, as a phrase.
    public let reason: String

    /// `line L, column C: reason`, for error messages.
    public var description: String { "line \(line), column \(column): \(reason)" }
}

/// Parses JSON text into `JSONValue`, keeping integer/decimal distinction and number literals.
public enum JSONParser {
    /// Parses UTF-8 JSON bytes. A leading UTF-8 byte-order mark is skipped.
    public static func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        try data.withUnsafeBytes { raw in parse(buffer: raw.bindMemory(to: UInt8.self)) }.get()
    }

    /// Parses a JSON string.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        return try text.withUTF8 { parse(buffer: $0) }.get()
    }

    static func parse(bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { parse(buffer: $0) }.get()
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
        var reader = Reader(bytes: buffer)
        defer {
            reader.memberStack.release()
            reader.elementStack.release()
            reader.keyCache.release()
        }
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        do throws(JSONParseError) {
            reader.skipWhitespace()
            let value = try reader.readValue(depth: 0)
            reader.skipWhitespace()
            if reader.index < buffer.count { throw reader.error("unexpected text after the JSON value") }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }
}

private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Members of the objects being read, innermost last; reused so each object allocates only its own storage.
    var memberStack = ScratchStack<JSONObject.Member>()
    /// Elements of the arrays being read, innermost last.
    var elementStack = ScratchStack<JSONValue>()
    /// Object keys read so far, so a recurring key is neither validated nor allocated again.
    var keyCache = KeyCache()
    /// True when the document is large enough for `keyCache` (and `arrangements`) to pay off.
    let useKeyCache: Bool
    /// How objects of recent shapes were put in key order.
    var arrangements = MemberArrangements()
    static let maxDepth = 512

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        useKeyCache = bytes.count >= KeyCache.minimumDocumentSize
    }

    func error(_ reason: String, at position: Int? = nil) -> JSONParseError {
        let end = min(position ?? index, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let column = (String(decoding: bytes[lineStart..<end], as: UTF8.self).count) + 1
        return JSONParseError(line: line, column: column, reason: reason)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            let b = bytes[index]
            if b == 0x20 {
                // Indentation of pretty-printed JSON (every pact file) comes in runs of spaces: eight bytes at a time,
                // the run's end found from the first byte that is not a space.
                guard index + 8 <= bytes.count else { index += 1; continue }
                let notSpace = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                    ^ 0x2020_2020_2020_2020
                index += notSpace == 0 ? 8 : notSpace.trailingZeroBitCount >> 3
            } else if b == 0x0A || b == 0x0D || b == 0x09 {
                index += 1
            } else {
                return
            }
        }
    }

    mutating func readValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
        guard depth < Reader.maxDepth else { throw error("nesting deeper than \(Reader.maxDepth) levels") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try readObject(depth: depth)
        case UInt8(ascii: "["): return try readArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        default:
            throw error("unexpected character '\(printable(bytes[index]))', expected a value")
        }
    }

    func printable(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : String(format: "\\x%02X", byte)
    }

    mutating func expectWord(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        let matches = index + count <= bytes.count
            && memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0
        guard matches else { throw error("invalid literal, expected '\(word)'", at: index) }
        index += count
    }

    mutating func readObject(depth: Int) throws(JSONParseError) -> JSONValue {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject())
        }
        // Members gather on the shared stack (nested objects use the part above), then move to exact-size storage.
        let base = memberStack.count
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input inside an object") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a string key, found '\(printable(bytes[index]))'")
            }
            let key = try readKey()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after object key \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            let value = try readValue(depth: depth + 1)
            memberStack.push(JSONObject.Member(key: key, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                let members = memberStack.pop(from: base)
                // A repeated key keeps its last value.
                return .object(useKeyCache ? JSONObject(unsorted: members, arrangements: &arrangements)
                                           : JSONObject(unsorted: members))
            } else {
                throw error("expected ',' or '}' in object, found '\(printable(bytes[index]))'")
            }
        }
    }

    mutating func readArray(depth: Int) throws(JSONParseError) -> JSONValue {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array([])
        }
        let base = elementStack.count
        while true {
            skipWhitespace()
            let element = try readValue(depth: depth + 1)
            elementStack.push(element)
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elementStack.pop(from: base))
            } else {
                throw error("expected ',' or ']' in array, found '\(printable(bytes[index]))'")
            }
        }
    }

    mutating func readNumber() throws(JSONParseError) -> JSONNumber {
        let start = index
        var isInteger = true
        let isNegative = bytes[index] == UInt8(ascii: "-")
        if isNegative { index += 1 }
        // The digits of the integer and fraction parts are gathered while checking them (up to 18 fit an Int64), so
        // a plain number needs no second pass and no text.
        var significand: Int64 = 0
        var digitCount = 0
        let intStart = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            if digitCount < 18 { significand = significand &* 10 &+ Int64(bytes[index] &- 0x30) }
            digitCount += 1
            index += 1
        }
        guard index > intStart else { throw error("invalid number, expected a digit", at: index) }
        if bytes[intStart] == UInt8(ascii: "0"), index - intStart > 1 { throw error("invalid number: leading zero", at: start) }
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            let fractionStart = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if digitCount < 18 { significand = significand &* 10 &+ Int64(bytes[index] &- 0x30) }
                digitCount += 1
                index += 1
            }
            fractionDigits = index - fractionStart
            guard index > fractionStart else { throw error("invalid number, expected a digit after '.'", at: index) }
        }
        var hasExponent = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            hasExponent = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let exponentStart = index
            index = skipDigits(from: exponentStart)
            guard index > exponentStart else { throw error("invalid number, expected a digit in the exponent", at: index) }
        }
        return JSONNumber(
            parsedDigits: significand, fractionDigits: fractionDigits, isNegative: isNegative,
            literal: UnsafeBufferPointer(rebasing: bytes[start..<index]), isInteger: isInteger,
            hasExponent: hasExponent, digitCount: digitCount)
    }

    func skipDigits(from position: Int) -> Int {
        var i = position
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
        return i
    }

    /// An object key: a string, taken from `keyCache` when the same bytes were read before.
    mutating func readKey() throws(JSONParseError) -> String {
        let contentStart = index + 1
        var i = contentStart
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let utf8 = UnsafeBufferPointer(rebasing: bytes[contentStart..<i])
                let key = useKeyCache
                    ? keyCache.string(for: utf8, sixteenBytesReadable: contentStart + 16 <= bytes.count)
                    : String(decoding: utf8, as: UTF8.self)
                index = i + 1
                return key
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            i += 1
        }
        return try readString()  // escapes, control characters and unterminated keys
    }

    mutating func readString() throws(JSONParseError) -> String {
        let start = index
        index += 1
        let contentStart = index
        // Fast path: no escapes.
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), as: UTF8.self)
                index += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error("unescaped control character in string") }
            index += 1
        }
        var scalars = [UInt8](bytes[contentStart..<index])
        while index < bytes.count {
            let b = bytes[index]
            switch b {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append(0x22)
                case UInt8(ascii: "\\"): scalars.append(0x5C)
                case UInt8(ascii: "/"): scalars.append(0x2F)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try readHex4()
                    if (0xD800...0xDBFF).contains(code) {
                        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                            index += 2
                            let low = try readHex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate in \\u escape") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            throw error("unpaired surrogate in \\u escape")
                        }
                    } else if (0xDC00...0xDFFF).contains(code) {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw error("invalid escape '\\\(printable(escape))' in string", at: index - 2)
                }
            default:
                if b < 0x20 { throw error("unescaped control character in string") }
                scalars.append(b)
                index += 1
            }
        }
        throw error("unterminated string", at: start)
    }

    mutating func readHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - 0x41 + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}

/// A stack whose top part moves out into an exact-size array without retaining and releasing each element again.
/// The owner calls `release()` once it is done (also after an error).
struct ScratchStack<Element> {
    private var base: UnsafeMutablePointer<Element>?
    private var capacity = 0
    private(set) var count = 0

    /// Inlined, so that the element is built in place rather than in a temporary the call then reads back.
    @inline(__always)
    mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (base.unsafelyUnwrapped + count).initialize(to: element)
        count += 1
    }

    private mutating func grow() {
        let newCapacity = Swift.max(64, capacity * 2)
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        if let base {
            grown.moveInitialize(from: base, count: count)
            base.deallocate()
        }
        base = grown
        capacity = newCapacity
    }

    /// The elements from `start` to the top, moved into an array; the stack keeps those below `start`.
    mutating func pop(from start: Int) -> [Element] {
        let n = count - start
        guard n > 0, let base else { return [] }
        // `reserveCapacity` and `append` are specialised for `Element`; `init(unsafeUninitializedCapacity:)` calls
        // the generic array allocation, which looks the storage class up at run time for every array.
        var result: [Element] = []
        result.reserveCapacity(n)
        let source = base + start
        for i in 0..<n { result.append((source + i).move()) }
        count = start
        return result
    }

    mutating func release() {
        if let base {
            base.deinitialize(count: count)
            base.deallocate()
        }
        base = nil
        count = 0
        capacity = 0
    }
}

/// Strings for the byte sequences of recently read object keys: documents repeat the same keys many times, and a
/// cached key needs no UTF-8 validation and no allocation (its storage is shared). A slot holds the last key whose
/// bytes hashed to it; keys longer than `maxLength` are not cached. The owner calls `release()` once it is done.
struct KeyCache {
    static let slotCount = 256  // `string(for:)` takes a slot from a hash's top 8 bits
    static let maxLength = 32
    /// Documents smaller than this are read without the cache: they repeat few keys, and setting it up costs more.
    static let minimumDocumentSize = 4096
    /// `slotCount` slots of `maxLength` bytes.
    private var keyBytes: UnsafeMutablePointer<UInt8>?
    /// The byte count of each slot's key, -1 for an empty slot (whose string is not initialised).
    private var lengths: UnsafeMutablePointer<Int>?
    private var strings: UnsafeMutablePointer<String>?

    /// The string for `utf8`, which holds no escapes. `sixteenBytesReadable` tells whether 16 bytes can be read from
    /// `utf8`'s start (the key and the document after it); when they cannot, the key's bytes are copied out first.
    mutating func string(for utf8: UnsafeBufferPointer<UInt8>, sixteenBytesReadable: Bool) -> String {
        let n = utf8.count
        guard n > 0, n <= KeyCache.maxLength else { return String(decoding: utf8, as: UTF8.self) }
        if keyBytes == nil { allocate() }
        // The first 16 bytes as two words, zero past the key's end: one or two word comparisons tell a slot's key
        // from another of up to 16 bytes, with no byte loop and no memcmp call.
        var words: (UInt64, UInt64) = (0, 0)
        if sixteenBytesReadable {
            let raw = UnsafeRawPointer(utf8.baseAddress!)
            words.0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & Self.mask(n)
            words.1 = n > 8 ? UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & Self.mask(n - 8) : 0
        } else {
            let head = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[..<Swift.min(n, 16)])
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: head) }
            words = (UInt64(littleEndian: words.0), UInt64(littleEndian: words.1))
        }
        var hash = (words.0 ^ UInt64(n)) &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ words.1) &* 0xC2B2_AE3D_27D4_EB4F
        let slot = Int(truncatingIfNeeded: hash >> 56)  // 256 slots
        let stored = keyBytes! + slot * KeyCache.maxLength
        let storedWords = UnsafeRawPointer(stored)
        if lengths![slot] == n, UInt64(littleEndian: storedWords.loadUnaligned(as: UInt64.self)) == words.0,
           UInt64(littleEndian: storedWords.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) == words.1,
           n <= 16 || memcmp(stored + 16, utf8.baseAddress! + 16, n - 16) == 0 {
            return strings![slot]
        }
        let key = String(decoding: utf8, as: UTF8.self)
        UnsafeMutableRawPointer(stored).initializeMemory(as: UInt8.self, repeating: 0, count: KeyCache.maxLength)
        stored.update(from: utf8.baseAddress!, count: n)
        if lengths![slot] < 0 { (strings! + slot).initialize(to: key) } else { strings![slot] = key }
        lengths![slot] = n
        return key
    }

    /// A mask keeping the low `count` bytes of a little-endian word (all of them from 8 on).
    private static func mask(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 << (UInt64(count) &* 8)) &- 1
    }

    private mutating func allocate() {
        keyBytes = .allocate(capacity: KeyCache.slotCount * KeyCache.maxLength)
        lengths = .allocate(capacity: KeyCache.slotCount)
        lengths!.initialize(repeating: -1, count: KeyCache.slotCount)
        strings = .allocate(capacity: KeyCache.slotCount)
    }

    mutating func release() {
        guard let keyBytes, let lengths, let strings else { return }
        for slot in 0..<KeyCache.slotCount where lengths[slot] >= 0 { (strings + slot).deinitialize(count: 1) }
        keyBytes.deallocate()
        lengths.deallocate()
        strings.deallocate()
        self.keyBytes = nil
        self.lengths = nil
        self.strings = nil
    }
}
