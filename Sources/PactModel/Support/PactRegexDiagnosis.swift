import Foundation

/// Why ICU rejects a (translated) pattern, in pact-reference's words (Rust regex-syntax's error kinds) where they
/// exist. NSRegularExpression's own error carries no reason, so the common causes are found by scanning the
/// pattern; nil when none is found.
enum PactRegexDiagnosis {
    static func reason(_ pattern: String) -> String? {
        var scanner = DiagnosisScanner(Array(pattern.unicodeScalars))
        return scanner.run()
    }
}

private struct DiagnosisScanner {
    let source: [Unicode.Scalar]
    var index = 0
    /// Offsets of the open groups' `(`.
    var openGroups: [Int] = []
    var groupCount = 0
    var names: Set<String> = []
    var highestBackreference = 0
    /// Whether the previous item can be repeated, whether it is a repetition, and whether that repetition is
    /// already lazy or possessive.
    var repeatable = false
    var repeated = false
    var qualified = false

    init(_ source: [Unicode.Scalar]) { self.source = source }

    func at(_ offset: Int) -> Unicode.Scalar? {
        index + offset < source.count ? source[index + offset] : nil
    }

    var rest: String { String(String.UnicodeScalarView(source[index...])) }

    mutating func run() -> String? {
        while let scalar = at(0) {
            let reason: String? = switch scalar {
            case "\\": escape()
            case "[": characterClass()
            case "(": openGroup()
            case ")": closeGroup()
            case "|": item(repeatable: false, length: 1)
            case "^", "$": item(repeatable: true, length: 1)
            case "*", "+", "?": repetition(length: 1)
            case "{": CountedRepetition.length(in: source, at: index).map { counted($0) } ?? item(repeatable: true, length: 1)
            default: item(repeatable: true, length: 1)
            }
            if let reason { return reason }
        }
        if !openGroups.isEmpty { return "unclosed group" }
        if highestBackreference > groupCount { return "backreference to group \(highestBackreference), which does not exist" }
        return nil
    }

    mutating func item(repeatable: Bool, length: Int) -> String? {
        self.repeatable = repeatable
        repeated = false
        index += length
        return nil
    }

    mutating func repetition(length: Int) -> String? {
        let operator_ = String(String.UnicodeScalarView(source[index..<(index + length)]))
        if repeated, !qualified, operator_ == "?" || operator_ == "+" {
            // `a*?` (lazy) and `a*+` (possessive) qualify the repetition before them.
            qualified = true
            index += 1
            return nil
        }
        if repeated { return "repetition operator '\(operator_)' follows another repetition operator" }
        if !repeatable { return "repetition operator '\(operator_)' missing expression" }
        repeated = true
        qualified = false
        repeatable = false
        index += length
        return nil
    }

    mutating func counted(_ length: Int) -> String? {
        let text = String(String.UnicodeScalarView(source[(index + 1)..<(index + length - 1)]))
        let bounds = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        if bounds.count == 2, let low = bounds[0], let high = bounds[1], low > high {
            return "invalid repetition count range, the start must be <= the end"
        }
        return repetition(length: length)
    }

    mutating func escape() -> String? {
        guard let letter = at(1) else { return "incomplete escape sequence, reached end of pattern prematurely" }
        if letter == "Q" {
            index += 2
            while index < source.count, !(at(0) == "\\" && at(1) == "E") { index += 1 }
            return item(repeatable: true, length: min(2, source.count - index))
        }
        var length = 2
        if at(2) == "{", "pPxN".unicodeScalars.contains(letter) {
            guard let close = source[(index + 2)...].firstIndex(of: "}") else {
                return "unclosed escape sequence '\(rest)'"
            }
            length = close - index + 1
        } else if let digits = ["x": 2, "u": 4, "U": 8][Character(letter)] {
            // `\xhh`, `\uhhhh`, `\Uhhhhhhhh`.
            length = min(2 + digits, source.count - index)
        }
        if ("1"..."9").contains(letter) {
            highestBackreference = max(highestBackreference, Int(String(letter)) ?? 0)
        }
        let text = String(String.UnicodeScalarView(source[index..<(index + length)]))
        // ICU itself judges an escape on its own (`\p{Foo}`, `\x{110000}`, `\k` without a name).
        if !("1"..."9").contains(letter), letter != "k", (try? NSRegularExpression(pattern: text)) == nil {
            return "invalid escape sequence '\(text)'"
        }
        return item(repeatable: !"bBAzZG".unicodeScalars.contains(letter), length: length)
    }

    mutating func characterClass() -> String? {
        let start = index
        var depth = 0
        var previous: Unicode.Scalar?
        var pendingRange = false
        while let scalar = at(0) {
            let leading = index == start + 1 || (index == start + 2 && source[start + 1] == "^")
            if index == start + 1, scalar == "^" {
                index += 1
                continue
            }
            switch scalar {
            case "\\":
                index += 2
                previous = nil
                continue
            case "[":
                depth += 1
                index += 1
                previous = nil
                continue
            case "]" where !leading || depth > 1:
                depth -= 1
                index += 1
                previous = nil
                if depth == 0 { return item(repeatable: true, length: 0) }
                continue
            case "-" where previous != nil && at(1) != "]":
                pendingRange = true
                index += 1
                continue
            default:
                if pendingRange, let low = previous, low.value > scalar.value {
                    return "invalid character class range, the start must be <= the end"
                }
                previous = pendingRange ? nil : scalar
                pendingRange = false
                index += 1
            }
        }
        return "unclosed character class"
    }

    mutating func openGroup() -> String? {
        openGroups.append(index)
        guard at(1) == "?" else {
            groupCount += 1
            return item(repeatable: false, length: 1)
        }
        let next = at(2)
        if next == "<", let after = at(3), after != "=", after != "!" {
            guard let close = source[(index + 3)...].firstIndex(of: ">") else { return "unclosed capture group name" }
            let name = String(String.UnicodeScalarView(source[(index + 3)..<close]))
            if name.isEmpty { return "empty capture group name" }
            let letters = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
            if !letters || ("0"..."9").contains(name.unicodeScalars.first!) { return "invalid capture group name '\(name)'" }
            if !names.insert(name).inserted { return "duplicate capture group name '\(name)'" }
            groupCount += 1
            return item(repeatable: false, length: close - index + 1)
        }
        if let next, ":=!>#".unicodeScalars.contains(next) { return item(repeatable: false, length: 3) }
        if next == "<" { return item(repeatable: false, length: 4) }
        // Flags: `(?i)`, `(?i-m:…)`; ICU judges them on their own.
        var end = index + 2
        while end < source.count, source[end] != ")", source[end] != ":" { end += 1 }
        guard end < source.count else { return "unclosed group" }
        let flags = String(String.UnicodeScalarView(source[(index + 2)..<end]))
        if (try? NSRegularExpression(pattern: "(?" + flags + ")")) == nil { return "unrecognized flag in '(?\(flags)'" }
        if source[end] == ")" { openGroups.removeLast() }
        return item(repeatable: false, length: end - index + 1)
    }

    mutating func closeGroup() -> String? {
        guard openGroups.popLast() != nil else { return "unopened group" }
        return item(repeatable: true, length: 1)
    }
}
