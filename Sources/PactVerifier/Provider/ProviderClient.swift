import Foundation
import OutboundHTTP

/// Sends requests to the provider (and to a state change URL) through one `OutboundHTTPClient` reused for the whole
/// run: redirects are returned as responses rather than followed, cookies are neither stored nor sent, the request
/// timeout covers the whole exchange and response bodies are capped.
struct ProviderClient: Sendable {
    let http: OutboundHTTPClient

    /// Sends `request` and waits for the whole response; a request the pact made unsendable (a method that is not a
    /// token, a header with CR/LF) fails here with nothing sent. The exchange is recorded, as `purpose`, when the
    /// interaction's exchanges are (`ExchangeRecorder`).
    func send(
        _ request: ProviderRequest, purpose: RecordedExchange.Purpose = .providerRequest
    ) async throws(VerificationError) -> ProviderResponse {
        let response: ProviderResponse
        do {
            response = ProviderResponse(try await http.send(request.outbound))
        } catch {
            await ExchangeRecorder.record(purpose, request: request, response: nil)
            throw TransportErrors.verificationError(error)
        }
        await ExchangeRecorder.record(purpose, request: request, response: response.recorded)
        return response
    }
}
