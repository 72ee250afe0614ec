import Foundation
import PactModel

/// Error replies as `application/problem+json` (RFC 9457), for a request whose Accept header asks for it, in
/// pact_broker's shapes (`ValidationErrorsProblemJsonDecorator`, `CustomErrorProblemJsonDecorator`,
/// `RuntimeErrorProblemJsonDecorator`):
///
/// - validation errors (a 400, 409 or 422 body with `errors`): `title` "Validation errors", `type` `{base}/problems/validation-error`,
///   `status`, `instance` "/", and `errors`, one `{type, title: "Invalid body parameter", detail, pointer}` per
///   message, `pointer` the JSON path of its field (none for a list of messages without field);
/// - server errors (500): `title` "Server error", `type` `{base}/problems/server-error`, `detail`, `status`;
/// - anything else (404, 405, 413, 403): `title` from the status, `type` `{base}/problem/{kebab-title}` (the
///   singular "problem", as pact_broker's custom errors; 404 is its `not-found`), `detail`, `status`.
///
/// Other members of the original body (publish-contracts' `notices`) are kept as extension members.
enum ProblemJSON {
    static let contentType = "application/problem+json;charset=utf-8"

    /// Whether the request asked for problem+json (pact_broker: the Accept header includes it).
    static func wanted(accept: String?) -> Bool {
        accept?.lowercased().contains("application/problem+json") == true
    }

    /// The reply with its error body as problem+json; replies below 400 or without a body are returned unchanged.
    static func convert(_ reply: APIReply, base: String) -> APIReply {
        guard reply.status >= 400, let body = reply.body else { return reply }
        var converted = reply
        converted.contentType = contentType
        converted.body = problem(status: reply.status, body: body, base: base)
        return converted
    }

    static func problem(status: Int, body: JSONValue, base: String) -> JSONValue {
        var out: [String: JSONValue] = [:]
        if let errors = body["errors"], [400, 409, 422].contains(status) {
            var list: [JSONValue] = []
            walk(errors, path: "", base: base, into: &list)
            out = ["title": "Validation errors", "type": .string(base + "/problems/validation-error"),
                   "status": .number(JSONNumber(Int64(status))), "instance": "/", "errors": .array(list)]
        } else if status >= 500 {
            out = ["title": "Server error", "type": .string(base + "/problems/server-error"),
                   "detail": .string(detail(body) ?? "An error occurred"), "status": .number(JSONNumber(Int64(status)))]
        } else {
            let title = title(status)
            let type = title.lowercased().replacingOccurrences(of: " ", with: "-")
            out = ["title": .string(title), "type": .string(base + "/problem/" + type),
                   "detail": .string(detail(body) ?? title), "status": .number(JSONNumber(Int64(status)))]
        }
        for (key, value) in body.objectValue ?? [:] where !["errors", "error", "message"].contains(key) && out[key] == nil {
            out[key] = value
        }
        return .object(out)
    }

    /// pact_broker's `walk_errors`: each string under `errors`, with the path of object keys leading to it.
    private static func walk(_ value: JSONValue, path: String, base: String, into list: inout [JSONValue]) {
        switch value {
        case .object(let object):
            for key in object.keys.sorted() { walk(object[key]!, path: path + "/" + key, base: base, into: &list) }
        case .array(let items):
            for item in items { walk(item, path: path, base: base, into: &list) }
        case .string(let message):
            var error: [String: JSONValue] = [
                "type": .string(base + "/problems/invalid-body-property-value"), "title": "Invalid body parameter",
                "detail": .string(message),
            ]
            if !path.isEmpty { error["pointer"] = .string(path.replacingOccurrences(of: ".", with: "/")) }
            list.append(.object(error))
        default:
            break
        }
    }

    /// The message of a legacy error body: `{"error": "…"}`, `{"error": {"message": "…"}}` or `{"message": "…"}`.
    private static func detail(_ body: JSONValue) -> String? {
        body["error"]?.stringValue ?? body["error"]?["message"]?.stringValue ?? body["message"]?.stringValue
            ?? body["errors"].map { errors in
                // `{"body": ["is larger than …"]}` reads "body is larger than …".
                var list: [JSONValue] = []
                walk(errors, path: "", base: "", into: &list)
                return list.compactMap { error -> String? in
                    guard let detail = error["detail"]?.stringValue else { return nil }
                    guard let pointer = error["pointer"]?.stringValue else { return detail }
                    return pointer.dropFirst().replacingOccurrences(of: "/", with: ".") + " " + detail
                }.joined(separator: "; ")
            }
    }

    private static func title(_ status: Int) -> String {
        switch status {
        case 400: "Bad request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not found"
        case 405: "Method not allowed"
        case 409: "Conflict"
        case 413: "Payload too large"
        case 415: "Unsupported media type"
        case 422: "Unprocessable entity"
        default: "Error"
        }
    }
}
