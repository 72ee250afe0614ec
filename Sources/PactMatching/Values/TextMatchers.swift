import Foundation
import PactModel

/// Regex, include, semantic-version and content-type matchers.
enum TextMatchers {
    /// The whole text form of the value must match (PACT-SPEC §5, §9).
    static func regex(_ pattern: String, _ actual: JSONValue) -> String? {
        let text = ValueText.matchable(actual)
        if PactRegex.matchesWhole(pattern, text) { return nil }
        if let error = PactRegex.compileError(pattern) { return error }
        return "Expected '\(text)' to match '\(pattern)'"
    }

    static func include(_ substring: String, _ actual: JSONValue) -> String? {
        let text = ValueText.matchable(actual)
        if substring.isEmpty || text.contains(substring) { return nil }
        return "Expected '\(text)' to include '\(substring)'"
    }

    static func semver(_ actual: JSONValue) -> String? {
        guard case .string(let text) = actual else {
            return "Expected something that matches a semantic version, but got '\(JSONWriter.compact(actual))'"
        }
        return SemanticVersion.isValid(text) ? nil : "'\(text)' is not a valid semantic version"
    }

    /// The bytes of the value (a base64 string is decoded first) must be detected as `expected`.
    static func contentType(_ expected: String, _ actual: JSONValue) -> String? {
        let data: Data
        switch actual {
        case .string(let text): data = Data(base64Encoded: text) ?? Data(text.utf8)
        default: data = Data(JSONWriter.compact(actual).utf8)
        }
        return contentType(expected, data: data)
    }

    static func contentType(_ expected: String, data: Data) -> String? {
        let detected = ContentTypeDetector.detect(data)
        if let detected, let wanted = ContentType(expected), ContentTypeRelation.sameMediaType(wanted, detected) {
            return nil
        }
        let found = detected?.essence ?? "unknown"
        return "Expected binary contents to have content type '\(expected)' but detected contents was '\(found)'"
    }
}

/// Semantic Versioning 2.0.0 syntax: MAJOR.MINOR.PATCH, optional `-pre.release` and `+build` parts, no leading
/// zeros in numbers.
enum SemanticVersion {
    static func isValid(_ text: String) -> Bool {
        var rest = Substring(text)
        var build: Substring?
        if let plus = rest.firstIndex(of: "+") {
            build = rest[rest.index(after: plus)...]
            rest = rest[..<plus]
        }
        var prerelease: Substring?
        if let dash = rest.firstIndex(of: "-") {
            prerelease = rest[rest.index(after: dash)...]
            rest = rest[..<dash]
        }
        let core = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard core.count == 3, core.allSatisfy(isNumericIdentifier) else { return false }
        if let prerelease {
            let parts = prerelease.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.allSatisfy({ isIdentifier($0) && (!$0.allSatisfy(\.isASCIIDigit) || isNumericIdentifier($0)) })
            else { return false }
        }
        if let build {
            guard build.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(isIdentifier) else { return false }
        }
        return true
    }

    private static func isNumericIdentifier(_ part: Substring) -> Bool {
        !part.isEmpty && part.allSatisfy(\.isASCIIDigit) && (part == "0" || part.first != "0")
    }

    private static func isIdentifier(_ part: Substring) -> Bool {
        !part.isEmpty && part.allSatisfy { $0.isASCIIDigit || ($0.isASCII && $0.isLetter) || $0 == "-" }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
