import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PactMatching
import PactModel

/// Verifies one interaction: state setup, request, response matching, state teardown.
struct InteractionVerifier: Sendable {
    let client: ProviderClient
    let builder: ProviderRequestBuilder
    let stateHandler: (any ProviderStateHandler)?
    let requestFilter: RequestFilter?

    static let messagesUnsupported = "message verification is not supported over HTTP yet"

    func verify(_ interaction: Interaction, version: PactSpecVersion) async -> InteractionResult {
        let info = interaction.info
        var result = InteractionResult(description: info.description, providerStates: info.providerStates,
                                       interactionType: interaction.typeName, pending: info.pending, status: .skipped,
                                       comments: info.comments)
        guard case .http(let http) = interaction else {
            result.notes.append(Self.messagesUnsupported)
            return result
        }
        let start = ContinuousClock.now
        await run(http, version: version, into: &result)
        result.duration = ContinuousClock.now - start
        result.status = Self.status(of: result)
        return result
    }

    private func run(_ interaction: HTTPInteraction, version: PactSpecVersion, into result: inout InteractionResult) async {
        var request = interaction.request
        result.request = "\(request.method.uppercased()) \(request.path)"
        // An interaction without states still gets one call with the empty state name (PACT-SPEC §8), so a handler
        // can reset the provider between interactions.
        let states = interaction.info.providerStates.isEmpty ? [ProviderState(name: "")] : interaction.info.providerStates
        var values: [String: JSONValue] = [:]
        for state in interaction.info.providerStates {
            values.merge(state.params) { _, new in new }
        }
        if let stateHandler {
            for state in states {
                do {
                    values.merge(try await stateHandler.setup(state)) { _, new in new }
                } catch {
                    // The request is not sent and nothing is torn down, as pact-reference does.
                    result.errors.append(Self.stateError(error, state: state, action: "setup"))
                    return
                }
            }
        } else if !interaction.info.providerStates.isEmpty {
            let names = interaction.info.providerStates.map { "'\($0.name)'" }.joined(separator: ", ")
            result.notes.append("no state handler or state change URL is configured, so \(names) was not set up")
        }

        request = RequestGeneration.apply(to: request, values: values, notes: &result.notes)
        result.request = RequestLine.text(method: request.method.uppercased(), path: request.path,
                                          query: request.query.map(ProviderRequestBuilder.encodeQuery))
        await exchange(request, expected: interaction.response, version: version, into: &result)

        if let stateHandler {
            for state in states.reversed() {
                do {
                    try await stateHandler.teardown(state)
                } catch {
                    result.errors.append(Self.stateError(error, state: state, action: "teardown"))
                }
            }
        }
    }

    private func exchange(
        _ request: HTTPRequest, expected: HTTPResponse, version: PactSpecVersion, into result: inout InteractionResult
    ) async {
        do throws(VerificationError) {
            var urlRequest = try builder.urlRequest(for: request)
            if let requestFilter {
                do {
                    try await requestFilter(&urlRequest)
                } catch {
                    throw VerificationError(kind: .request, message: "the request filter failed: \(error)")
                }
            }
            let response = try await client.send(urlRequest)
            result.mismatches = ResponseMatching.match(expected: expected, actual: response.model, version: version)
        } catch {
            result.errors.append(error)
        }
    }

    private static func stateError(_ error: any Error, state: ProviderState, action: String) -> VerificationError {
        let kind: VerificationError.Kind = action == "setup" ? .stateSetup : .stateTeardown
        let name = state.name.isEmpty ? "the empty provider state (interaction without states)" : "provider state '\(state.name)'"
        if let failure = error as? StateChangeFailure {
            return VerificationError(kind: kind, message: "\(action) of \(name) failed: \(failure)",
                                     status: failure.status, body: failure.body)
        }
        return VerificationError(kind: kind, message: "\(action) of \(name) failed: \(error)")
    }

    private static func status(of result: InteractionResult) -> InteractionStatus {
        let verified = result.mismatches.isEmpty && result.errors.isEmpty
        if verified { return .passed }
        if result.pending { return .pendingFailed }
        return result.mismatches.isEmpty ? .error : .failed
    }
}
