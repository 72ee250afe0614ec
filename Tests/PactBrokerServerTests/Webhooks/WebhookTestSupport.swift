import Foundation
import HTTPServerCore
import NIOConcurrencyHelpers
import OutboundHTTP
import PactBrokerServer
import XCTest

/// A clock that records the waits asked of it and returns at once; dates are fixed.
final class RecordingClock: WebhookClock {
    private let waits = NIOLockedValueBox<[Duration]>([])

    var recordedWaits: [Duration] { waits.withLockedValue { $0 } }

    func now() -> Date { Date(timeIntervalSince1970: 1_800_000_000) }

    func sleep(for duration: Duration) async throws {
        waits.withLockedValue { $0.append(duration) }
        try Task.checkCancellation()
    }
}

/// An in-process webhook receiver: records requests and answers with the scripted statuses (the last repeats).
final class WebhookReceiver: Sendable {
    let server: HTTPServer
    private let received: NIOLockedValueBox<[ServerRequest]>

    static func start(statuses: [Int], body: String = "received") async throws -> WebhookReceiver {
        let received = NIOLockedValueBox<[ServerRequest]>([])
        let server = try await HTTPServer.start(handler: .immediate { request in
            let count = received.withLockedValue { list in
                list.append(request)
                return list.count
            }
            let status = statuses[min(count - 1, statuses.count - 1)]
            return ServerResponse(status: status, headers: [("X-Receiver", "yes")], body: Data(body.utf8))
        })
        return WebhookReceiver(server: server, received: received)
    }

    private init(server: HTTPServer, received: NIOLockedValueBox<[ServerRequest]>) {
        self.server = server
        self.received = received
    }

    var requests: [ServerRequest] { received.withLockedValue { $0 } }

    /// `http://127.0.0.1:port` + `path`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(server.port)\(path)" }
}

/// The loopback test receiver speaks plain HTTP: the policy allows `http` and POST.
let testPolicy = WebhookSecurityPolicy(methods: ["POST"], schemes: ["http"])

/// Immediate scheduling, the default retry schedule.
let immediateSettings = WebhookExecutionSettings(initialDelay: .zero, staggerDelay: .zero)

/// Runs `body` with a dispatcher running in a child task; shuts it down and waits for `run()` to return.
func withDispatcher(
    policy: WebhookSecurityPolicy = testPolicy, settings: WebhookExecutionSettings = immediateSettings,
    clock: any WebhookClock = RecordingClock(), store: InMemoryWebhookStore = InMemoryWebhookStore(),
    _ body: (WebhookDispatcher, InMemoryWebhookStore) async throws -> Void
) async throws {
    let client = try OutboundHTTPClient()
    let dispatcher = WebhookDispatcher(store: store, client: client, policy: policy, settings: settings, clock: clock)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await dispatcher.run() }
        do {
            try await body(dispatcher, store)
        } catch {
            dispatcher.shutdown()
            try? await group.waitForAll()
            await client.shutdown()
            throw error
        }
        dispatcher.shutdown()
        try await group.waitForAll()
    }
    await client.shutdown()
}

/// Polls `condition` every 10 ms for up to 10 s.
func eventually(
    _ what: String, file: StaticString = #filePath, line: UInt = #line, _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + .seconds(10)
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    XCTFail("timed out waiting for \(what)", file: file, line: line)
}

func webhook(
    url: String, events: [WebhookEventName] = [.contractPublished], body: WebhookBody? = nil,
    headers: [WebhookHeader] = [], username: String? = nil, password: String? = nil, enabled: Bool = true,
    uuid: String = WebhookDefinitionParser.newUUID(), consumer: WebhookPacticipantSelector? = nil
) -> WebhookDefinition {
    WebhookDefinition(
        uuid: uuid, consumer: consumer, events: events,
        request: WebhookRequestTemplate(method: "POST", url: url, headers: headers, body: body, username: username, password: password),
        enabled: enabled)
}

/// A clock whose waits block until `open()` (or cancellation); dates are fixed.
final class GatedClock: WebhookClock {
    private struct State {
        var opened = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = NIOLockedValueBox(State())

    var waiting: Bool { state.withLockedValue { !$0.waiters.isEmpty } }

    func now() -> Date { Date(timeIntervalSince1970: 1_800_000_000) }

    func open() {
        let waiters = state.withLockedValue { state in
            state.opened = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func sleep(for duration: Duration) async throws {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLockedValue { state in
                if state.opened { return true }
                state.waiters.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
        try Task.checkCancellation()
    }
}
