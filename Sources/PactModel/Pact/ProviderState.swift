/// A provider state an interaction depends on, with optional parameters (V3+).
public struct ProviderState: Sendable, Hashable {
    /// The state as the pact words it, e.g. "an order with id 1 exists".
    public var name: String
    /// Parameters for the provider's state change handler; empty before V3.
    public var params: [String: JSONValue]

    /// A provider state named `name`, without parameters by default.
    public init(name: String, params: [String: JSONValue] = [:]) {
        self.name = name
        self.params = params
    }
}
