import Foundation

/// The links and heading anchors of a Markdown page, outside its code blocks.
enum MarkdownLinks {
    /// The targets of the page's `[text](target)` links, in order.
    static func targets(in text: String) -> [String] {
        let pattern = /\[[^\]]*\]\(([^)\s]+)\)/
        return proseLines(of: text).flatMap { line in line.matches(of: pattern).map { String($0.output.1) } }
    }

    /// Whether a link leaves the package (a web address or mail).
    static func isExternal(_ link: String) -> Bool {
        link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:")
    }

    /// The anchors GitHub gives the page's headings: lower case, punctuation dropped, spaces as hyphens.
    static func headingAnchors(in text: String) -> [String] {
        proseLines(of: text).compactMap { line -> String? in
            guard line.hasPrefix("#") else { return nil }
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            return String(title.lowercased().compactMap { character -> Character? in
                if character == " " { return "-" }
                return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
            })
        }
    }

    private static func proseLines(of text: String) -> [String] {
        var inCode = false
        return text.components(separatedBy: "\n").filter { line in
            if line.hasPrefix("```") {
                inCode.toggle()
                return false
            }
            return !inCode
        }
    }
}
