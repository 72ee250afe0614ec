import Foundation
import PactModel

/// Pact bodies as the JSON values their schemas are checked against.
enum BodyValues {
    /// The content types whose bodies are checked against a schema; a body of another type is `unvalidatable`.
    static let validatableTypes = ["application/json", "application/x-www-form-urlencoded", "multipart/form-data"]

    /// Whether a body of `contentType` is checked (`validate`), reported as not checkable (`warn`), or left alone.
    enum Status { case validate, warn, skip }

    static func status(_ contentType: String, body: Body) -> Status {
        if MediaTypeNegotiation.match(contentType, in: validatableTypes) != nil { return .validate }
        return body.isMissing ? .skip : .warn
    }

    /// The body's value: JSON as it is, a form's fields as an object (a repeated field an array), a multipart
    /// body's parts by name, other text as a string, bytes as base64 text; nil for no body.
    static func value(_ body: Body, contentType: String) -> JSONValue? {
        let essence = MediaTypeNegotiation.essence(contentType).lowercased()
        switch body {
        case .missing: return nil
        case .null: return .null
        case .empty: return .string("")
        case .json(let value, _): return value
        case .binary(let data, _): return .string(data.base64EncodedString())
        case .text(let text, _):
            if essence == "application/x-www-form-urlencoded" {
                return InteractionCheck.queryObject(FormURLEncoding.parseQuery(text))
            }
            if essence == "multipart/form-data", let boundary = ContentType(contentType)?.parameter("boundary") {
                return multipart(text, boundary: boundary)
            }
            if ContentType(contentType)?.isJSON ?? false, let parsed = try? JSONParser.parse(text) { return parsed }
            return .string(text)
        }
    }

    /// The named parts of a `multipart/form-data` body, each as text.
    static func multipart(_ text: String, boundary: String) -> JSONValue {
        var fields: [String: JSONValue] = [:]
        for part in text.components(separatedBy: "--" + boundary).dropFirst() {
            if part.hasPrefix("--") { break }
            let normalized = part.replacingOccurrences(of: "\r\n", with: "\n")
            guard let split = normalized.range(of: "\n\n") else { continue }
            let headers = normalized[..<split.lowerBound]
            guard let nameRange = headers.range(of: "name=\"") else { continue }
            let afterName = headers[nameRange.upperBound...]
            guard let close = afterName.firstIndex(of: "\"") else { continue }
            var content = String(normalized[split.upperBound...])
            if content.hasSuffix("\n") { content.removeLast() }
            fields[String(afterName[..<close])] = .string(content)
        }
        return .object(fields)
    }
}
