import Foundation
import OutboundHTTP
import PactBroker
import PactBrokerServer
import PactModel
import Testing

/// A broker served in process with webhook settings for tests: the loopback receiver allowed (`http`, any host),
/// webhooks run at once and are not retried unless asked.
func withWebhookBroker<T: Sendable>(
    store: any BrokerStore = InMemoryBrokerStore(), policy: WebhookSecurityPolicy = testPolicy,
    settings: WebhookExecutionSettings = WebhookExecutionSettings(retrySchedule: [], initialDelay: .zero, staggerDelay: .zero),
    closeStore: Bool = true, _ body: @Sendable (RunningBroker) async throws -> T
) async throws -> T {
    try await RunningBroker.with(
        store: store, configuration: BrokerServerConfiguration(port: 0, webhookPolicy: policy, webhookSettings: settings),
        closeStore: closeStore, body)
}

/// A plain HTTP exchange with the broker, for bodies and headers the client does not send or read.
func rawRequest(
    _ broker: RunningBroker, _ method: String, _ path: String, body: String? = nil, headers: [HTTPField] = []
) async throws -> (status: Int, headers: [HTTPField], text: String) {
    let client = try OutboundHTTPClient()
    do {
        var fields = headers
        if body != nil { fields.append(HTTPField(name: "Content-Type", value: "application/json")) }
        let response = try await client.send(
            OutboundRequest(method: method, url: broker.url(path), headers: fields, body: body.map { Array($0.utf8) }),
            timeout: .seconds(10), maxBodyBytes: 1 << 20)
        await client.shutdown()
        return (response.status, response.headers, String(decoding: response.body, as: UTF8.self))
    } catch {
        await client.shutdown()
        throw error
    }
}

/// Polls `condition` every 20 ms for up to 10 s; records an issue when it never holds.
func waitUntil(
    _ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + .seconds(10)
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("timed out waiting for \(what)", sourceLocation: sourceLocation)
}

/// A webhook body for the API, POSTing to `url` on `events`.
func webhookJSON(
    url: String, events: [String] = ["contract_published"], consumer: String? = nil, provider: String? = nil,
    body: JSONValue? = nil, method: String = "POST"
) -> JSONValue {
    var request: [String: JSONValue] = ["method": .string(method), "url": .string(url)]
    if let body { request["body"] = body }
    var object: [String: JSONValue] = [
        "events": .array(events.map { ["name": .string($0)] }), "request": .object(request),
    ]
    if let consumer { object["consumer"] = ["name": .string(consumer)] }
    if let provider { object["provider"] = ["name": .string(provider)] }
    return .object(object)
}
