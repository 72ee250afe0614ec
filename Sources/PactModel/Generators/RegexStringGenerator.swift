/// Produces random strings matching a regular expression: literals, `.`, character classes with ranges and
/// negation, `\d \w \s` (and `\D \W \S`), quantifiers `? * + {n} {n,} {n,m}` (lazy and possessive forms too),
/// groups (plain, `(?:...)`, `(?<name>...)`) and alternation. Anchors and word boundaries produce nothing.
/// Look-arounds, back-references and Unicode properties are unsupported and reported as errors.
public enum RegexStringGenerator {
    /// A random string that `pattern` matches as a whole.
    public static func generate<R: RandomNumberGenerator>(matching pattern: String, using rng: inout R) throws(GeneratorError) -> String {
        var parser = RegexParser(pattern: pattern)
        let node = try parser.parse()
        var out = ""
        node.generate(into: &out, using: &rng)
        return out
    }
}

/// How many extra repetitions an unbounded quantifier (`*`, `+`, `{n,}`) may produce.
private let unboundedExtra = 5

/// Printable ASCII: the universe for `.` and negated classes.
private let printable: [Character] = (0x20...0x7E).compactMap { Unicode.Scalar($0).map(Character.init) }
private let digitChars = Array("0123456789")
private let wordChars = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
private let spaceChars: [Character] = [" ", "\t"]

private indirect enum RegexNode {
    case empty
    /// One character chosen from the list.
    case oneOf([Character])
    case sequence([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int)

    func generate<R: RandomNumberGenerator>(into out: inout String, using rng: inout R) {
        switch self {
        case .empty: break
        case .oneOf(let chars): out.append(chars[Int.random(in: 0..<chars.count, using: &rng)])
        case .sequence(let nodes): for node in nodes { node.generate(into: &out, using: &rng) }
        case .alternation(let branches): branches[Int.random(in: 0..<branches.count, using: &rng)].generate(into: &out, using: &rng)
        case .repetition(let node, let min, let max):
            for _ in 0..<Int.random(in: min...max, using: &rng) { node.generate(into: &out, using: &rng) }
        }
    }
}

private struct RegexParser {
    let pattern: String
    let chars: [Character]
    var i = 0

    init(pattern: String) {
        self.pattern = pattern
        chars = Array(pattern)
    }

    func fail(_ reason: String, at offset: Int? = nil) -> GeneratorError {
        GeneratorError(generatorType: "Regex", reason: "\(reason) at offset \(offset ?? i) in '\(pattern)'")
    }

    var peek: Character? { i < chars.count ? chars[i] : nil }

    mutating func parse() throws(GeneratorError) -> RegexNode {
        let node = try alternation()
        guard i == chars.count else { throw fail("unbalanced ')'") }
        return node
    }

    mutating func alternation() throws(GeneratorError) -> RegexNode {
        var branches = [try sequence()]
        while peek == "|" {
            i += 1
            branches.append(try sequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func sequence() throws(GeneratorError) -> RegexNode {
        var items: [RegexNode] = []
        while let c = peek, c != "|", c != ")" {
            let atom = try self.atom()
            items.append(try quantified(atom))
        }
        return .sequence(items)
    }

    mutating func quantified(_ atom: RegexNode) throws(GeneratorError) -> RegexNode {
        var node = atom
        while let c = peek {
            var bounds: (Int, Int)?
            switch c {
            case "?": bounds = (0, 1); i += 1
            case "*": bounds = (0, unboundedExtra); i += 1
            case "+": bounds = (1, 1 + unboundedExtra); i += 1
            case "{": bounds = braces()
            default: break
            }
            guard let (low, high) = bounds else { return node }
            guard low <= high else { throw fail("quantifier minimum is greater than its maximum") }
            node = .repetition(node, min: low, max: high)
            // Lazy and possessive modifiers change how a regex matches, not which strings it matches.
            if peek == "?" || peek == "+" { i += 1 }
        }
        return node
    }

    /// `{n}`, `{n,}` or `{n,m}` at the current position; nil (consuming nothing) when the brace is a literal.
    mutating func braces() -> (Int, Int)? {
        var j = i + 1
        func number() -> Int? {
            let start = j
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            return j > start ? Int(String(chars[start..<j])) : nil
        }
        guard let low = number() else { return nil }
        var high = low
        if j < chars.count, chars[j] == "," {
            j += 1
            high = number() ?? low + unboundedExtra
        }
        guard j < chars.count, chars[j] == "}" else { return nil }
        i = j + 1
        return (low, high)
    }

    mutating func atom() throws(GeneratorError) -> RegexNode {
        guard let c = peek else { throw fail("unexpected end") }
        let start = i
        i += 1
        switch c {
        case "(":
            if peek == "?" {
                if i + 1 < chars.count, chars[i + 1] == ":" {
                    i += 2
                } else if i + 2 < chars.count, chars[i + 1] == "<", chars[i + 2] != "=", chars[i + 2] != "!",
                    let close = chars[(i + 2)...].firstIndex(of: ">")
                {
                    i = close + 1
                } else {
                    throw fail("unsupported group construct", at: start)
                }
            }
            let inner = try alternation()
            guard peek == ")" else { throw fail("unterminated group", at: start) }
            i += 1
            return inner
        case "[": return try characterClass(start: start)
        case ".": return .oneOf(printable)
        case "^", "$": return .empty
        case "\\": return try escape(inClass: false).node
        case "*", "+", "?": throw fail("nothing to repeat", at: start)
        default: return .oneOf([c])
        }
    }

    /// The escape after a backslash: a set of characters, or an anchor (empty) outside classes.
    mutating func escape(inClass: Bool) throws(GeneratorError) -> (node: RegexNode, chars: [Character]) {
        guard let c = peek else { throw fail("trailing backslash") }
        let start = i - 1
        i += 1
        func set(_ chars: [Character]) -> (RegexNode, [Character]) { (.oneOf(chars), chars) }
        switch c {
        case "d": return set(digitChars)
        case "D": return set(printable.filter { !digitChars.contains($0) })
        case "w": return set(wordChars)
        case "W": return set(printable.filter { !wordChars.contains($0) })
        case "s": return set(spaceChars)
        case "S": return set(printable.filter { !spaceChars.contains($0) })
        case "t": return set(["\t"])
        case "n": return set(["\n"])
        case "r": return set(["\r"])
        case "f": return set(["\u{0C}"])
        case "v": return set(["\u{0B}"])
        case "0": return set(["\0"])
        case "b", "B", "A", "z", "Z", "G":
            guard !inClass else { throw fail("unsupported escape '\\\(c)' in a class", at: start) }
            return (.empty, [])
        case "x", "u":
            let width = c == "x" ? 2 : 4
            guard i + width <= chars.count, let code = UInt32(String(chars[i..<i + width]), radix: 16),
                let scalar = Unicode.Scalar(code)
            else { throw fail("invalid \\\(c) escape", at: start) }
            i += width
            return set([Character(scalar)])
        default:
            guard !c.isLetter, !c.isNumber else { throw fail("unsupported escape '\\\(c)'", at: start) }
            return set([c])
        }
    }

    mutating func characterClass(start: Int) throws(GeneratorError) -> RegexNode {
        var negated = false
        if peek == "^" { negated = true; i += 1 }
        var members: [Character] = []
        var first = true
        while true {
            guard let c = peek else { throw fail("unterminated character class", at: start) }
            if c == "]" && !first { i += 1; break }
            first = false
            if c == "[" || (c == "&" && i + 1 < chars.count && chars[i + 1] == "&") {
                throw fail("nested classes and class intersections are unsupported")
            }
            i += 1
            var low: Character = c
            if c == "\\" {
                let escaped = try escape(inClass: true).chars
                guard escaped.count == 1 else { members += escaped; continue }
                low = escaped[0]
            }
            if peek == "-", i + 1 < chars.count, chars[i + 1] != "]" {
                i += 1
                var high = chars[i]
                i += 1
                if high == "\\" {
                    let escaped = try escape(inClass: true).chars
                    guard escaped.count == 1 else { throw fail("invalid class range") }
                    high = escaped[0]
                }
                guard let l = low.unicodeScalars.first?.value, let h = high.unicodeScalars.first?.value, l <= h else {
                    throw fail("invalid class range \(low)-\(high)")
                }
                members += (l...h).compactMap { Unicode.Scalar($0).map(Character.init) }
            } else {
                members.append(low)
            }
        }
        let chosen = negated ? printable.filter { !members.contains($0) } : members
        guard !chosen.isEmpty else { throw fail("character class matches nothing", at: start) }
        return .oneOf(chosen)
    }
}
