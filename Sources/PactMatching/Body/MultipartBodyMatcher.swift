import Foundation
import PactModel

/// Matches `multipart/form-data` and `multipart/mixed` bodies part by part, as pact-reference's
/// `match_mime_multipart` does: each expected part must be in the actual body (found by name, or by position when
/// the actual part has no name); its headers are compared (`Content-Disposition` only by rules); a form field is
/// compared as text and any other part as a body of its own content type, with the rules under the part's path
/// (`$.name`, or `$[index]` for unnamed parts) taken as rules of that body. Extra actual parts are allowed.
enum MultipartBodyMatcher {
    static func match(
        expected: Body, actual: Body, expectedType: ContentType?, actualType: ContentType?, rules: MatchingRules,
        allowUnexpectedKeys: Bool
    ) -> [Mismatch] {
        let expectedParts: [MultipartPart]
        let actualParts: [MultipartPart]
        var failures: [Mismatch] = []
        do {
            expectedParts = try MultipartParser.parts(of: expected.bytes, contentType: expectedType)
        } catch {
            expectedParts = []
            failures.append(mismatch("$", "Failed to parse the expected body as a MIME multipart body: '\(error)'"))
        }
        do {
            actualParts = try MultipartParser.parts(of: actual.bytes, contentType: actualType)
        } catch {
            actualParts = []
            failures.append(mismatch("$", "Failed to parse the actual body as a MIME multipart body: '\(error)'"))
        }
        if !failures.isEmpty { return failures }

        var mismatches: [Mismatch] = []
        for expectedPart in expectedParts {
            let found = actualParts.first { part in
                part.name.isEmpty ? part.index == expectedPart.index : part.name == expectedPart.name
            }
            guard let actualPart = found else {
                mismatches.append(Mismatch(kind: .body, path: "$", expected: expectedPart.name, actual: nil,
                                           message: "Expected a MIME part '\(expectedPart.name)' but was missing"))
                continue
            }
            mismatches += matchPart(expectedPart, actualPart, rules: rules, allowUnexpectedKeys: allowUnexpectedKeys)
        }
        return mismatches
    }

    private static func matchPart(
        _ expected: MultipartPart, _ actual: MultipartPart, rules: MatchingRules, allowUnexpectedKeys: Bool
    ) -> [Mismatch] {
        let key = expected.name
        switch (expected.isField, actual.isField) {
        case (true, false):
            return [Mismatch(kind: .body, path: "$", expected: key, actual: nil, message: "Expected a MIME field '\(key)' but was file")]
        case (false, true):
            return [Mismatch(kind: .body, path: "$", expected: key, actual: nil, message: "Expected a MIME file '\(key)' but was field")]
        default:
            break
        }
        let segment: PathExpression.Segment = key.isEmpty ? .index(expected.index) : .field(key)
        // pact-reference names an unnamed part "unknown part" in header sentences; its position says more.
        let partName = key.isEmpty ? String(expected.index) : key
        let selector = RuleSelector(rules[.body])
        var mismatches = matchHeaders(expected, actual, partPath: [segment], partName: partName, selector: selector)
        if expected.isField {
            mismatches += matchField(expected, actual, partPath: [segment], partName: partName, selector: selector)
        } else {
            mismatches += matchFile(expected, actual, partPath: [segment], partName: partName, rules: rules,
                                    allowUnexpectedKeys: allowUnexpectedKeys)
        }
        return mismatches
    }

    private static func matchHeaders(
        _ expected: MultipartPart, _ actual: MultipartPart, partPath: [PathExpression.Segment], partName: String,
        selector: RuleSelector
    ) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        for header in expected.headers {
            let headerPath = partPath + [.field(header.name)]
            let path = PathExpression.text(for: headerPath)
            guard let actualValue = actual.header(header.name) else {
                if ["content-type", "content-disposition", "content-transfer-encoding"].contains(header.name) { continue }
                mismatches.append(Mismatch(
                    kind: .body, path: path, expected: header.value, actual: nil,
                    message: "MIME part '\(partName)': Expected multipart header '\(header.name)' with value "
                        + "'\(header.value)' but was missing"))
                continue
            }
            let failures: [String]
            if let list = selector.exactRules(for: headerPath) {
                failures = ValueMatcher.match(list, expected: .string(header.value), actual: .string(actualValue), origin: .header)
            } else if header.name == "content-disposition" {
                failures = []
            } else if header.name == "content-type" {
                // A media type with parameters, as for HTTP headers (pact-reference compares the text); a file part of
                // another type is reported once, by its body comparison.
                let same = ContentTypeRelation.parameterAwareMatch(expected: header.value, actual: actualValue)
                failures = same || !expected.isField ? [] : ["header 'content-type': Expected '\(actualValue)' to be equal to '\(header.value)'"]
            } else {
                failures = StructuralMatchers.equality(expected: .string(header.value), actual: .string(actualValue), showType: false)
                    .map { ["header '\(header.name)': \($0)"] } ?? []
            }
            mismatches += failures.map {
                Mismatch(kind: .body, path: path, expected: header.value, actual: actualValue, message: "MIME part '\(partName)': \($0)")
            }
        }
        return mismatches
    }

    /// A form field: its decoded text by the rules at its path, else equal.
    private static func matchField(
        _ expected: MultipartPart, _ actual: MultipartPart, partPath: [PathExpression.Segment], partName: String,
        selector: RuleSelector
    ) -> [Mismatch] {
        let expectedText = String(decoding: expected.decodedData, as: UTF8.self)
        let actualText = String(decoding: actual.decodedData, as: UTF8.self)
        let failures: [String]
        if let list = selector.rules(for: partPath) {
            failures = ValueMatcher.match(list, expected: .string(expectedText), actual: .string(actualText), origin: .text)
        } else {
            failures = StructuralMatchers.equality(expected: .string(expectedText), actual: .string(actualText), showType: false)
                .map { ["MIME part '\(partName)': \($0)"] } ?? []
        }
        let path = PathExpression.text(for: partPath)
        return failures.map { Mismatch(kind: .body, path: path, expected: expectedText, actual: actualText, message: $0) }
    }

    /// Any other part: a body of its own content type, with the rules under the part's path rooted at `$`.
    private static func matchFile(
        _ expected: MultipartPart, _ actual: MultipartPart, partPath: [PathExpression.Segment], partName: String,
        rules: MatchingRules, allowUnexpectedKeys: Bool
    ) -> [Mismatch] {
        let expectedBody = Body.binary(expected.decodedData, contentType: expected.contentType)
        let actualBody = Body.binary(actual.decodedData, contentType: actual.contentType)
        let selector = RuleSelector(entries: rerooted(rules[.body], under: partPath))
        let mismatches = BodyMatching.matchPart(expected: expectedBody, actual: actualBody, selector: selector,
                                                allowUnexpectedKeys: allowUnexpectedKeys)
        return mismatches.map { mismatch in
            var prefixed = mismatch
            prefixed.message = "MIME part '\(partName)': \(mismatch.message)"
            return prefixed
        }
    }

    /// The rules whose path starts with the part's path, re-rooted so the part's body is `$`.
    private static func rerooted(
        _ rules: [String: RuleList], under partPath: [PathExpression.Segment]
    ) -> [(expression: PathExpression, rules: RuleList)] {
        var result: [(expression: PathExpression, rules: RuleList)] = []
        for key in rules.keys.sorted() {
            guard let list = rules[key], let expression = try? PathExpression(parsing: key),
                expression.tokens.first == .root, expression.tokens.count > partPath.count
            else { continue }
            let leading = expression.tokens.dropFirst().prefix(partPath.count)
            let applies = zip(leading, partPath).allSatisfy { token, segment in
                switch (token, segment) {
                case (.field(let name), .field(let actual)): name == actual
                case (.index(let index), .index(let actual)): index == actual
                case (.anyField, _), (.anyIndex, .index): true
                default: false
                }
            }
            guard applies else { continue }
            let tokens = [PathExpression.Token.root] + expression.tokens.dropFirst(1 + partPath.count)
            result.append((PathExpression(tokens: tokens, text: key), list))
        }
        return result
    }

    private static func mismatch(_ path: String, _ message: String) -> Mismatch {
        Mismatch(kind: .body, path: path, message: message)
    }
}
