import Foundation
import PactModel

/// An expected body with what matching reads from it worked out once: whether it is missing or empty, its content
/// type, the selector over its rules and, for JSON, its value and the rule states of its shape. The mock matches
/// every request against the same few bodies; `BodyMatching.match` prepares one for a single comparison.
struct ExpectedBody: Sendable {
    let body: Body
    /// The whole request's rules (multipart bodies read the part rules from them).
    let rules: MatchingRules
    let isMissing: Bool
    let isEmpty: Bool
    /// From the expected headers, else the body (nil when unknown).
    let contentType: ContentType?
    /// The matcher family of `contentType`.
    let kind: BodyKind?
    let selector: RuleSelector
    /// The JSON value when the content type is JSON (nil otherwise: the actual body's type may decide).
    let json: Result<JSONValue, JSONParseError>?
    /// The selector's states, with the steps of the expected JSON value taken when `warm`.
    let states: RuleStates?

    /// - Parameter warm: take the steps of the expected JSON value now (for bodies matched many times).
    init(_ body: Body, headers: Headers, rules: MatchingRules, warm: Bool) {
        self.body = body
        self.rules = rules
        isMissing = body.isMissing
        isEmpty = BodyContent.isEmpty(body)
        let contentType = isMissing || isEmpty ? nil : BodyContent.contentType(of: body, headers: headers)
        self.contentType = contentType
        let kind = contentType.map(BodyKind.init)
        self.kind = kind
        selector = RuleSelector(rules[.body])
        if kind == .json {
            let json = BodyContent.json(of: body)
            self.json = json
            if warm {
                var states = RuleStates(selector)
                if case .success(let value) = json { states.takeSteps(along: value) }
                self.states = states
            } else {
                states = nil
            }
        } else {
            json = nil
            states = nil
        }
    }

    /// Every difference of `actual` from this body, as `BodyMatching.match` reports them.
    /// - Parameter actualType: the actual body's content type (`BodyContent.contentType(of:headers:)`), read only
    ///   when the expected body is neither missing nor empty.
    func match(_ actual: Body, actualType: @autoclosure () -> ContentType?, allowUnexpectedKeys: Bool) -> [Mismatch] {
        if isMissing { return [] }
        let actualIsEmpty = BodyContent.isEmpty(actual)
        if isEmpty {
            if actualIsEmpty { return [] }
            return [Mismatch(kind: .body, path: "$", expected: "", actual: BodyContent.text(of: actual),
                             message: "Expected empty body but received \(BodyContent.summary(of: actual))")]
        }
        let expectedType = contentType
        let actualType = actualType()
        if actualIsEmpty, !actual.isMissing, kind == .binary,
            selector.selection(for: [])?.rules.rules.contains(.notEmpty) == true
        {
            // A present but empty body of bytes under a notEmpty rule: the rules on the whole body judge it and say
            // why, as pact-reference's binary matcher does ("Expected [] (0 bytes) to not be empty").
            return BinaryBodyMatcher.match(expected: body, actual: .binary(Data(), contentType: actualType),
                                           rules: selector)
        }
        if actualIsEmpty {
            let state = actual.isMissing ? "missing" : "empty"
            return [Mismatch(kind: .body, path: "$", expected: BodyContent.text(of: body), actual: nil,
                             message: "Expected body \(BodyContent.summary(of: body)) but was \(state)")]
        }
        if let expectedType, let actualType, !ContentTypeRelation.equivalentBodyTypes(expectedType, actualType) {
            return [Mismatch(kind: .bodyType, path: "$", expected: expectedType.description, actual: actualType.description,
                             message: "Expected a body of '\(expectedType.description)' but the actual content type was "
                                + "'\(actualType.description)'")]
        }
        if let expectedType, kind == .multipart {
            return MultipartBodyMatcher.match(expected: body, actual: actual, expectedType: expectedType,
                                              actualType: actualType ?? expectedType, rules: rules,
                                              allowUnexpectedKeys: allowUnexpectedKeys)
        }
        if let json {
            // The expected content type is JSON, so the content is compared as JSON whatever the actual type says.
            return BodyMatching.matchJSON(json, body, actual, states: states ?? RuleStates(selector),
                                          allowUnexpectedKeys: allowUnexpectedKeys)
        }
        return BodyMatching.matchContent(body, actual, contentType: expectedType ?? actualType, selector: selector,
                                         allowUnexpectedKeys: allowUnexpectedKeys)
    }
}
