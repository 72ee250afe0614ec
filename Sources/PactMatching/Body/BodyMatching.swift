import Foundation
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
        let expectedType = BodyContent.contentType(of: expected, headers: expectedHeaders)
        let actualType = BodyContent.contentType(of: actual, headers: actualHeaders)
        let selector = RuleSelector(rules[.body])
        if actualIsEmpty, !actual.isMissing, let expectedType, BodyKind(expectedType) == .binary,
            selector.selection(for: [])?.rules.rules.contains(.notEmpty) == true
        {
            // A present but empty body of bytes under a notEmpty rule: the rules on the whole body judge it and say
            // why, as pact-reference's binary matcher does ("Expected [] (0 bytes) to not be empty").
            return BinaryBodyMatcher.match(expected: expected, actual: .binary(Data(), contentType: actualType),
                                           rules: selector)
        }
        if actualIsEmpty {
            let state = actual.isMissing ? "missing" : "empty"
            return [Mismatch(kind: .body, path: "$", expected: BodyContent.text(of: expected), actual: nil,
                             message: "Expected body \(BodyContent.summary(of: expected)) but was \(state)")]
        }
        if let expectedType, let actualType, !ContentTypeRelation.equivalentBodyTypes(expectedType, actualType) {
            return [Mismatch(kind: .bodyType, path: "$", expected: expectedType.description, actual: actualType.description,
                             message: "Expected a body of '\(expectedType.description)' but the actual content type was "
                                + "'\(actualType.description)'")]
        }
        if let expectedType, BodyKind(expectedType) == .multipart {
            return MultipartBodyMatcher.match(expected: expected, actual: actual, expectedType: expectedType,
                                              actualType: actualType ?? expectedType, rules: rules,
                                              allowUnexpectedKeys: allowUnexpectedKeys)
        }
        return matchContent(expected, actual, contentType: expectedType ?? actualType, selector: selector,
                            allowUnexpectedKeys: allowUnexpectedKeys)
    }

    /// One part of a multipart body, matched as a body of its own content type (stored with each part; detected
    /// from the bytes when a part has none). Parts of different types give a body-type mismatch.
    static func matchPart(expected: Body, actual: Body, selector: RuleSelector, allowUnexpectedKeys: Bool) -> [Mismatch] {
        let expectedType = BodyContent.contentType(of: expected, headers: [:])
        let actualType = BodyContent.contentType(of: actual, headers: [:])
        if expected.contentType != nil, actual.contentType != nil, let expectedType, let actualType,
            !ContentTypeRelation.equivalentBodyTypes(expectedType, actualType)
        {
            return [Mismatch(kind: .bodyType, path: "$", expected: expectedType.description, actual: actualType.description,
                             message: "Expected a body of '\(expectedType.description)' but the actual content type was "
                                + "'\(actualType.description)'")]
        }
        // A part's bytes are text when its type says so.
        func decoded(_ body: Body, _ type: ContentType?) -> Body {
            guard let type, type.isText, case .binary(let data, _) = body, let text = String(data: data, encoding: .utf8) else {
                return body
            }
            return .text(text, contentType: type)
        }
        let type = expectedType ?? actualType
        return matchContent(decoded(expected, type), decoded(actual, type), contentType: type, selector: selector,
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
        case .binary, .multipart:
            return BinaryBodyMatcher.match(expected: expected, actual: actual, rules: selector)
        }
    }

    private static func matchJSON(_ expected: Body, _ actual: Body, selector: RuleSelector, allowUnexpectedKeys: Bool) -> [Mismatch] {
        let expectedJSON: JSONValue
        switch BodyContent.json(of: expected) {
        case .success(let value): expectedJSON = value
        case .failure(let error):
            return [Mismatch(kind: .body, path: "$", expected: BodyContent.text(of: expected), actual: BodyContent.text(of: actual),
                             message: "Failed to parse the expected body: '\(error)'")]
        }
        let actualJSON: JSONValue
        switch BodyContent.json(of: actual) {
        case .success(let value): actualJSON = value
        case .failure(let error):
            return [Mismatch(kind: .body, path: "$", expected: BodyContent.text(of: expected), actual: BodyContent.text(of: actual),
                             message: "Failed to parse the actual body: '\(error)'")]
        }
        return JSONBodyMatcher.match(expected: expectedJSON, actual: actualJSON, rules: selector,
                                     allowUnexpectedKeys: allowUnexpectedKeys)
    }
}

/// The matcher family for a content type.
enum BodyKind {
    case json, xml, form, text, binary, multipart

    init(_ contentType: ContentType) {
        if contentType.type == "multipart", contentType.subtype == "form-data" || contentType.subtype == "mixed" {
            self = .multipart
        } else if contentType.isJSON {
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
