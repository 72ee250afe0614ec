import Foundation
import PactModel

extension WebhookDefinition {
    /// The webhook as pact_broker's `WebhookDecorator` shows it, without `_links` and timestamps (the API adds them):
    /// `uuid`, `description` (the default one when none was given), `consumer`/`provider` (`name` or `label`),
    /// `enabled`, `request` with sensitive headers masked and the password shown as `**********`, and `events`.
    public func jsonRepresentation() -> JSONValue {
        var object: [String: JSONValue] = [
            "uuid": .string(uuid),
            "description": .string(displayDescription),
            "enabled": .bool(enabled),
            "events": .array(events.map { .object(["name": .string($0.rawValue)]) }),
            "request": request.jsonRepresentation(),
        ]
        if let consumer { object["consumer"] = Self.json(consumer) }
        if let provider { object["provider"] = Self.json(provider) }
        return .object(object)
    }

    private static func json(_ selector: WebhookPacticipantSelector) -> JSONValue {
        switch selector {
        case .name(let name): .object(["name": .string(name)])
        case .label(let label): .object(["label": .string(label)])
        }
    }
}

extension WebhookRequestTemplate {
    /// `method`, `url`, `headers` (masked, omitted when none), `body`, `username` and `password` (masked).
    public func jsonRepresentation() -> JSONValue {
        var object: [String: JSONValue] = ["method": .string(method), "url": .string(url)]
        let shown = displayHeaders
        if !shown.isEmpty {
            object["headers"] = .object(Dictionary(shown.map { ($0.name, JSONValue.string($0.value)) }, uniquingKeysWith: { _, last in last }))
        }
        switch body {
        case .text(let text): object["body"] = .string(text)
        case .json(let json): object["body"] = json
        case nil: break
        }
        if let username { object["username"] = .string(username) }
        if let displayPassword { object["password"] = .string(displayPassword) }
        return .object(object)
    }
}
