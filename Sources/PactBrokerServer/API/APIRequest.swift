import Foundation
import HTTPSyntax
import PactModel

/// A request as the API handlers see it: decoded path segments, query items in their order, the whole body.
struct APIRequest: Sendable {
    var method: String
    var segments: [String]
    var query: [(name: String, value: String)]
    var headers: [String: String]
    var body: [UInt8]
    /// The broker's base URL, without a trailing slash, for absolute links.
    var base: String

    /// The first value of the query parameter.
    func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// The body as a JSON object; 400 when it is missing or malformed.
    func jsonObject() throws(APIError) -> [String: JSONValue] {
        guard !body.isEmpty else { return [:] }
        let json: JSONValue
        do {
            json = try JSONParser.parse(Data(body))
        } catch {
            throw APIError.badRequest(["body": ["is not valid JSON: \(error)"]])
        }
        guard let object = json.objectValue?.dictionary else { throw APIError.badRequest(["body": ["must be a JSON object"]]) }
        return object
    }

    var contentType: String? { headers["content-type"] }

    /// Splits a raw query string into decoded name-value pairs, keeping their order (the matrix depends on it).
    static func parseQuery(_ raw: String?) -> [(name: String, value: String)] {
        guard let raw, !raw.isEmpty else { return [] }
        return raw.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentDecoding.decode(parts[0], plusAsSpace: true)
            return (name, parts.count > 1 ? PercentDecoding.decode(parts[1], plusAsSpace: true) : "")
        }
    }
}

/// What a handler answers: a status, a HAL/JSON body or none, extra headers.
struct APIReply: Sendable {
    var status: Int
    var body: JSONValue?
    var headers: [(String, String)] = []
    var contentType = "application/hal+json;charset=utf-8"
    /// A text body (plain text, an SVG badge) sent instead of `body`, with `contentType` set to match.
    var text: String? = nil

    static func ok(_ body: JSONValue) -> APIReply { APIReply(status: 200, body: body) }
    static func created(_ body: JSONValue, location: String? = nil) -> APIReply {
        APIReply(status: 201, body: body, headers: location.map { [("Location", $0)] } ?? [])
    }
    static let noContent = APIReply(status: 204, body: nil)
}

/// A request the API refuses, with the JSON body pact_broker would send (`{"errors": …}`).
struct APIError: Error, Sendable {
    var status: Int
    var body: JSONValue

    static func badRequest(_ errors: [String: [String]]) -> APIError {
        APIError(status: 400, body: ["errors": .object(errors.mapValues { .array($0.map(JSONValue.string)) })])
    }

    static func badRequest(_ message: String) -> APIError {
        APIError(status: 400, body: ["errors": ["base": [.string(message)]]])
    }

    static func notFound(_ what: String? = nil) -> APIError {
        APIError(status: 404, body: ["error": .string(what ?? "The requested document was not found on this server.")])
    }

    static let methodNotAllowed = APIError(status: 405, body: ["error": "Method not allowed"])

    static func conflict(_ body: JSONValue) -> APIError { APIError(status: 409, body: body) }
}
