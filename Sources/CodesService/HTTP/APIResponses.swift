import Foundation
import HTTPServerCore

/// The service's responses, with the real service's content types and the OPG error envelope
/// `{"errors":[{"code":…,"title":…[,"detail":…]}]}` (SPEC.md §2 and §8).
enum APIResponses {
    /// Successful responses, as Go's `json.Marshal` handlers send them.
    static let jsonContentType = "application/json"
    /// Error responses.
    static let errorContentType = "application/vnd.opg-data.v1+json"

    static func ok(_ body: JSONOutput) -> ServerResponse {
        ServerResponse(status: 200, headers: [("Content-Type", jsonContentType)], body: body.serialized())
    }

    static func error(
        status: Int, code: String, title: String, detail: String? = nil, headers: [(name: String, value: String)] = []
    ) -> ServerResponse {
        errors(status: status, [(code, title, detail)], headers: headers)
    }

    static func errors(
        status: Int, _ entries: [(code: String, title: String, detail: String?)], headers: [(name: String, value: String)] = []
    ) -> ServerResponse {
        let items = entries.map { entry -> JSONOutput in
            var fields: [(String, JSONOutput)] = [("code", .string(entry.code)), ("title", .string(entry.title))]
            if let detail = entry.detail { fields.append(("detail", .string(detail))) }
            return .object(fields)
        }
        let body = JSONOutput.object([("errors", .array(items))]).serialized()
        return ServerResponse(status: status, headers: [("Content-Type", errorContentType)] + headers, body: body)
    }

    /// 400 with one error per problem, each naming the field and why.
    static func badRequest(_ failure: BadRequest) -> ServerResponse {
        let shown = failure.problems.prefix(20)
        return errors(status: 400, shown.map { ("OPGDATA-API-INVALIDREQUEST", "Bad payload", $0.description) })
    }

    static let codeNotFound = error(status: 404, code: "OPGDATA-API-NOTFOUND", title: "Code not found")

    static func routeNotFound(_ path: String) -> ServerResponse {
        error(status: 404, code: "OPGDATA-API-NOTFOUND", title: "Not found", detail: "Not found url \(path)")
    }

    static func methodNotAllowed(allowed: [String]) -> ServerResponse {
        error(status: 405, code: "OPGDATA-API-METHODNOTALLOWED", title: "Method not supported",
              headers: [("Allow", allowed.joined(separator: ", "))])
    }

    static func payloadTooLarge(limit: Int) -> ServerResponse {
        error(status: 413, code: "OPGDATA-API-FILESIZELIMIT", title: "Payload too large",
              detail: "request body larger than \(limit) bytes")
    }

    static let unauthorised = error(
        status: 401, code: "OPGDATA-API-UNAUTHORISED", title: "Unauthorised",
        detail: "a valid 'Authorization: Bearer <token>' header is required", headers: [("WWW-Authenticate", "Bearer")])

    /// 503 while the database is unreachable; the cause goes to the log. A client may retry after the pause given.
    static let unavailable = error(
        status: 503, code: "OPGDATA-API-UNAVAILABLE", title: "Service unavailable",
        detail: "the codes database cannot be reached; try again shortly", headers: [("Retry-After", "1")])

    /// 500 for failures of the service itself; the cause goes to the log, not to the caller.
    static let internalError = error(status: 500, code: "OPGDATA-API-SERVERERROR", title: "Internal server error")
}
