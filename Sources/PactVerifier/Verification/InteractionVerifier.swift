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
    let messages: MessageInteractionVerifier

    func verify(_ interaction: Interaction, version: PactSpecVersion) async -> InteractionResult {
        let info = interaction.info
        var result = InteractionResult(description: info.description, providerStates: info.providerStates,
                                       interactionType: interaction.typeName, pending: info.pending, status: .skipped,
                                       comments: info.comments)
        guard case .http(let http) = interaction else {
            return await messages.verify(interaction, version: version, result: result)
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
        let states = ProviderStateRun(handler: stateHandler)
        guard let values = await states.setUp(interaction.info, into: &result) else { return }

        request = RequestGeneration.apply(to: request, values: values, notes: &result.notes)
        result.request = "\(request.method.uppercased()) \(request.path)"
            + (request.query.map { $0.isEmpty ? "" : "?" + ProviderRequestBuilder.encodeQuery($0) } ?? "")
        await exchange(request, expected: interaction.response, version: version, into: &result)

        await states.tearDown(interaction.info, into: &result)
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

    static func status(of result: InteractionResult) -> InteractionStatus {
        let verified = result.mismatches.isEmpty && result.errors.isEmpty
        if verified { return .passed }
        if result.pending { return .pendingFailed }
        return result.mismatches.isEmpty ? .error : .failed
    }
}
