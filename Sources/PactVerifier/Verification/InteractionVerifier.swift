import Foundation
import OutboundHTTP
import PactMatching
import PactModel

/// Verifies one interaction: state setup, request, response matching, state teardown.
struct InteractionVerifier: Sendable {
    let client: ProviderClient
    let builder: ProviderRequestBuilder
    let stateHandler: (any ProviderStateHandler)?
    let requestFilter: RequestFilter?
    let messages: MessageInteractionVerifier
    var recordsExchanges = false

    func verify(_ interaction: Interaction, version: PactSpecVersion) async -> InteractionResult {
        guard recordsExchanges else { return await performVerification(interaction, version: version) }
        var (result, exchanges) = await ExchangeRecorder.recording {
            await performVerification(interaction, version: version)
        }
        result.exchanges = exchanges
        return result
    }

    private func performVerification(_ interaction: Interaction, version: PactSpecVersion) async -> InteractionResult {
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
        result.request = Self.summary(request)
        let states = ProviderStateRun(handler: stateHandler)
        guard let values = await states.setUp(interaction.info, into: &result) else { return }

        request = RequestGeneration.apply(to: request, values: values, notes: &result.notes)
        result.request = RequestLine.text(method: OutboundRequest.printable(method: request.method.uppercased()), path: request.path,
                                          query: request.query.map(ProviderRequestBuilder.encodeQuery))
        await exchange(request, expected: interaction.response, version: version, into: &result)

        await states.tearDown(interaction.info, into: &result)
    }

    private func exchange(
        _ request: PactRequest, expected: PactResponse, version: PactSpecVersion, into result: inout InteractionResult
    ) async {
        do throws(VerificationError) {
            var providerRequest = try builder.request(for: request)
            try await providerRequest.apply(requestFilter)
            let response = try await client.send(providerRequest)
            result.mismatches = ResponseMatching.match(expected: expected, actual: response.model, version: version)
        } catch {
            result.errors.append(error)
        }
    }

    /// `METHOD path` for the report; a method that is not an HTTP token is quoted with its control characters shown.
    private static func summary(_ request: PactRequest) -> String {
        "\(OutboundRequest.printable(method: request.method.uppercased())) \(request.path)"
    }

    static func status(of result: InteractionResult) -> InteractionStatus {
        let verified = result.mismatches.isEmpty && result.errors.isEmpty
        if verified { return .passed }
        if result.pending { return .pendingFailed }
        return result.mismatches.isEmpty ? .error : .failed
    }
}
