import Foundation
import PactModel

/// An interaction's response ready to send: built once when it has no generators, otherwise rendered per request
/// with the generators applied (consumer mode). A class: a request reaches it through the engine's array, and a
/// reference costs one retain where copying the struct cost one per field.
package final class ResponseTemplate: Sendable {
    private enum Form: Sendable {
        /// No generators: only the bytes are kept, so the pact's response model (body tree, rules) can be freed,
        /// which is most of a large pact's memory.
        case prepared(MockResponse)
        /// `stateValues`: the merged params of the interaction's provider states, for ProviderState generators.
        case generated(PactResponse, stateValues: [String: JSONValue])
    }

    private let description: String
    private let form: Form

    init(_ interaction: HTTPInteraction) {
        description = interaction.info.description
        let response = interaction.response
        guard Self.hasGenerators(response) else {
            form = .prepared(Self.assemble(status: response.status, headers: response.headers, body: response.body))
            return
        }
        var stateValues: [String: JSONValue] = [:]
        for state in interaction.info.providerStates {
            stateValues.merge(state.params) { _, later in later }
        }
        form = .generated(response, stateValues: stateValues)
    }

    package static func hasGenerators(_ response: PactResponse) -> Bool {
        [GeneratorCategoryName.status, .header, .body].contains { !response.generators[$0].isEmpty }
    }

    /// `response` as a mock needs it when it has no generators: the body as the bytes it is sent as, without the
    /// body's value tree and the matching rules (which only a verifier reads). A large pact's responses are most of
    /// its memory; a loader compacts them as it reads, so the trees are freed while loading rather than leaving holes
    /// once everything is read. The rendered response is byte for byte the same.
    package static func compacted(_ response: PactResponse) -> PactResponse {
        guard !hasGenerators(response) else { return response }
        switch response.body {
        case .json, .text, .binary: break
        case .missing, .null, .empty: return PactResponse(status: response.status, headers: response.headers, body: response.body)
        }
        // The Content-Type the body would add when the headers have none must stay exactly the same text.
        let typeText = response.body.headerContentType
        let contentType = response.body.contentType ?? typeText.flatMap(ContentType.init)
        guard contentType?.description == typeText else { return response }
        return PactResponse(status: response.status, headers: response.headers,
                            body: .binary(response.body.bytes, contentType: contentType))
    }

    /// The response with generators applied. A generator that fails leaves the example value and adds a warning,
    /// except ProviderState generators when the states carry no params: then the example is the intended value.
    package func render(mockServerURL: String?, warnings: inout [String]) -> MockResponse {
        let response: PactResponse
        let stateValues: [String: JSONValue]
        switch form {
        case .prepared(let prepared): return prepared
        case .generated(let generated, let values): (response, stateValues) = (generated, values)
        }
        var rng = SystemRandomNumberGenerator()
        let consumer = GeneratorContext(mode: .consumer, providerStateValues: stateValues, mockServerURL: mockServerURL)
        var providerStates = consumer
        // ProviderState generators only apply in provider mode; the mock fills them from the states' params.
        providerStates.mode = .provider

        var status = response.status
        var headers = response.headers
        var body = response.body
        for category in [GeneratorCategoryName.status, .header, .body] {
            for (key, generator) in response.generators[category].sorted(by: { $0.key < $1.key }) {
                let isProviderState = if case .providerState = generator { true } else { false }
                guard isProviderState || generator.applies(in: .consumer) else { continue }
                let context = isProviderState ? providerStates : consumer
                let single = Generators(categories: [category: [key: generator]])
                do {
                    switch category {
                    case .status:
                        status = try single.applyToStatus(status, context: context, using: &rng)
                    case .header:
                        headers = try single.applyToHeaders(headers, context: context, using: &rng)
                    default:
                        if case .json(let value, let contentType) = body {
                            body = .json(try single.applyToBody(value, context: context, using: &rng), contentType: contentType)
                        }
                    }
                } catch {
                    if isProviderState, stateValues.isEmpty { continue }
                    let place = key.isEmpty ? category.rawValue : "\(category.rawValue) '\(key)'"
                    warnings.append("interaction '\(description)': the \(place) generator kept its example value: \(error)")
                }
            }
        }
        return Self.assemble(status: status, headers: headers, body: body)
    }

    /// Header fields sorted by name (one field per value), plus a `Content-Type` from the body when the headers
    /// have none.
    static func assemble(status: Int, headers: Headers, body: Body) -> MockResponse {
        var fields: [(name: String, value: String)] = []
        for name in headers.keys.sorted() {
            for value in headers[name] ?? [] { fields.append((name, value)) }
        }
        if headers.values(forHeader: "Content-Type") == nil, let contentType = body.headerContentType {
            fields.append(("Content-Type", contentType))
        }
        return MockResponse(status: status, headers: fields, body: body.bytes)
    }
}
