/// Sentences for the error codes `XMLParser` reports. Foundation on Linux gives these errors no description, and its
/// `XMLParser.ErrorCode` numbering differs from Darwin's, so the table is keyed by libxml2's codes, which the
/// `NSError.code` carries on both.
enum XMLParserErrorText {
    static func reason(code: Int) -> String {
        if let text = reasons[code] { return text }
        return code == 0 ? "the text is not well-formed XML" : "the text is not well-formed XML (parser error \(code))"
    }

    private static let reasons: [Int: String] = [
        2: "the parser ran out of memory",
        3: "the document does not start like XML",
        4: "the text is not XML: expected '<' to start the root element",
        5: "unexpected content: the document ends too early or has content after the root element",
        6: "invalid hexadecimal character reference",
        7: "invalid decimal character reference",
        8: "invalid character reference",
        9: "invalid character (control characters are not allowed in XML)",
        22: "an entity reference has no name",
        23: "an entity reference is missing its ';'",
        26: "undeclared entity (only &lt; &gt; &amp; &quot; &apos; are predefined)",
        38: "'<' is not allowed in an attribute value",
        39: "an attribute value must be quoted",
        40: "an attribute value is not closed",
        41: "an attribute has no value",
        42: "an attribute appears twice on the same element",
        43: "expected a quoted value",
        44: "a quoted value is not closed",
        45: "a comment is not closed",
        46: "a processing instruction is not started correctly",
        47: "a processing instruction is not closed",
        63: "a CDATA section is not closed",
        64: "the XML declaration is only allowed at the very start of the document",
        65: "expected whitespace",
        68: "expected a name (element names must start with a letter or '_')",
        73: "expected '>'",
        74: "expected '</'",
        75: "expected '=' after an attribute name",
        76: "a closing tag does not match the open element",
        77: "an element is not closed",
        81: "the text is not valid in the declared encoding",
        85: "the document is not well balanced",
        86: "extra content at the end of the document",
        201: "a namespace prefix is used without being declared",
    ]
}
