import Foundation
import HTTPServerCore

/// The HTTP form of the state hooks, as pact verifiers call them: `POST /_pact_state` with
/// `{"state": "...", "params": {...}, "action": "setup" | "teardown"}` (other keys, such as the Ruby verifier's
/// `consumer` and `states`, are ignored), `GET /_pact_state` for the catalogue, and `/_reset_database`.
struct ProviderStateEndpoints: Sendable {
    let states: ProviderStates

    func stateChange(_ request: ServerRequest) async throws -> ServerResponse {
        if request.method == "GET" { return catalogue() }
        let value = try RequestBodies.parse(request.body)
        guard case .object(let members, _) = value else {
            throw BadRequest(problems: [ValidationProblem("$", "must be an object, got \(value.typeName)")])
        }
        guard case .string(let state)? = members["state"] else {
            throw BadRequest(problems: [ValidationProblem("$.state", "required string is missing")])
        }
        let params = try scalarParams(members["params"])
        var action = "setup"
        if let given = members["action"] {
            guard case .string(let text) = given else {
                throw BadRequest(problems: [ValidationProblem("$.action", "must be a string, got \(given.typeName)")])
            }
            action = text
        }
        do {
            switch action {
            case "setup":
                let values = try await states.setup(state: state, params: params)
                return APIResponses.ok(.object(values.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
            case "teardown":
                try await states.teardown(state: state, params: params)
                return APIResponses.ok(.object([]))
            default:
                throw ProviderStateError.unknownAction(action)
            }
        } catch let error as ProviderStateError {
            let title = if case .unknownState = error { "Unknown provider state" } else { "Bad provider state" }
            return APIResponses.error(status: 400, code: "OPGDATA-API-INVALIDREQUEST", title: title, detail: error.description)
        }
    }

    func resetDatabase() async throws -> ServerResponse {
        try await states.reset()
        return APIResponses.ok(.object([]))
    }

    private func catalogue() -> ServerResponse {
        let items = ProviderStates.catalogue.map { state in
            JSONOutput.object([
                ("name", .string(state.name)), ("summary", .string(state.summary)),
                ("params", .array(state.params.map(JSONOutput.string))),
            ])
        }
        return APIResponses.ok(.object([("states", .array(items))]))
    }

    /// Pact params may be any JSON; scalars are passed on as text, anything nested is refused.
    private func scalarParams(_ value: JSONInput?) throws -> [String: String] {
        guard let value, value != .null else { return [:] }
        guard case .object(let members, _) = value else {
            throw BadRequest(problems: [ValidationProblem("$.params", "must be an object, got \(value.typeName)")])
        }
        var params: [String: String] = [:]
        for (key, member) in members {
            switch member {
            case .string(let text): params[key] = text
            case .bool(let flag): params[key] = flag ? "true" : "false"
            case .number(let text): params[key] = text
            case .null: continue
            case .array, .object:
                throw BadRequest(problems: [ValidationProblem("$.params.\(key)", "must be a scalar, got \(member.typeName)")])
            }
        }
        return params
    }
}
