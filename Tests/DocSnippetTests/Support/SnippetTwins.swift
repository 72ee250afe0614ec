import Foundation

/// A documented snippet's compiled twin: lines of a Swift file in a test target between
/// `// doc-snippet: <document>` and `// doc-snippet-end`. Lines ending in `// repo only` (the context a snippet
/// leaves out: a wrapping function, a skip) are not part of it, and the common indentation is removed, so a snippet
/// shown at the top level can sit in a function body.
struct SnippetTwin: CustomStringConvertible {
    /// The test file, relative to the package root.
    var file: String
    /// The 1-based line of the opening marker.
    var line: Int
    /// The document the snippet is shown in (`README.md`, `docs/mock.md`, `Sources/…`).
    var document: String
    /// The snippet's lines as the document must show them.
    var lines: [String]

    var description: String { "\(file):\(line) (for \(document))" }
}

enum SnippetTwins {
    static let startMarker = "// doc-snippet:"
    static let endMarker = "// doc-snippet-end"
    static let omittedLineMarker = "// repo only"

    /// Every twin in the Swift files under `Tests/`.
    static func all(under root: URL) throws -> [SnippetTwin] {
        var twins: [SnippetTwin] = []
        for file in DocumentedSwiftBlocks.swiftFiles(in: root.appendingPathComponent("Tests"), relativeTo: root) {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            twins += try Self.twins(in: text, file: file)
        }
        return twins
    }

    static func twins(in text: String, file: String) throws -> [SnippetTwin] {
        var twins: [SnippetTwin] = []
        var open: SnippetTwin?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(startMarker) {
                guard open == nil else { throw BlockError(reason: "\(file):\(index + 1): a twin inside a twin") }
                let document = trimmed.dropFirst(startMarker.count).trimmingCharacters(in: .whitespaces)
                open = SnippetTwin(file: file, line: index + 1, document: document, lines: [])
            } else if trimmed == endMarker {
                guard var twin = open else { throw BlockError(reason: "\(file):\(index + 1): an end without a start") }
                twin.lines = dedented(twin.lines)
                twins.append(twin)
                open = nil
            } else if open != nil, !line.hasSuffix(omittedLineMarker) {
                open?.lines.append(line)
            }
        }
        if let open { throw BlockError(reason: "\(open): never ended with \(endMarker)") }
        return twins
    }

    /// The lines without the indentation they all share (blank lines aside) and without trailing spaces.
    static func dedented(_ lines: [String]) -> [String] {
        let trimmedEnds = lines.map { line -> String in
            var line = line
            while line.last == " " { line.removeLast() }
            return line
        }
        let indents = trimmedEnds.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }
        let common = indents.min() ?? 0
        return trimmedEnds.map { $0.isEmpty ? $0 : String($0.dropFirst(common)) }
    }

    /// The twin of `block`, if one has exactly its lines.
    static func twin(of block: DocumentedSwiftBlock, among twins: [SnippetTwin]) -> SnippetTwin? {
        let wanted = dedented(block.lines)
        return twins.first { $0.document == block.document && $0.lines == wanted }
    }

    /// For a failure message: where the closest twin of the document first differs from the block.
    static func firstDifference(of block: DocumentedSwiftBlock, among twins: [SnippetTwin]) -> String {
        let wanted = dedented(block.lines)
        let candidates = twins.filter { $0.document == block.document }
        guard !candidates.isEmpty else { return "no twin names \(block.document)" }
        func commonPrefix(_ twin: SnippetTwin) -> Int { zip(twin.lines, wanted).prefix { $0 == $1 }.count }
        let closest = candidates.max { commonPrefix($0) < commonPrefix($1) }!
        let at = commonPrefix(closest)
        let documented = at < wanted.count ? wanted[at] : "(end of block)"
        let compiled = at < closest.lines.count ? closest.lines[at] : "(end of twin)"
        return "closest twin \(closest) differs at snippet line \(at + 1):\n  documented: \(documented)\n  compiled:   \(compiled)"
    }
}
