import Foundation

/// A path template (`/pets/{id}/photos/{name}.{ext}`) split into segments, ready to match request paths.
struct PathTemplate: Sendable {
    /// One `/`-separated part of a template.
    enum Segment: Sendable {
        /// Plain text, compared as written.
        case literal(String)
        /// One or more `{name}`s, with text around and between them (`{name}.{ext}`, `v{major}`).
        case parameters(SegmentPattern)
        /// A `{` without its `}`: compared as written, but not counted as a literal segment.
        case unclosed(String)
    }

    let template: String
    let segments: [Segment]
    /// Segments of plain text: the more, the more specific.
    let literalSegments: Int
    /// Characters of text in segments that also hold parameters (`.` in `{id}.{format}`): next in specificity.
    let literalCharacters: Int

    init(_ template: String) {
        self.template = template
        segments = PathTemplate.split(template).map { part in
            let text = String(part)
            guard text.contains("{") else { return .literal(text) }
            return SegmentPattern(text).map(Segment.parameters) ?? .unclosed(text)
        }
        literalSegments = segments.count { if case .literal = $0 { true } else { false } }
        literalCharacters = segments.reduce(0) { total, segment in
            if case .parameters(let pattern) = segment { total + pattern.literalCount } else { total }
        }
    }

    /// `/a/b` → `["a", "b"]`; `/` → `[]`; empty segments kept (`/a/` → `["a", ""]`).
    static func split(_ path: String) -> [Substring] {
        let trimmed = path.hasPrefix("/") ? path.dropFirst() : Substring(path)
        return trimmed.isEmpty ? [] : trimmed.split(separator: "/", omittingEmptySubsequences: false)
    }

    /// The parameters' values (percent-decoded) when `path`'s segments match this template; nil when they do not.
    func match(_ path: [Substring]) -> [String: String]? {
        guard path.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, text) in zip(segments, path) {
            switch segment {
            case .literal(let literal), .unclosed(let literal):
                guard literal == text else { return nil }
            case .parameters(let pattern):
                guard let values = pattern.match(text) else { return nil }
                for (name, value) in values where parameters[name] == nil { parameters[name] = value }
            }
        }
        return parameters
    }
}

/// A template segment with parameters: `literals[0] {names[0]} literals[1] … {names[n-1]} literals[n]`. Each parameter
/// takes at least one character, as few as it can (the first parameter of `{name}.{ext}` against `a.tar.gz` is `a`),
/// and no line break, as the regular expression `^(.+?)\.(.+?)$` would; the last literal ends the segment.
struct SegmentPattern: Sendable {
    let names: [String]
    /// `names.count + 1` texts, as Unicode scalars; some may be empty.
    let literals: [[Unicode.Scalar]]

    var literalCount: Int { literals.reduce(0) { $0 + $1.count } }

    /// nil when a `{` has no `}`.
    init?(_ text: String) {
        var names: [String] = []
        var literals: [[Unicode.Scalar]] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            literals.append(Array(rest[..<open].unicodeScalars))
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        literals.append(Array(rest.unicodeScalars))
        self.names = names
        self.literals = literals
    }

    /// Each parameter's value, percent-decoded, or nil when `segment` does not fit. Placing each literal at its first
    /// place after the parameter before it is the lazy regular expression's choice, and it fits whenever any placing
    /// does, so no backtracking is needed.
    func match(_ segment: Substring) -> [String: String]? {
        let scalars = Array(segment.unicodeScalars)
        guard let prefix = literals.first, let suffix = literals.last, scalars.count >= prefix.count + suffix.count + names.count,
            scalars.starts(with: prefix), scalars[(scalars.count - suffix.count)...].elementsEqual(suffix)
        else { return nil }
        let end = scalars.count - suffix.count
        var position = prefix.count
        var values: [String: String] = [:]
        for (index, name) in names.enumerated() {
            let valueEnd: Int
            if index == names.count - 1 {
                valueEnd = end
            } else {
                guard let found = Self.find(literals[index + 1], in: scalars, from: position + 1, before: end) else { return nil }
                valueEnd = found
            }
            guard valueEnd > position else { return nil }
            let value = scalars[position..<valueEnd]
            guard !value.contains(where: Self.isLineBreak) else { return nil }
            let raw = String(String.UnicodeScalarView(value))
            if values[name] == nil { values[name] = value.contains("%") ? raw.removingPercentEncoding ?? raw : raw }
            position = valueEnd + literals[index + 1].count
        }
        return values
    }

    /// The first index at or after `start` where `literal` begins and ends by `limit`.
    private static func find(_ literal: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int, before limit: Int) -> Int? {
        guard !literal.isEmpty else { return start <= limit ? start : nil }
        var index = start
        while index + literal.count <= limit {
            if scalars[index] == literal[0], scalars[index..<(index + literal.count)].elementsEqual(literal) { return index }
            index += 1
        }
        return nil
    }

    /// What ICU's `.` does not match.
    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
