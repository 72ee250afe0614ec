import Foundation
import PactModel

/// An environment as the broker describes it.
public struct BrokerEnvironment: Sendable, Hashable {
    /// The broker's id for the environment.
    public var uuid: String
    /// The name used by `record-deployment` and `can-i-deploy --to-environment`.
    public var name: String
    /// Whether it is a production environment.
    public var production: Bool
}

extension PactBrokerClient {
    /// Creates an environment through the index's `pb:environments` relation and returns it. An environment with
    /// the same name is refused by the broker (a `BrokerError` of kind `.conflict` or `.rejected`, with its message).
    public func createEnvironment(
        name: String, displayName: String? = nil, production: Bool
    ) async throws(BrokerError) -> BrokerEnvironment {
        let index = try await index()
        let link = try index.requiredLink("pb:environments", purpose: "create an environment")
        var body: [String: JSONValue] = ["name": .string(name), "production": .bool(production)]
        if let displayName { body["displayName"] = .string(displayName) }
        let response = try await send("POST", link.url(), json: .object(body), idempotent: false)
        guard let uuid = response.json?["uuid"]?.stringValue else {
            throw BrokerError(kind: .malformedResponse, reason: "the broker's answer to creating the environment '\(name)' has no uuid")
        }
        return BrokerEnvironment(uuid: uuid, name: response.json?["name"]?.stringValue ?? name,
                                 production: response.json?["production"]?.boolValue ?? production)
    }
}
