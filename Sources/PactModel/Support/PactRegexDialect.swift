extension PactRegex {
    /// `pattern`, written for the engines pacts come from (Ruby, JavaScript, Java, Rust, Python), rewritten for ICU,
    /// the engine behind NSRegularExpression. Only differences whose meaning is the same in every engine that accepts
    /// the syntax are translated:
    ///
    /// - A `{` that does not start a counted repetition (`{n}`, `{n,}`, `{n,m}`) is a literal in Ruby, JavaScript
    ///   and Python (`http://.*{pacticipant}` in Ruby pacts); ICU rejects it, so it becomes `\{`.
    /// - A `}` that closes no counted repetition is a literal in Ruby, JavaScript, Java, Python and Rust; ICU
    ///   rejects it, so it becomes `\}`.
    /// - `(?P<name>…)`, the Python and Rust spelling of a named group, becomes `(?<name>…)`.
    /// - A group name with `_` (valid in Ruby, JavaScript, Python and Rust; ICU takes letters and digits only) is
    ///   left out: the group still captures, with the same number.
    /// - `\u{hex}` (Ruby, Rust, JavaScript's `u` mode) becomes ICU's `\x{hex}`, the same code point.
    ///
    /// Escapes, `\Q…\E` quotes and character classes are copied as written (braces are literals there everywhere).
    /// Not translated, because engines disagree on their meaning: `{,n}` (Ruby and Python read `{0,n}`, JavaScript a
    /// literal), `\h` (a hex digit in Ruby, horizontal space in ICU and Java), the `m` flag (dot-all in Ruby).
    public static func translated(_ pattern: String) -> String {
        var scanner = DialectTranslator(Array(pattern.unicodeScalars))
        return scanner.run()
    }
}

/// One pass over a pattern's scalars, tracking escapes and character-class nesting.
private struct DialectTranslator {
    let source: [Unicode.Scalar]
    var index = 0
    var classDepth = 0
    var out = String.UnicodeScalarView()

    init(_ source: [Unicode.Scalar]) { self.source = source }

    func at(_ offset: Int) -> Unicode.Scalar? {
        index + offset < source.count ? source[index + offset] : nil
    }

    mutating func copy(_ count: Int = 1) {
        let end = min(index + count, source.count)
        out.append(contentsOf: source[index..<end])
        index = end
    }

    mutating func emit(_ text: String) { out.append(contentsOf: text.unicodeScalars) }

    mutating func run() -> String {
        while let scalar = at(0) {
            switch scalar {
            case "\\": escape()
            case "[": openClass()
            case "]" where classDepth > 0:
                classDepth -= 1
                copy()
            case "{" where classDepth == 0:
                if let length = CountedRepetition.length(in: source, at: index) { copy(length) } else { emit("\\{"); index += 1 }
            case "}" where classDepth == 0:
                emit("\\}")
                index += 1
            case "(" where classDepth == 0 && at(1) == "?": group()
            default: copy()
            }
        }
        return String(out)
    }

    /// `\` and what it escapes; the braces of `\p{…}`, `\x{…}`, `\N{…}` belong to the escape.
    mutating func escape() {
        guard let letter = at(1) else { return copy() }
        if letter == "Q" {
            // `\Q…\E` quotes everything up to `\E` (or the end).
            copy(2)
            while index < source.count, !(at(0) == "\\" && at(1) == "E") { copy() }
            return copy(2)
        }
        guard at(2) == "{", "pPxNu".unicodeScalars.contains(letter),
              let close = source[(index + 2)...].firstIndex(of: "}") else { return copy(2) }
        if letter == "u" {
            emit("\\x")
            index += 2
        } else {
            copy(2)
        }
        copy(close - index + 1)
    }

    /// `[`, with a leading `^` and a leading `]` (a literal right after the opening bracket).
    mutating func openClass() {
        classDepth += 1
        copy()
        if at(0) == "^" { copy() }
        if at(0) == "]" { copy() }
    }

    /// `(?`: named groups in the Python/Rust spelling or with names ICU does not take; other groups as written.
    mutating func group() {
        let nameStart: Int
        if at(2) == "P", at(3) == "<" {
            nameStart = index + 4
        } else if at(2) == "<", let next = at(3), next != "=", next != "!" {
            nameStart = index + 3
        } else {
            return copy(2)
        }
        guard let close = source[nameStart...].firstIndex(of: ">") else { return copy(2) }
        let name = String(String.UnicodeScalarView(source[nameStart..<close]))
        let portable = name.unicodeScalars.first.map { $0 == "_" || isASCIILetter($0) } ?? false
            && name.unicodeScalars.allSatisfy { $0 == "_" || isASCIILetter($0) || ("0"..."9").contains($0) }
        if portable, name.contains("_") {
            emit("(")
        } else {
            emit("(?<" + name + ">")
        }
        index = close + 1
    }

    func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
}

/// `{n}`, `{n,}` and `{n,m}`: the counted repetitions every engine reads as such.
enum CountedRepetition {
    /// The length of the counted repetition starting at `start` (a `{`), or nil when none starts there.
    static func length(in source: [Unicode.Scalar], at start: Int) -> Int? {
        var index = start + 1
        func digits() -> Int {
            let first = index
            while index < source.count, ("0"..."9").contains(source[index]) { index += 1 }
            return index - first
        }
        guard digits() > 0, index < source.count else { return nil }
        if source[index] == "," {
            index += 1
            _ = digits()
        }
        guard index < source.count, source[index] == "}" else { return nil }
        return index - start + 1
    }
}
