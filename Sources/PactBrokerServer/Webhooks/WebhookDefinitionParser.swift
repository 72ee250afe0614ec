import Foundation
import HTTPSyntax
import PactModel

/// Reads and validates the webhook JSON pact_broker takes (`POST /webhooks`, `PUT /webhooks/:uuid`), reporting
/// problems with pact_broker's paths and messages (`api/contracts/webhook_contract.rb`,
/// `webhook_request_contract.rb`, `webhook_pacticipant_contract.rb`).
public enum WebhookDefinitionParser {
    /// pact_broker's UUID rule: `/^[A-Za-z0-9_\-]{16,}$/`.
    public static func isValidUUID(_ uuid: String) -> Bool {
        uuid.utf8.count >= 16 && uuid.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"): true
            default: false
            }
        }
    }

    /// A new random UUID in the accepted alphabet (32 hex digits and dashes, as pact_broker's `SecureRandom.uuid`).
    public static func newUUID() -> String { UUID().uuidString.lowercased() }

    /// The methods pact_broker's `Net::HTTP` knows (`valid_http_method?`).
    public static let recognisedMethods: Set<String> = [
        "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "TRACE", "PATCH", "PROPFIND", "PROPPATCH", "MKCOL", "COPY",
        "MOVE", "LOCK", "UNLOCK",
    ]

    /// Reads `body` (the request body of the API call) as a webhook with `uuid` (from the path, or a new one).
    /// `pacticipantExists`, when given, checks that a named consumer or provider exists.
    public static func parse(
        _ body: Data, uuid: String, policy: WebhookSecurityPolicy,
        pacticipantExists: (@Sendable (String) async -> Bool)? = nil
    ) async -> Result<WebhookDefinition, WebhookValidationErrors> {
        let json: JSONValue
        do {
            json = try JSONParser.parse(body)
        } catch {
            var errors = WebhookValidationErrors()
            errors.add("body", "is not valid JSON: \(error)")
            return .failure(errors)
        }
        return await parse(json: json, uuid: uuid, policy: policy, pacticipantExists: pacticipantExists)
    }

    /// Validates an already parsed body; see `parse(_:uuid:policy:pacticipantExists:)`.
    public static func parse(
        json: JSONValue, uuid: String, policy: WebhookSecurityPolicy,
        pacticipantExists: (@Sendable (String) async -> Bool)? = nil
    ) async -> Result<WebhookDefinition, WebhookValidationErrors> {
        var errors = WebhookValidationErrors()
        guard let object = json.objectValue else {
            errors.add("body", "must be a JSON object")
            return .failure(errors)
        }
        if !isValidUUID(uuid) {
            errors.add("uuid", "The UUID can only contain the characters A-Z, a-z, 0-9, _ and -, and must be 16 or more characters.")
        }
        let consumer = await pacticipant(object["consumer"], path: "consumer", errors: &errors, exists: pacticipantExists)
        let provider = await pacticipant(object["provider"], path: "provider", errors: &errors, exists: pacticipantExists)
        let request = requestTemplate(object["request"], policy: policy, errors: &errors)
        let events = eventNames(object["events"], errors: &errors)
        var enabled = true
        switch object["enabled"] {
        case nil: break
        case .bool(let value)?: enabled = value
        case .null?: errors.add("enabled", "must be filled")
        default: errors.add("enabled", "must be boolean")
        }
        var description: String?
        switch object["description"] {
        case nil, .null?: break
        case .string(let text)?: description = text
        default: errors.add("description", "must be a string")
        }
        guard errors.isEmpty, let request else { return .failure(errors) }
        return .success(WebhookDefinition(
            uuid: uuid, description: description, consumer: consumer, provider: provider, events: events,
            request: request, enabled: enabled))
    }

    /// Checks a template against `policy` before it is sent: the same method, URL, scheme and host rules as at
    /// creation. Returns the problems (empty when allowed).
    public static func check(_ request: WebhookRequestTemplate, policy: WebhookSecurityPolicy) -> WebhookValidationErrors {
        var errors = WebhookValidationErrors()
        checkMethod(request.method, policy: policy, errors: &errors)
        checkURL(request.url, policy: policy, errors: &errors)
        return errors
    }

    private static func pacticipant(
        _ value: JSONValue?, path: String, errors: inout WebhookValidationErrors,
        exists: (@Sendable (String) async -> Bool)?
    ) async -> WebhookPacticipantSelector? {
        guard let value, !value.isNull else { return nil }
        guard let object = value.objectValue else {
            errors.add(path, "must be a hash")
            return nil
        }
        var name: String?
        var label: String?
        for (key, slot) in [("name", 0), ("label", 1)] {
            switch object[key] {
            case nil, .null?: break
            case .string(let text)?: if slot == 0 { name = text } else { label = text }
            default: errors.add("\(path).\(key)", "must be a string")
            }
        }
        let provided = { (text: String?) in text.map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? false }
        if !provided(name) && !provided(label) {
            if !errors.has("\(path).name") && !errors.has("\(path).label") { errors.add("\(path).name", "cannot be blank") }
            return nil
        }
        if provided(name) && provided(label) {
            errors.add("\(path).label", "name and label cannot be provided at the same time")
            return nil
        }
        if let name, provided(name) {
            if let exists, !(await exists(name)) {
                errors.add("\(path).name", "does not match an existing pacticipant")
            }
            return .name(name)
        }
        return label.map { .label($0) }
    }

    private static func eventNames(_ value: JSONValue?, errors: inout WebhookValidationErrors) -> [WebhookEventName] {
        guard let value, !value.isNull else { return [WebhookEventName.defaultEvent] }
        guard let items = value.arrayValue else {
            errors.add("events", "must be an array")
            return []
        }
        if items.isEmpty {
            errors.add("events", "size cannot be less than 1")
            return []
        }
        let allowed = WebhookEventName.pactBrokerOrder.map(\.rawValue).joined(separator: ", ")
        var names: [WebhookEventName] = []
        for (index, item) in items.enumerated() {
            guard let object = item.objectValue else {
                errors.add("events", "must be a hash (at index \(index))")
                continue
            }
            switch object["name"] {
            case nil: errors.add("events", "name is missing (at index \(index))")
            case .string(let text)?:
                if let event = WebhookEventName(rawValue: text) {
                    if !names.contains(event) { names.append(event) }
                } else {
                    errors.add("events", "name must be one of: \(allowed) (at index \(index))")
                }
            case .null?: errors.add("events", "name must be filled (at index \(index))")
            default: errors.add("events", "name must be one of: \(allowed) (at index \(index))")
            }
        }
        return names
    }

    private static func requestTemplate(
        _ value: JSONValue?, policy: WebhookSecurityPolicy, errors: inout WebhookValidationErrors
    ) -> WebhookRequestTemplate? {
        guard let value else {
            errors.add("request", "is missing")
            return nil
        }
        guard let object = value.objectValue else {
            errors.add("request", value.isNull ? "must be filled" : "must be a hash")
            return nil
        }
        if object.isEmpty {
            errors.add("request", "must be filled")
            return nil
        }
        let method = requiredString(object["method"], path: "request.method", errors: &errors)
        let url = requiredString(object["url"], path: "request.url", errors: &errors)
        if let method { checkMethod(method, policy: policy, errors: &errors) }
        if let url { checkURL(url, policy: policy, errors: &errors) }
        let headers = headerTemplates(object["headers"], errors: &errors)
        var body: WebhookBody?
        switch object["body"] {
        case nil, .null?: break
        case .string(let text)?: body = .text(text)
        case let json?: body = .json(json)
        }
        let username = optionalString(object["username"], path: "request.username", errors: &errors)
        let password = optionalString(object["password"], path: "request.password", errors: &errors)
        guard let method, let url else { return nil }
        return WebhookRequestTemplate(
            method: method, url: url, headers: headers, body: body, username: username, password: password)
    }

    private static func requiredString(_ value: JSONValue?, path: String, errors: inout WebhookValidationErrors) -> String? {
        switch value {
        case nil: errors.add(path, "is missing")
        case .string(let text)?:
            if text.trimmingCharacters(in: .whitespaces).isEmpty { errors.add(path, "must be filled") } else { return text }
        case .null?: errors.add(path, "must be filled")
        default: errors.add(path, "must be a string")
        }
        return nil
    }

    private static func optionalString(_ value: JSONValue?, path: String, errors: inout WebhookValidationErrors) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default:
            errors.add(path, "must be a string")
            return nil
        }
    }

    private static func headerTemplates(_ value: JSONValue?, errors: inout WebhookValidationErrors) -> [WebhookHeader] {
        guard let value, !value.isNull else { return [] }
        guard let object = value.objectValue else {
            errors.add("request.headers", "must be a hash")
            return []
        }
        var headers: [WebhookHeader] = []
        for name in object.keys.sorted() {
            guard let text = object[name]?.stringValue else {
                errors.add("request.headers", "the value of header '\(name)' must be a string")
                continue
            }
            if !HTTPToken.isToken(name) {
                errors.add("request.headers", "'\(printable(name))' is not a valid header name")
            } else if text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
                errors.add("request.headers", "the value of header '\(name)' cannot contain a line break")
            } else {
                headers.append(WebhookHeader(name: name, value: text))
            }
        }
        return headers
    }

    private static func checkMethod(_ method: String, policy: WebhookSecurityPolicy, errors: inout WebhookValidationErrors) {
        if !recognisedMethods.contains(method.uppercased()) {
            errors.add("request.method", "is not a recognised HTTP method")
        } else if !policy.allows(method: method) {
            errors.add("request.method", policy.methodMessage)
        }
    }

    private static func checkURL(_ url: String, policy: WebhookSecurityPolicy, errors: inout WebhookValidationErrors) {
        guard let components = parsedURL(url), let scheme = components.scheme, let host = components.host,
            !host.isEmpty
        else {
            errors.add("request.url", "is not a valid URL eg. http://example.org")
            return
        }
        if parsedURL(url, placeholder: "differentplaceholder")?.host != host {
            errors.add("request.url", "cannot have a template parameter in the host")
        } else if !policy.allows(scheme: scheme) {
            errors.add("request.url", policy.schemeMessage)
        } else if !policy.allows(host: host) {
            errors.add("request.url", policy.hostMessage)
        }
    }

    /// The URL with its parameters replaced by `placeholder`, parsed strictly: no spaces or control characters.
    static func parsedURL(_ url: String, placeholder: String = "placeholder") -> URLComponents? {
        let rendered = WebhookTemplate.renderWithPlaceholder(url, placeholder: placeholder)
        if rendered.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) { return nil }
        return URLComponents(string: rendered)
    }

    private static func printable(_ text: String) -> String {
        text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? String(format: "\\u{%02X}", $0.value) : String($0) }
            .joined()
    }
}
