import Foundation

/// A date/time text as the scanner reads it, by character. Printable ASCII (every date a pact holds, in practice) is
/// read in place as bytes, one per character, so reading it needs no copy, no grapheme breaking and no `Character`
/// comparisons; other text is read as `Array(text)`. Both are borrowed buffers, so copying this value (the scanner
/// does at every step) costs no reference counting.
struct ScannedText {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let characters: UnsafeBufferPointer<Character>
    private let isASCII: Bool
    /// The number of characters.
    let count: Int

    private init(ascii bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        characters = UnsafeBufferPointer(start: nil, count: 0)
        isASCII = true
        count = bytes.count
    }

    private init(characters: UnsafeBufferPointer<Character>) {
        bytes = UnsafeBufferPointer(start: nil, count: 0)
        self.characters = characters
        isASCII = false
        count = characters.count
    }

    /// Calls `body` with `text` ready to scan; the value must not escape `body`.
    static func reading<Result>(_ text: String, _ body: (ScannedText) -> Result) -> Result {
        func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> Result {
            if buffer.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return body(ScannedText(ascii: buffer)) }
            return Array(text).withUnsafeBufferPointer { body(ScannedText(characters: $0)) }
        }
        if let result = text.utf8.withContiguousStorageIfAvailable(scan) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// The character at `index`.
    subscript(index: Int) -> Character {
        isASCII ? Character(Unicode.Scalar(bytes[index])) : characters[index]
    }

    /// The ASCII code of the character at `index`, nil for any other character.
    func ascii(at index: Int) -> UInt8? {
        isASCII ? bytes[index] : characters[index].asciiValue
    }

    /// The value of the ASCII digits in `start..<end`, or nil when it overflows `Int`.
    func digitsValue(_ start: Int, _ end: Int) -> Int? {
        var value = 0
        for i in start..<end {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(ascii(at: i).map { $0 - 0x30 } ?? 0))
            if o1 || o2 { return nil }
            value = sum
        }
        return value
    }

    /// True for an ASCII digit at `index`.
    func isDigit(at index: Int) -> Bool {
        guard let code = ascii(at: index) else { return false }
        return code >= 0x30 && code <= 0x39
    }

    /// The characters in `start..<end` as a string.
    func string(_ start: Int, _ end: Int) -> String {
        isASCII
            ? String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            : String(characters[start..<end])
    }

    /// True when `literal` appears at `position`, compared character by character.
    func has(_ literal: String, at position: Int) -> Bool { end(of: literal, at: position) != nil }

    /// Where `literal` ends when it appears at `position`, compared character by character; nil when it does not.
    func end(of literal: String, at position: Int) -> Int? {
        var p = position
        if isASCII {
            // A literal byte outside printable ASCII never equals one of these bytes, as its character would not.
            for byte in literal.utf8 {
                guard p < count, bytes[p] == byte else { return nil }
                p += 1
            }
            return p
        }
        for c in literal {
            guard p < count, characters[p] == c else { return nil }
            p += 1
        }
        return p
    }
}
