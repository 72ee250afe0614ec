import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses XML text into an `XMLTreeElement` tree with Foundation's `XMLParser`.
///
/// Namespaces are resolved here rather than by the parser so that element and attribute names get the same treatment
/// on every platform: `xmlns` declarations scope prefixes and are dropped from the attributes.
enum XMLTreeParser {
    static func parse(_ text: String) throws(XMLTreeParseError) -> XMLTreeElement {
        let (source, skippedLines) = normalised(text)
        guard !source.isEmpty else { throw XMLTreeParseError(reason: "the document is empty", line: 0, column: 0) }
        let parser = XMLParser(data: Data(source.utf8))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let builder = XMLTreeBuilder()
        parser.delegate = builder
        let finished = parser.parse()
        // Positions count from the text as given, before the leading blank lines were dropped.
        func failure(_ reason: String) -> XMLTreeParseError {
            XMLTreeParseError(reason: reason, line: parser.lineNumber + skippedLines, column: parser.columnNumber)
        }
        if var error = builder.error {
            if error.line > 0 { error.line += skippedLines }
            throw error
        }
        if !finished { throw failure(XMLParserErrorText.reason(code: (parser.parserError as NSError?)?.code ?? 0)) }
        if let open = builder.openElementName {
            // The Linux parser reports no error for a truncated document, so an unclosed element is caught here.
            throw failure("the document ended before element <\(open)> was closed")
        }
        guard let root = builder.root else { throw failure("the document has no root element") }
        return root
    }

    /// Drops a byte order mark and leading whitespace, and declares UTF-8: the parser is given the string's UTF-8
    /// bytes, so an `encoding="ISO-8859-1"` declaration would otherwise make it misread them.
    private static func normalised(_ text: String) -> (text: String, skippedLines: Int) {
        let body = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        let skippedLines = text[..<body.startIndex].filter(\.isNewline).count
        guard body.hasPrefix("<?xml"), let end = body.range(of: "?>") else { return (String(body), skippedLines) }
        let declaration = body[body.startIndex..<end.lowerBound]
        guard let encoding = declaration.range(of: "encoding") else { return (String(body), skippedLines) }
        var rest = declaration[encoding.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return (String(body), skippedLines) }
        rest = rest.dropFirst()
        guard let close = rest.firstIndex(of: quote) else { return (String(body), skippedLines) }
        let declared = String(body[..<encoding.lowerBound]) + "encoding=\"UTF-8\"" + String(body[rest.index(after: close)...])
        return (declared, skippedLines)
    }
}

/// Builds the tree from the parser's callbacks; used by one parse on one thread.
private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private struct Frame {
        var written: String
        var attributes: [String: String]
        var scope: [String: String]
        var children: [XMLTreeElement] = []
        var textRuns: [String] = []
        var currentRun = ""

        mutating func endRun() {
            if !currentRun.isEmpty { textRuns.append(currentRun) }
            currentRun = ""
        }
    }

    private static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
    /// Matching walks the tree recursively; a limit far above real documents keeps hostile ones from exhausting the
    /// stack.
    static let maximumDepth = 1_000
    private var stack: [Frame] = []
    private(set) var root: XMLTreeElement?
    private(set) var error: XMLTreeParseError?

    var openElementName: String? { stack.last?.written }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        guard error == nil else { return }
        if root != nil && stack.isEmpty {
            fail(parser, "content after the root element")
            return
        }
        if stack.count >= Self.maximumDepth {
            fail(parser, "elements are nested more than \(Self.maximumDepth) levels deep")
            return
        }
        var scope = stack.last?.scope ?? ["xml": Self.xmlNamespace]
        for (name, value) in attributeDict {
            if name == "xmlns" {
                scope[""] = value
            } else if name.hasPrefix("xmlns:") {
                scope[String(name.dropFirst(6))] = value
            }
        }
        if !stack.isEmpty { stack[stack.count - 1].endRun() }
        stack.append(Frame(written: elementName, attributes: attributeDict, scope: scope))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard error == nil, var frame = stack.popLast() else { return }
        frame.endRun()
        let element = XMLTreeElement(
            name: Self.name(frame.written, scope: frame.scope, isAttribute: false),
            attributes: Self.attributes(frame.attributes, scope: frame.scope),
            children: frame.children,
            text: frame.textRuns.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined())
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard error == nil, !stack.isEmpty else { return }
        stack[stack.count - 1].currentRun += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard error == nil, !stack.isEmpty else { return }
        // A CDATA section is a node of its own in a DOM, so it is trimmed on its own.
        stack[stack.count - 1].endRun()
        stack[stack.count - 1].currentRun = String(decoding: CDATABlock, as: UTF8.self)
        stack[stack.count - 1].endRun()
    }

    func parser(_ parser: XMLParser, foundComment comment: String) {
        guard error == nil, !stack.isEmpty else { return }
        stack[stack.count - 1].endRun()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard error == nil else { return }
        error = XMLTreeParseError(
            reason: XMLParserErrorText.reason(code: (parseError as NSError).code), line: parser.lineNumber, column: parser.columnNumber)
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: Error) {
        self.parser(parser, parseErrorOccurred: validationError)
    }

    private func fail(_ parser: XMLParser, _ reason: String) {
        error = XMLTreeParseError(reason: reason, line: parser.lineNumber, column: parser.columnNumber)
        parser.abortParsing()
    }

    /// Resolves `prefix:local`; an undeclared prefix keeps the written name with no namespace. Unprefixed attributes
    /// are in no namespace (XML Namespaces §6.2), unprefixed elements in the default one.
    private static func name(_ written: String, scope: [String: String], isAttribute: Bool) -> XMLQualifiedName {
        if let colon = written.firstIndex(of: ":") {
            let prefix = String(written[..<colon])
            let local = String(written[written.index(after: colon)...])
            guard let uri = scope[prefix], !local.isEmpty else { return XMLQualifiedName(namespaceURI: nil, localName: written) }
            return XMLQualifiedName(namespaceURI: uri, localName: local, written: written)
        }
        let uri = isAttribute ? nil : scope[""].flatMap { $0.isEmpty ? nil : $0 }
        return XMLQualifiedName(namespaceURI: uri, localName: written)
    }

    private static func attributes(_ raw: [String: String], scope: [String: String]) -> [XMLTreeAttribute] {
        raw.keys.sorted()
            .filter { $0 != "xmlns" && !$0.hasPrefix("xmlns:") }
            .map { XMLTreeAttribute(name: name($0, scope: scope, isAttribute: true), value: raw[$0] ?? "") }
    }
}
