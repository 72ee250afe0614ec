import PactModel

/// A whole-value matcher for the simplest regexes (a sequence of characters, classes and escapes such as `\d`, each
/// with an optional repetition, and groups of those repeated a fixed number of times), used before ICU when a rule
/// checks many values: `ORD-\d{8}` or `[^@]+@[a-z.]+` against thousands of list items, `P(-[A-Z0-9]{4}){3}` against
/// every request a mock receives.
///
/// It only ever answers "matches" when ICU would: it accepts a subset of the syntax (anything else gives no
/// `QuickRegex`), reads only printable ASCII text, where `\d`, `\w`, `\s` and `.` mean the same in every engine, and
/// gives up after a bounded amount of backtracking. A `false` means "not known to match": the caller then asks ICU,
/// which also writes the mismatch sentence.
struct QuickRegex: Sendable {
    /// One step: a set of bytes repeated between `min` and `max` times.
    struct Atom: Sendable {
        var set: ByteSet
        var min: Int
        var max: Int
    }

    /// A set of printable ASCII bytes (0x20 to 0x7E).
    struct ByteSet: Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        static let printable: ByteSet = {
            var set = ByteSet()
            set.insert(0x20...0x7E)
            return set
        }()

        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
        }

        mutating func insert(_ bytes: ClosedRange<UInt8>) {
            for byte in bytes where ByteSet.isPrintable(byte) {
                if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
            }
        }

        mutating func formUnion(_ other: ByteSet) {
            low |= other.low
            high |= other.high
        }

        /// The printable bytes not in this set.
        var inverted: ByteSet {
            ByteSet(low: ~low & ByteSet.printable.low, high: ~high & ByteSet.printable.high)
        }

        static func isPrintable(_ byte: UInt8) -> Bool { byte >= 0x20 && byte <= 0x7E }
    }

    let atoms: [Atom]

    /// The matcher for `pattern` as ICU reads it (after `PactRegex.translated`), or nil when the pattern uses syntax
    /// outside the subset or does not compile.
    init?(pattern: String) {
        guard PactRegex.isValid(pattern) else { return nil }
        var parser = QuickRegexParser(Array(PactRegex.translated(pattern).utf8))
        guard let atoms = parser.parse() else { return nil }
        self.atoms = atoms
    }

    private static let cache = LockedCache<String, QuickRegex?>(limit: 256)

    /// `QuickRegex(pattern:)`, made once per pattern: a walk prepares the rules of each place it meets, and the mock
    /// walks every request's body, so reading the pattern again each time would cost more than it saves on a small
    /// body.
    static func prepared(_ pattern: String) -> QuickRegex? {
        cache.value(for: pattern) { QuickRegex(pattern: $0) }
    }

    /// True when the whole of `text` matches; false when it does not or when this matcher cannot tell.
    func matchesWhole(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where !ByteSet.isPrintable(byte) { return false }
            var budget = 10_000 + 64 * bytes.count
            return match(0, at: 0, in: bytes, budget: &budget)
        }
    }

    private func match(_ index: Int, at position: Int, in bytes: UnsafeBufferPointer<UInt8>, budget: inout Int) -> Bool {
        var index = index
        var position = position
        // Steps repeated a fixed number of times need no backtracking.
        while index < atoms.count, atoms[index].min == atoms[index].max {
            let atom = atoms[index]
            guard bytes.count - position >= atom.min else { return false }
            for offset in 0..<atom.min where !atom.set.contains(bytes[position + offset]) { return false }
            position += atom.min
            index += 1
        }
        guard index < atoms.count else { return position == bytes.count }
        let atom = atoms[index]
        var run = 0
        while run < atom.max, position + run < bytes.count, atom.set.contains(bytes[position + run]) { run += 1 }
        guard run >= atom.min else { return false }
        var count = run
        while count >= atom.min {
            budget -= 1
            if budget < 0 { return false }
            if match(index + 1, at: position + count, in: bytes, budget: &budget) { return true }
            count -= 1
        }
        return false
    }
}

/// Reads the subset of regex syntax `QuickRegex` handles; nil for anything else.
private struct QuickRegexParser {
    let source: [UInt8]
    var index = 0

    init(_ source: [UInt8]) { self.source = source }

    /// Escaped characters that stand for themselves.
    static let escapedLiterals = Set(Array(".\\-[]{}()*+?|^$/".utf8))
    /// Characters that stand for themselves in a class; others (`[`, `&`, `{`, `$`, `:`, spaces, ...) have meanings
    /// in ICU's set syntax or are left to ICU to be safe.
    static let classLiterals = Set(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@+*/,;!#%?()|<>~".utf8))
    /// Characters with a meaning of their own outside classes.
    static let special = Set(Array("\\.[](){}*+?|^$".utf8))

    mutating func parse() -> [QuickRegex.Atom]? {
        var end = source.count
        // `^` first and `$` last only say "whole value", which matching already requires.
        if index < end, source[index] == UInt8(ascii: "^") { index += 1 }
        if end > index, source[end - 1] == UInt8(ascii: "$") {
            var backslashes = 0
            while end - 2 - backslashes >= index, source[end - 2 - backslashes] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 { end -= 1 }
        }
        guard let atoms = parseSequence(end: end, depth: 0), index == end else { return nil }
        return atoms
    }

    /// The most atoms a pattern may unroll to (`(ab){4000}` is left to ICU).
    static let atomLimit = 256

    /// Atoms up to `end`, or up to the `)` closing the group at `depth` (left for the caller to read). A group
    /// repeated a fixed number of times, `(-[A-Z0-9]{4}){3}`, is unrolled into its atoms repeated: the same values
    /// match either way. Other groups (`(a|b)`, `(?:...)`, `(ab)+`, `(ab){1,3}`) are left to ICU.
    private mutating func parseSequence(end: Int, depth: Int) -> [QuickRegex.Atom]? {
        var atoms: [QuickRegex.Atom] = []
        while index < end {
            switch source[index] {
            case UInt8(ascii: ")"):
                return depth > 0 ? atoms : nil
            case UInt8(ascii: "("):
                guard depth < 4 else { return nil }
                index += 1
                guard let group = parseSequence(end: end, depth: depth + 1), index < end,
                    source[index] == UInt8(ascii: ")")
                else { return nil }
                index += 1
                var repetition = QuickRegex.Atom(set: QuickRegex.ByteSet(), min: 1, max: 1)
                if index < end, !parseQuantifier(into: &repetition, end: end) { return nil }
                guard repetition.min == repetition.max,
                    atoms.count + group.count * repetition.min <= Self.atomLimit
                else { return nil }
                for _ in 0..<repetition.min { atoms += group }
            default:
                guard let set = parseAtom(end: end) else { return nil }
                var atom = QuickRegex.Atom(set: set, min: 1, max: 1)
                if index < end, !parseQuantifier(into: &atom, end: end) { return nil }
                guard atoms.count < Self.atomLimit else { return nil }
                atoms.append(atom)
            }
        }
        // A group still open at the end does not compile; ICU says so.
        return depth == 0 ? atoms : nil
    }

    private mutating func parseAtom(end: Int) -> QuickRegex.ByteSet? {
        let byte = source[index]
        index += 1
        switch byte {
        case UInt8(ascii: "."):
            return .printable
        case UInt8(ascii: "\\"):
            guard index < end else { return nil }
            let escaped = source[index]
            index += 1
            if let set = Self.shorthand(escaped) { return set }
            guard Self.escapedLiterals.contains(escaped) else { return nil }
            return Self.single(escaped)
        case UInt8(ascii: "["):
            return parseClass(end: end)
        default:
            guard QuickRegex.ByteSet.isPrintable(byte), !Self.special.contains(byte) else { return nil }
            return Self.single(byte)
        }
    }

    /// `*`, `+`, `?`, `{n}`, `{n,}` or `{n,m}`, greedy; true when there was none or it was read.
    private mutating func parseQuantifier(into atom: inout QuickRegex.Atom, end: Int) -> Bool {
        switch source[index] {
        case UInt8(ascii: "*"): (atom.min, atom.max) = (0, .max)
        case UInt8(ascii: "+"): (atom.min, atom.max) = (1, .max)
        case UInt8(ascii: "?"): (atom.min, atom.max) = (0, 1)
        case UInt8(ascii: "{"):
            index += 1
            guard let low = number(end: end), index < end else { return false }
            var high = low
            if source[index] == UInt8(ascii: ",") {
                index += 1
                guard index < end else { return false }
                if source[index] == UInt8(ascii: "}") {
                    high = .max
                } else {
                    guard let value = number(end: end), value >= low, index < end else { return false }
                    high = value
                }
            }
            guard source[index] == UInt8(ascii: "}") else { return false }
            (atom.min, atom.max) = (low, high)
        default:
            return true
        }
        index += 1
        // Lazy and possessive forms, and a second repetition, are left to ICU.
        if index < end, [UInt8(ascii: "?"), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "{")].contains(source[index]) {
            return false
        }
        return true
    }

    private mutating func number(end: Int) -> Int? {
        var value = 0
        var digits = 0
        while index < end, source[index] >= UInt8(ascii: "0"), source[index] <= UInt8(ascii: "9") {
            value = value * 10 + Int(source[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
            if digits > 4 { return nil }
        }
        return digits == 0 ? nil : value
    }

    /// A class of single characters, ranges and shorthands, optionally negated; nested classes and set operations
    /// are left to ICU.
    private mutating func parseClass(end: Int) -> QuickRegex.ByteSet? {
        var negated = false
        if index < end, source[index] == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        let start = index
        var set = QuickRegex.ByteSet()
        var first = true
        while index < end {
            let byte = source[index]
            if byte == UInt8(ascii: "]") {
                guard !first else { return nil }
                index += 1
                return negated ? set.inverted : set
            }
            first = false
            switch byte {
            case UInt8(ascii: "\\"):
                guard index + 1 < end else { return nil }
                let escaped = source[index + 1]
                index += 2
                if let shorthand = Self.shorthand(escaped) {
                    set.formUnion(shorthand)
                } else if Self.escapedLiterals.contains(escaped) {
                    guard !startsRange(end: end) else { return nil }
                    set.insert(escaped...escaped)
                } else {
                    return nil
                }
            case UInt8(ascii: "-"):
                // Only a literal first or last (`[-a]`, `[a-]`); `--` is a set difference in ICU.
                let last = index + 1 < end && source[index + 1] == UInt8(ascii: "]")
                guard index == start || last else { return nil }
                set.insert(byte...byte)
                index += 1
            default:
                guard Self.classLiterals.contains(byte) else { return nil }
                index += 1
                if startsRange(end: end) {
                    let upper = source[index + 1]
                    guard Self.classLiterals.contains(upper), byte <= upper else { return nil }
                    set.insert(byte...upper)
                    index += 2
                } else {
                    set.insert(byte...byte)
                }
            }
        }
        return nil
    }

    /// True when a `-` at the current position makes a range with the next character (not `-]`).
    private func startsRange(end: Int) -> Bool {
        index + 1 < end && source[index] == UInt8(ascii: "-") && source[index + 1] != UInt8(ascii: "]")
    }

    static func single(_ byte: UInt8) -> QuickRegex.ByteSet {
        var set = QuickRegex.ByteSet()
        set.insert(byte...byte)
        return set
    }

    /// `\d`, `\w`, `\s` and their negations, on printable ASCII.
    static func shorthand(_ letter: UInt8) -> QuickRegex.ByteSet? {
        var set = QuickRegex.ByteSet()
        switch letter {
        case UInt8(ascii: "d"), UInt8(ascii: "D"):
            set.insert(UInt8(ascii: "0")...UInt8(ascii: "9"))
        case UInt8(ascii: "w"), UInt8(ascii: "W"):
            set.insert(UInt8(ascii: "0")...UInt8(ascii: "9"))
            set.insert(UInt8(ascii: "a")...UInt8(ascii: "z"))
            set.insert(UInt8(ascii: "A")...UInt8(ascii: "Z"))
            set.insert(UInt8(ascii: "_")...UInt8(ascii: "_"))
        case UInt8(ascii: "s"), UInt8(ascii: "S"):
            set.insert(0x20...0x20)
        default:
            return nil
        }
        return letter >= UInt8(ascii: "a") ? set : set.inverted
    }
}
