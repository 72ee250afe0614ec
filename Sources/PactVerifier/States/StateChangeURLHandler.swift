import Foundation
import PactModel

/// Changes provider states over HTTP, as pact-reference's `--state-change-url` does: `POST <url>` with
/// `{"state": name, "params": {…}, "action": "setup" | "teardown"}`. A 2xx answer whose body is a JSON object gives
/// the values for ProviderState generators; any other status fails the state change with the provider's answer.
struct StateChangeURLHandler: ProviderStateHandler {
    let url: URL
    let teardownEnabled: Bool
    let client: ProviderClient

    func setup(_ state: ProviderState) async throws -> [String: JSONValue] {
        let response = try await post(state, action: "setup")
        guard let contentType = response.headers.contentType, contentType.isJSON, !response.body.isEmpty,
              case .object(let values)? = try? JSONParser.parse(response.body)
        else { return [:] }
        return values.dictionary
    }

    func teardown(_ state: ProviderState) async throws {
        guard teardownEnabled else { return }
        _ = try await post(state, action: "teardown")
    }

    private func post(_ state: ProviderState, action: String) async throws -> ProviderResponse {
        let payload: JSONValue = ["state": .string(state.name), "params": .object(state.params), "action": .string(action)]
        let request = ProviderRequest(
            method: "POST", url: url,
            headers: [("Content-Type", "application/json"), ("User-Agent", "pactkit-verifier")],
            body: Data(JSONWriter.compact(payload).utf8))
        let response: ProviderResponse
        do {
            response = try await client.send(request, purpose: .stateChange(action: action, state: state.name))
        } catch {
            throw StateChangeFailure(state: state, action: action, status: nil, body: nil, reason: error.message)
        }
        guard (200..<300).contains(response.status) else {
            throw StateChangeFailure(state: state, action: action, status: response.status, body: response.bodyText(),
                                     reason: "the state change URL \(url.absoluteString) answered \(response.status)")
        }
        return response
    }
}

/// A state change that the provider refused or did not answer; carries the provider's answer for the report.
public struct StateChangeFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The provider state being changed.
    public var state: ProviderState
    /// `setup` or `teardown`.
    public var action: String
    /// The status the provider answered with, if it answered.
    public var status: Int?
    /// The body the provider answered with, if it answered.
    public var body: String?
    /// Why the change failed: the transport error or the unexpected status.
    public var reason: String

    /// The reason, followed by the provider's answer body when there is one.
    public var description: String {
        var text = reason
        if let body, !body.isEmpty { text += ": \(body)" }
        return text
    }
}
