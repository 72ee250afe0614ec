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
        ExpectedBody(expected, headers: expectedHeaders, rules: rules, warm: false)
            .match(actual, actualType: BodyContent.contentType(of: actual, headers: actualHeaders),
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

    static func matchContent(
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
        matchJSON(BodyContent.json(of: expected), expected, actual, states: RuleStates(selector),
                  allowUnexpectedKeys: allowUnexpectedKeys)
    }

    /// `expectedJSON` is `expected` read as JSON.
    static func matchJSON(
        _ expectedJSON: Result<JSONValue, JSONParseError>, _ expected: Body, _ actual: Body, states: RuleStates,
        allowUnexpectedKeys: Bool
    ) -> [Mismatch] {
        let expectedValue: JSONValue
        switch expectedJSON {
        case .success(let value): expectedValue = value
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
        return JSONBodyMatcher.match(expected: expectedValue, actual: actualJSON, states: states,
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
