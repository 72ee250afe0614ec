/// The byte ranges of a pact document's top-level `interactions` elements, found without parsing them, so a large
/// pact can be read a slice at a time.
///
/// Why: reading a whole 10,000-interaction document builds one JSON tree of tens of megabytes; the interactions keep
/// pieces of it alive, scattered over every page, so the freed rest cannot go back to the OS and the mock's resident
/// memory stays at its loading peak. Read in slices, each slice's tree is small and the next slice reuses the holes
/// the previous one left.
struct PactDocumentSlices {
    /// Up to and including the `[` of the interactions array.
    let head: Range<Int>
    /// Each element of the array, without separators.
    let elements: [Range<Int>]
    /// From the array's `]` to the end of the document.
    let tail: Range<Int>

    /// The slices of `bytes`, or nil when the document is not a plain object with an `interactions` array, or has a
    /// V3 `messages` array, or does not declare its specification version in its metadata (a version inferred from
    /// the interactions must see all of them); such documents are read whole.
    init?(_ bytes: [UInt8]) {
        var scanner = Scanner(bytes: bytes)
        scanner.skipWhitespace()
        guard scanner.take(UInt8(ascii: "{")) else { return nil }
        var found: (head: Range<Int>, elements: [Range<Int>], tail: Range<Int>)?
        var declaresVersion = false
        while true {
            scanner.skipWhitespace()
            if scanner.take(UInt8(ascii: "}")) { break }
            guard scanner.peek == UInt8(ascii: "\""), let key = scanner.string() else { return nil }
            scanner.skipWhitespace()
            guard scanner.take(UInt8(ascii: ":")) else { return nil }
            scanner.skipWhitespace()
            let valueStart = scanner.position
            switch key {
            case "interactions":
                guard scanner.take(UInt8(ascii: "[")) else { return nil }
                let head = 0..<scanner.position
                var elements: [Range<Int>] = []
                scanner.skipWhitespace()
                if !scanner.take(UInt8(ascii: "]")) {
                    while true {
                        scanner.skipWhitespace()
                        let start = scanner.position
                        guard scanner.skipValue() else { return nil }
                        elements.append(start..<scanner.position)
                        scanner.skipWhitespace()
                        if scanner.take(UInt8(ascii: ",")) { continue }
                        guard scanner.take(UInt8(ascii: "]")) else { return nil }
                        break
                    }
                }
                found = (head, elements, (scanner.position - 1)..<bytes.count)
            case "messages":
                return nil
            case "metadata":
                guard scanner.skipValue() else { return nil }
                let metadata = bytes[valueStart..<scanner.position]
                declaresVersion = ["\"pactSpecification\"", "\"pact-specification\"", "\"pactSpecificationVersion\""]
                    .contains { metadata.firstRange(of: Array($0.utf8)) != nil }
            default:
                guard scanner.skipValue() else { return nil }
            }
            scanner.skipWhitespace()
            if scanner.take(UInt8(ascii: ",")) { continue }
            guard scanner.take(UInt8(ascii: "}")) else { return nil }
            break
        }
        guard let found, declaresVersion else { return nil }
        (head, elements, tail) = found
    }

    /// A document like the original holding only the elements `range` of the interactions.
    func document(_ bytes: [UInt8], elements range: Range<Int>) -> [UInt8] {
        var document = Array(bytes[head])
        for (offset, element) in elements[range].enumerated() {
            if offset > 0 { document.append(UInt8(ascii: ",")) }
            document += bytes[element]
        }
        document += bytes[tail]
        return document
    }

    /// Moves over JSON text without building values.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            position += 1
            return true
        }

        mutating func skipWhitespace() {
            while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
        }

        /// A string starting at `"`; returns its raw text (escapes left as they are).
        mutating func string() -> String? {
            let start = position + 1
            guard skipString() else { return nil }
            return String(decoding: bytes[start..<(position - 1)], as: UTF8.self)
        }

        mutating func skipString() -> Bool {
            position += 1
            while let byte = peek {
                position += 1
                if byte == UInt8(ascii: "\\") {
                    position += 1
                } else if byte == UInt8(ascii: "\"") {
                    return position <= bytes.count
                }
            }
            return false
        }

        /// Any value: a string, an object or array (nested), or a literal or number.
        mutating func skipValue() -> Bool {
            guard let first = peek else { return false }
            if first == UInt8(ascii: "\"") { return skipString() }
            guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
                let start = position
                while let byte = peek, !",}] \n\r\t".utf8.contains(byte) { position += 1 }
                return position > start
            }
            var depth = 0
            while let byte = peek {
                if byte == UInt8(ascii: "\"") {
                    guard skipString() else { return false }
                    continue
                }
                position += 1
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    depth += 1
                } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { return true }
                }
            }
            return false
        }
    }
}
