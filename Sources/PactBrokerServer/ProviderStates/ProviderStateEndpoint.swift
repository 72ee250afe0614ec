import NIOConcurrencyHelpers
import PactModel

/// The broker's test mode (`--enable-provider-states`): `POST /_pact_state` sets provider states up and tears them
/// down, `GET /_pact_state` lists them, and the consumer pact's placeholder paths reach the real resources.
///
/// Each interaction starts from an empty broker, whether or not the verifier sends teardown calls: the first setup
/// call after any other request (or after a teardown) empties the store before creating its state's data; further
/// setup calls in a row (an interaction with several states) add to it. Verifiers run interactions one at a time.
struct ProviderStateMode: Sendable {
    let states: BrokerProviderStates
    /// Whether the last request was a setup call, so the next setup belongs to the same interaction.
    private let settingUp = NIOLockedValueBox(false)

    init(states: BrokerProviderStates) {
        self.states = states
    }

    /// The answer to a provider-state request, nil for any other request.
    func respond(to r: APIRequest) async -> APIReply? {
        guard r.segments == ["_pact_state"] else {
            settingUp.withLockedValue { $0 = false }
            return nil
        }
        switch r.method {
        case "GET":
            return .ok(["states": .array(BrokerProviderStates.catalogue.map(JSONValue.string))])
        case "POST":
            do {
                return try await stateChange(r)
            } catch let error as APIError {
                return APIReply(status: error.status, body: error.body)
            } catch let error as BrokerProviderStateError {
                return APIReply(status: 400, body: ["errors": ["state": [.string(error.description)]]])
            } catch {
                return APIReply(status: 500, body: ["error": ["message": .string("\(error)")]])
            }
        default:
            return APIReply(status: 405, body: APIError.methodNotAllowed.body)
        }
    }

    /// `{"state": "...", "params": {...}, "action": "setup" | "teardown"}`, as the Pact verifiers send it; other
    /// keys (the Ruby verifier's `consumer`, `states`) are ignored.
    private func stateChange(_ r: APIRequest) async throws -> APIReply {
        let body = try r.jsonObject()
        guard let stateValue = body["state"] else { throw APIError.badRequest(["state": ["is missing"]]) }
        guard let state = stateValue.stringValue else { throw APIError.badRequest(["state": ["must be a string"]]) }
        var params: [String: String] = [:]
        switch body["params"] {
        case nil, .null?: break
        case .object(let members)?:
            for (key, value) in members where value != .null { params[key] = value.stringValue ?? JSONWriter.compact(value) }
        default: throw APIError.badRequest(["params": ["must be an object"]])
        }
        let action = body["action"]?.stringValue ?? "setup"
        switch action {
        case "setup":
            let first = !settingUp.withLockedValue { $0 }
            do {
                try await states.setup(state: state, params: params, emptyFirst: first)
                settingUp.withLockedValue { $0 = true }
            } catch {
                // A failed set-up ends the interaction; the next setup starts afresh.
                settingUp.withLockedValue { $0 = false }
                throw error
            }
        case "teardown":
            settingUp.withLockedValue { $0 = false }
            try await states.teardown(state: state, params: params)
        default: throw BrokerProviderStateError.unknownAction(action)
        }
        return .ok([:])
    }
}
