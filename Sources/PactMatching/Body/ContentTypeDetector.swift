import Foundation
import PactModel

/// Guesses a body's content type from its bytes when no header says.
///
/// Binary formats are recognised by their magic numbers; text is then sniffed: JSON (an object or array that parses),
/// XML (a declaration or a leading tag; SVG and HTML recognised by their root), plain text (UTF-8 without control
/// characters), and anything else is `application/octet-stream`.
enum ContentTypeDetector {
    /// The detected type, or nil for an empty body.
    static func detect(_ data: Data) -> ContentType? {
        guard !data.isEmpty else { return nil }
        // Only the start decides a magic number; copying a prefix keeps that cheap for large bodies.
        let head = [UInt8](data.prefix(64))
        if let binary = MagicNumbers.contentType(of: head) { return binary }
        guard let text = decodeText(data) else { return .octetStream }
        return sniff(text) ?? (isPlainText(text) ? .plainText : .octetStream)
    }

    /// The body as text when it is UTF-8 (with or without a byte order mark) or UTF-16 with a byte order mark.
    private static func decodeText(_ data: Data) -> String? {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return String(data: data.dropFirst(3), encoding: .utf8) }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return String(data: data, encoding: .utf16) }
        return String(data: data, encoding: .utf8)
    }

    private static func sniff(_ text: String) -> ContentType? {
        let start = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        guard let first = start.first else { return nil }
        if first == "{" || first == "[" {
            return (try? JSONParser.parse(String(start))) != nil ? .json : nil
        }
        guard first == "<" else { return nil }
        return markup(start)
    }

    /// XML, HTML or SVG from the first tag after any declaration, comments and doctype.
    private static func markup(_ text: Substring) -> ContentType? {
        var rest = text
        var declared = false
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("<?xml") {
                declared = true
                guard let end = rest.range(of: "?>") else { return .xml }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { return declared ? .xml : nil }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<?") {
                guard let end = rest.range(of: "?>") else { return declared ? .xml : nil }
                rest = rest[end.upperBound...]
            } else if rest.prefix(9).lowercased() == "<!doctype" {
                let doctype = rest.prefix { $0 != ">" }.lowercased()
                if doctype.contains("html") { return .html }
                if doctype.contains("svg") { return svg }
                guard let end = rest.firstIndex(of: ">") else { return declared ? .xml : nil }
                rest = rest[rest.index(after: end)...]
            } else {
                break
            }
        }
        guard rest.first == "<", let nameStart = rest.dropFirst().first, nameStart.isLetter || nameStart == "_" else {
            return declared ? .xml : nil
        }
        let name = rest.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
        let local = (name.split(separator: ":").last.map(String.init) ?? String(name)).lowercased()
        if local == "svg" { return svg }
        if !declared, htmlRoots.contains(local) { return .html }
        return .xml
    }

    private static let svg = ContentType(type: "image", subtype: "svg+xml")

    /// Tags an HTML document or fragment starts with that an XML API body rarely does.
    private static let htmlRoots: Set<String> = [
        "html", "head", "body", "div", "span", "p", "br", "script", "style", "meta", "table", "ul", "ol",
        "h1", "h2", "h3", "h4", "h5", "h6",
    ]

    /// No control characters other than tab, line feed, carriage return and form feed.
    private static func isPlainText(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0C, 0x0D: true
            case 0x00..<0x20, 0x7F: false
            case 0x80..<0xA0: false
            default: true
            }
        }
    }
}
