import PactModel

/// Applies an interaction's request generators in provider mode, one at a time, so a generator that cannot produce a
/// value keeps the pact's example and leaves a note instead of stopping the interaction.
enum RequestGeneration {
    /// `values` are the provider state values (params, then what the state setup returned) for ProviderState
    /// generators.
    static func apply(to request: PactRequest, values: [String: JSONValue], notes: inout [String]) -> PactRequest {
        guard !request.generators.isEmpty else { return request }
        var rng = SystemRandomNumberGenerator()
        let context = GeneratorContext(mode: .provider, providerStateValues: values)
        var result = request
        for category in [GeneratorCategoryName.path, .query, .header, .body] {
            for (key, generator) in request.generators[category].sorted(by: { $0.key < $1.key })
            where generator.applies(in: .provider) {
                let single = Generators(categories: [category: [key: generator]])
                do {
                    switch category {
                    case .path:
                        result.path = try single.applyToPath(result.path, context: context, using: &rng)
                    case .query:
                        result.query = try single.applyToQuery(result.query, context: context, using: &rng)
                    case .header:
                        result.headers = try single.applyToHeaders(result.headers, context: context, using: &rng)
                    default:
                        if case .json(let value, let contentType) = result.body {
                            result.body = .json(try single.applyToBody(value, context: context, using: &rng),
                                                contentType: contentType)
                        }
                    }
                } catch {
                    let place = key.isEmpty ? category.rawValue : "\(category.rawValue) '\(key)'"
                    notes.append("the request \(place) generator kept the pact's example value: \(error)")
                }
            }
        }
        return result
    }
}
