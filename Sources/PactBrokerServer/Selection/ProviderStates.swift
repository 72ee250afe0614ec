import PactModel

/// `GET /pacts/provider/P/provider-states`: the provider states the provider's pacts use (those the default consumer
/// version selectors pick), each with the consumers that use it, as pact_broker's `provider_states_decorator.rb`.
extension BrokerAPI {
    func providerStates(_ urls: BrokerURLs, provider: String) async throws -> APIReply {
        let pacts = try await store.read { tx -> [PublicationView] in
            guard let p = try await tx.pacticipant(named: provider) else { throw APIError.notFound() }
            return try await select(tx, provider: p, query: VerificationQuery()).map(\.view)
        }
        var order: [String] = []
        var states: [String: (name: String, params: JSONValue?, consumers: [String])] = [:]
        for view in pacts {
            guard let json = try? JSONParser.parse(view.content.content) else { continue }
            let items = (json["interactions"]?.arrayValue ?? []) + (json["messages"]?.arrayValue ?? [])
            for item in items {
                var found: [(String, JSONValue?)] = []
                if let list = item["providerStates"]?.arrayValue {
                    found = list.compactMap { state in state["name"]?.stringValue.map { ($0, state["params"]) } }
                } else if let name = item["providerState"]?.stringValue ?? item["provider_state"]?.stringValue {
                    found = [(name, nil)]
                }
                for (name, params) in found {
                    let key = name + "\u{0}" + (params.map(JSONWriter.compact) ?? "")
                    if states[key] == nil {
                        order.append(key)
                        states[key] = (name, params, [])
                    }
                    if !states[key]!.consumers.contains(view.consumer.name) { states[key]!.consumers.append(view.consumer.name) }
                }
            }
        }
        return .ok(["providerStates": .array(order.compactMap { states[$0] }.map { state in
            var out: [String: JSONValue] = ["name": .string(state.name), "consumers": .array(state.consumers.map(JSONValue.string))]
            if let params = state.params { out["params"] = params }
            return .object(out)
        })])
    }
}
