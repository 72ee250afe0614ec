import PactModel

/// Matches bodies (PACT-SPEC §6.6), choosing the matcher from the content type.
public enum BodyMatching {
    /// Body only (used by request, response and message matching, and by the mock server). The content type comes
    /// from the headers or the `Body`, else from the bytes. A missing expected body is not checked; an empty (or
    /// null) one requires an empty actual body.
    public static func match(
        expected: Body, actual: Body, expectedHeaders: Headers, actualHeaders: Headers, rules: MatchingRules,
        allowUnexpectedKeys: Bool, version: PactSpecVersion
    ) -> [Mismatch] {
        if expected.isMissing { return [] }
        let actualIsEmpty = BodyContent.isEmpty(actual)
        if BodyContent.isEmpty(expected) {
            if actualIsEmpty { return [] }
            return [Mismatch(kind: .body, path: "$", expected: "", actual: BodyContent.text(of: actual),
                             message: "Expected empty body but received \(BodyContent.summary(of: actual))")]
        }
        if actualIsEmpty {
            let state = actual.isMissing ? "missing" : "empty"
            return [Mismatch(kind: .body, path: "$", expected: BodyContent.text(of: expected), actual: nil,
                             message: "Expected body \(BodyContent.summary(of: expected)) but was \(state)")]
        }
        let expectedType = BodyContent.contentType(of: expected, headers: expectedHeaders)
        let actualType = BodyContent.contentType(of: actual, headers: actualHeaders)
        if let expectedType, let actualType, !ContentTypeRelation.equivalentBodyTypes(expectedType, actualType) {
            return [Mismatch(kind: .bodyType, path: "$", expected: expectedType.essence, actual: actualType.essence,
                             message: "Expected a body of '\(expectedType.essence)' but the actual content type was "
                                + "'\(actualType.essence)'")]
        }
        let selector = RuleSelector(rules[.body])
        return matchContent(expected, actual, contentType: expectedType ?? actualType, selector: selector,
                            allowUnexpectedKeys: allowUnexpectedKeys)
    }

    private static func matchContent(
        _ expected: Body, _ actual: Body, contentType: ContentType?, selector: RuleSelector, allowUnexpectedKeys: Bool
    ) -> [Mismatch] {
        let kind = contentType.map(BodyKind.init) ?? BodyKind(unknownTypeOf: expected)
        switch kind {
        case .json:
            return matchJSON(expected, actual, selector: selector, allowUnexpectedKeys: allowUnexpectedKeys)
        case .xml, .form, .text:
            guard let expectedText = BodyContent.text(of: expected), let actualText = BodyContent.text(of: actual) else {
                return BinaryBodyMatcher.match(expected: expected, actual: actual, rules: selector)
            }
            switch kind {
            case .xml:
                return XMLBodyMatcher.match(expected: expectedText, actual: actualText, rules: selector,
                                            allowUnexpectedKeys: allowUnexpectedKeys)
            case .form:
                return FormBodyMatcher.match(expected: expectedText, actual: actualText, rules: selector,
                                             allowUnexpectedKeys: allowUnexpectedKeys)
            default:
                return TextBodyMatcher.match(expected: expectedText, actual: actualText, rules: selector)
            }
        case .binary:
            return BinaryBodyMatcher.match(expected: expected, actual: actual, rules: selector)
        }
    }

    private static func matchJSON(_ expected: Body, _ actual: Body, selector: RuleSelector, allowUnexpectedKeys: Bool) -> [Mismatch] {
        let expectedJSON: JSONValue
        switch BodyContent.json(of: expected) {
        case .success(let value): expectedJSON = value
        case .failure(let error):
            return [Mismatch(kind: .body, path: "$", expected: BodyContent.text(of: expected), actual: BodyContent.text(of: actual),
                             message: "Failed to parse the expected body as JSON: \(error)")]
        }
        let actualJSON: JSONValue
        switch BodyContent.json(of: actual) {
        case .success(let value): actualJSON = value
        case .failure(let error):
            return [Mismatch(kind: .body, path: "$", expected: BodyContent.text(of: expected), actual: BodyContent.text(of: actual),
                             message: "Failed to parse the actual body as JSON: \(error)")]
        }
        return JSONBodyMatcher.match(expected: expectedJSON, actual: actualJSON, rules: selector,
                                     allowUnexpectedKeys: allowUnexpectedKeys)
    }
}

/// The matcher family for a content type.
enum BodyKind {
    case json, xml, form, text, binary

    init(_ contentType: ContentType) {
        if contentType.isJSON {
            self = .json
        } else if contentType.isXML {
            self = .xml
        } else if contentType.isFormURLEncoded {
            self = .form
        } else if contentType.isText {
            self = .text
        } else {
            self = .binary
        }
    }

    /// Without a content type: JSON values as JSON, text as text, bytes as bytes.
    init(unknownTypeOf body: Body) {
        switch body {
        case .json: self = .json
        case .binary: self = .binary
        default: self = .text
        }
    }
}
