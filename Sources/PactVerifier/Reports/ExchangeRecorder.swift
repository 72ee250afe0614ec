import Foundation

/// Collects the HTTP exchanges made while one interaction is verified (state change calls, the request to the
/// provider, the call to a message endpoint), in the order they were made. The verifier installs one per interaction
/// as `current` when `VerifierConfiguration.recordsExchanges` is set; whatever sends a request records it there, so a
/// custom `ProviderStateHandler` or a new kind of call needs no recorder of its own.
actor ExchangeRecorder {
    /// The recorder of the interaction being verified, if exchanges are recorded.
    @TaskLocal static var current: ExchangeRecorder?

    private(set) var exchanges: [RecordedExchange] = []

    func record(_ exchange: RecordedExchange) { exchanges.append(exchange) }

    /// Records `request` and its `response` (nil when none came) in the current recorder, if there is one.
    static func record(
        _ purpose: RecordedExchange.Purpose, request: ProviderRequest, response: RecordedExchange.Response?
    ) async {
        guard let recorder = current else { return }
        await recorder.record(RecordedExchange(purpose: purpose, request: .init(request), response: response))
    }

    /// Runs `body` with a new recorder installed and returns its result with the exchanges recorded.
    static func recording<T: Sendable>(_ body: () async -> T) async -> (T, [RecordedExchange]) {
        let recorder = ExchangeRecorder()
        let value = await $current.withValue(recorder) { await body() }
        return (value, await recorder.exchanges)
    }
}
