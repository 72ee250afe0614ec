import Foundation

/// A ```swift block as a reader sees it: in a Markdown page, or in a `///` doc comment of a source file.
struct DocumentedSwiftBlock: Equatable, CustomStringConvertible {
    /// The file, relative to the package root (`README.md`, `docs/mock.md`, `Sources/…/PactBuilder.swift`).
    var document: String
    /// The 1-based line of the opening fence.
    var line: Int
    /// The block's lines, without the fences.
    var lines: [String]

    var description: String { "\(document):\(line) (\(lines.first ?? "empty"))" }
}

/// Finds the ```swift blocks of the package's documentation: `README.md`, every other `*.md` at the root, every
/// `docs/*.md`, and the doc comments of `Sources/**/*.swift`.
enum DocumentedSwiftBlocks {
    static let fence = "```swift"

    /// The Markdown pages the blocks are read from, relative to the root.
    static func markdownPages(under root: URL) throws -> [String] {
        let top = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".md") }
        let docs = root.appendingPathComponent("docs")
        let pages = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return (top + pages.filter { $0.hasSuffix(".md") }.map { "docs/\($0)" }).sorted()
    }

    /// The Swift sources under `Sources/`, relative to the root.
    static func sourceFiles(under root: URL) -> [String] {
        swiftFiles(in: root.appendingPathComponent("Sources"), relativeTo: root)
    }

    /// Every block of every page and source file.
    static func all(under root: URL) throws -> [DocumentedSwiftBlock] {
        var blocks: [DocumentedSwiftBlock] = []
        for page in try markdownPages(under: root) {
            let text = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
            blocks += try markdownBlocks(in: text, document: page)
        }
        for source in sourceFiles(under: root) {
            let text = try String(contentsOf: root.appendingPathComponent(source), encoding: .utf8)
            blocks += try docCommentBlocks(in: text, document: source)
        }
        return blocks
    }

    /// The ```swift blocks of a Markdown page. A fence that is indented (inside a list) would be missed, so it is an
    /// error rather than a block nobody checks.
    static func markdownBlocks(in text: String, document: String) throws -> [DocumentedSwiftBlock] {
        try blocks(in: text.components(separatedBy: "\n"), document: document)
    }

    /// The ```swift blocks of the `///` comments of a Swift source file.
    static func docCommentBlocks(in text: String, document: String) throws -> [DocumentedSwiftBlock] {
        let lines = text.components(separatedBy: "\n").map { line -> String in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("///") else { return "" }
            let comment = trimmed.dropFirst(3)
            return String(comment.hasPrefix(" ") ? comment.dropFirst() : comment)
        }
        return try blocks(in: lines, document: document)
    }

    private static func blocks(in lines: [String], document: String) throws -> [DocumentedSwiftBlock] {
        var blocks: [DocumentedSwiftBlock] = []
        var open: (line: Int, lines: [String], swift: Bool)?
        for (index, line) in lines.enumerated() {
            if var current = open {
                if line == "```" {
                    if current.swift { blocks.append(DocumentedSwiftBlock(document: document, line: current.line, lines: current.lines)) }
                    open = nil
                } else {
                    current.lines.append(line)
                    open = current
                }
            } else if line.hasPrefix("```") {
                open = (index + 1, [], line == fence)
            } else if line.contains(fence) {
                throw BlockError(reason: "\(document):\(index + 1): a ```swift fence that does not start its line")
            }
        }
        if let open { throw BlockError(reason: "\(document):\(open.line): a fence that is never closed") }
        return blocks
    }

    static func swiftFiles(in folder: URL, relativeTo root: URL) -> [String] {
        let prefix = root.standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var files: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            files.append(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
        }
        return files.sorted()
    }
}

/// Documentation that cannot be read as blocks.
struct BlockError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
