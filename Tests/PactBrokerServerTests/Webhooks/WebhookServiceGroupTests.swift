import Foundation
import Logging
import OutboundHTTP
import PactBrokerServer
import ServiceLifecycle
import XCTest

/// The dispatcher as the broker runs it: a service of a ServiceGroup, stopped by graceful shutdown.
final class WebhookServiceGroupTests: XCTestCase {
    func testGracefulShutdownEndsTheDispatcherAndLeavesRetriesPending() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [502])
        let store = InMemoryWebhookStore()
        let client = try OutboundHTTPClient()
        let settings = WebhookExecutionSettings(retrySchedule: [.seconds(3600)], initialDelay: .zero)
        let dispatcher = WebhookDispatcher(store: store, client: client, policy: testPolicy, settings: settings)
        let hook = webhook(url: receiver.url("/hook"))
        try await store.saveWebhook(hook)
        let group = ServiceGroup(services: [dispatcher], logger: Logger(label: "webhook-tests"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let uuid = try await dispatcher.trigger([hook], event: .contractPublished, context: WebhookTemplateContext())[0].uuid
            try await eventually("retrying") { try await store.triggeredWebhook(uuid: uuid)?.status == .retrying }
            let started = ContinuousClock.now
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            XCTAssertLessThan(ContinuousClock.now - started, .seconds(5))
            let status = try await store.triggeredWebhook(uuid: uuid)?.status
            XCTAssertEqual(status, .retrying)
            XCTAssertEqual(dispatcher.pendingCount, 0)
        }
        await client.shutdown()
        XCTAssertEqual(receiver.requests.count, 1)
        try await receiver.server.shutdown()
    }
}
