/// A provider state an interaction depends on, with optional parameters (V3+).
public struct ProviderState: Sendable, Hashable {
    public var name: String
    public var params: [String: JSONValue]

    public init(name: String, params: [String: JSONValue] = [:]) {
        self.name = name
        self.params = params
    }
}
