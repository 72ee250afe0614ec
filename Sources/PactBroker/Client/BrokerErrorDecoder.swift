import Foundation
import PactModel

/// Turns a non-2xx broker answer into a `BrokerError`, decoding every error shape the broker uses: `errors` as an
/// object of field -> message(s), an array or a string; `error` as a string or `{message, reference}`; problem+json.
enum BrokerErrorDecoder {
    static func error(status: Int, body: [UInt8], target: String, location: String? = nil) -> BrokerError {
        let json = try? JSONParser.parse(Data(body))
        let messages = json.map(messages(in:)) ?? []
        let notices = BrokerNotice.list(in: json)
        let excerpt = excerpt(body)
        let kind: BrokerError.Kind
        let reason: String
        switch status {
        case 300..<400:
            // Redirects are never followed (credentials must not travel to another host unasked).
            kind = .rejected
            reason = "the Pact Broker answered \(status) with a redirect" + (location.map { " to \($0)" } ?? "")
                + ", which is not followed: give the URL it points to as the broker's URL"
        case 401, 403:
            kind = .unauthorized
            reason = "the Pact Broker refused the credentials (\(status) \(status == 401 ? "Unauthorized" : "Forbidden")): "
                + "check PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD or PACT_BROKER_TOKEN (--broker-username/--broker-password or --broker-token)"
        case 404:
            kind = .notFound
            reason = "the Pact Broker answered 404 Not Found"
        case 409:
            kind = .conflict
            reason = "the Pact Broker refused a conflicting publication (409 Conflict)"
        case 400..<500:
            kind = .rejected
            reason = "the Pact Broker rejected the request (\(status))"
        default:
            kind = .serverError
            reason = "the Pact Broker failed with \(status)"
        }
        return BrokerError(kind: kind, reason: reason, target: target, status: status,
                           messages: kind == .conflict && !notices.isEmpty ? [] : messages, notices: notices,
                           body: excerpt.isEmpty ? nil : excerpt)
    }

    static func messages(in json: JSONValue) -> [String] {
        var out: [String] = []
        if let errors = json["errors"] {
            switch errors {
            case .string(let text): out.append(text)
            case .array(let items): out += items.compactMap { $0.stringValue ?? problemMessage($0) ?? $0["message"]?.stringValue }
            case .object(let fields):
                for name in fields.keys.sorted() {
                    let value = fields[name]!
                    let texts = value.arrayValue?.map(\.textForMatching) ?? [value.textForMatching]
                    out += texts.map { "\(name): \($0)" }
                }
            default: break
            }
        }
        if let error = json["error"] {
            if let text = error.stringValue {
                out.append(text)
            } else if let message = error["message"]?.stringValue {
                out.append(message + (error["reference"]?.stringValue.map { " (reference \($0))" } ?? ""))
            }
        }
        if out.isEmpty, let detail = json["detail"]?.stringValue { out.append(detail) }
        if out.isEmpty, let title = json["title"]?.stringValue, json["status"] != nil { out.append(title) }
        return out
    }

    /// A problem+json error's `detail`, after the field its `pointer` names (`/contract/content` → `contract.content`),
    /// as the broker's validation errors come.
    static func problemMessage(_ item: JSONValue) -> String? {
        guard let detail = item["detail"]?.stringValue else { return nil }
        var pointer = item["pointer"]?.stringValue ?? ""
        if pointer.hasPrefix("#") { pointer.removeFirst() }
        let field = pointer.split(separator: "/").joined(separator: ".")
        return field.isEmpty ? detail : "\(field): \(detail)"
    }

    /// The first 500 characters of the body, on one line.
    static func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(2000), as: UTF8.self)
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
            .trimmingCharacters(in: .whitespaces)
        return text.count > 500 ? String(text.prefix(500)) + "…" : text
    }
}
