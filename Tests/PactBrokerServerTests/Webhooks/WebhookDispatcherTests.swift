import Foundation
import HTTPServerCore
import OutboundHTTP
import PactBrokerServer
import PactModel
import XCTest

final class WebhookDispatcherTests: XCTestCase {
    private let context = WebhookTemplateContext(
        pactURL: "http://broker/pacts/x", consumerName: "Foo", providerName: "Bar", consumerVersionNumber: "1.2.3")

    func testRetriesOnTheScheduleAndStopsOnSuccess() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [500, 503, 201])
        let clock = RecordingClock()
        let settings = WebhookExecutionSettings(initialDelay: .seconds(5))
        try await withDispatcher(settings: settings, clock: clock) { dispatcher, store in
            let hook = webhook(
                url: receiver.url("/build?v=${pactbroker.consumerVersionNumber}"),
                body: .json(.object(["pact": .string("${pactbroker.pactUrl}"), "event": .string("${pactbroker.eventName}")])),
                headers: [WebhookHeader(name: "Content-Type", value: "application/json")])
            try await store.saveWebhook(hook)
            let triggered = try await dispatcher.trigger([hook], event: .contractPublished, context: context)
            XCTAssertEqual(triggered.count, 1)
            XCTAssertEqual(triggered[0].status, .notRun)
            XCTAssertEqual(triggered[0].context.eventName, "contract_published")
            let uuid = triggered[0].uuid
            try await eventually("success") { try await store.triggeredWebhook(uuid: uuid)?.status == .success }
            let executions = try await store.executions(triggeredWebhookUUID: uuid)
            XCTAssertEqual(executions.map(\.attempt), [1, 2, 3])
            XCTAssertEqual(executions.map(\.responseStatus), [500, 503, 201])
            XCTAssertEqual(executions.map(\.success), [false, false, true])
            XCTAssertTrue(executions[0].logs.contains("INFO: Retrying webhook in 10 seconds"), executions[0].logs)
            XCTAssertTrue(executions[1].logs.contains("INFO: Retrying webhook in 60 seconds"), executions[1].logs)
            XCTAssertTrue(executions[2].logs.contains("INFO: Successfully executed webhook"), executions[2].logs)
            XCTAssertTrue(executions[0].logs.hasPrefix("[2027-01-15T08:00:00Z] DEBUG: Webhook context"), executions[0].logs)
            XCTAssertTrue(executions[0].logs.contains("INFO: HTTP/1.1 POST \(receiver.url("/build?v=1.2.3"))"), executions[0].logs)
            XCTAssertEqual(clock.recordedWaits, [.seconds(5), .seconds(10), .seconds(60)])
            XCTAssertEqual(dispatcher.pendingCount, 0)
        }
        let requests = receiver.requests
        XCTAssertEqual(requests.count, 3)
        XCTAssertEqual(requests[0].method, "POST")
        XCTAssertEqual(requests[0].path, "/build")
        XCTAssertEqual(requests[0].rawQuery, "v=1.2.3")
        XCTAssertEqual(requests[0].header("Content-Type"), "application/json")
        XCTAssertEqual(requests[0].header("User-Agent"), "PactKit Broker")
        let body = try JSONParser.parse(requests[0].body)
        XCTAssertEqual(body, .object(["pact": .string("http://broker/pacts/x"), "event": .string("contract_published")]))
        try await receiver.server.shutdown()
    }

    func testGivesUpAfterTheLastAttempt() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [500])
        let clock = RecordingClock()
        let settings = WebhookExecutionSettings(retrySchedule: [.seconds(1), .seconds(2)], initialDelay: .zero)
        try await withDispatcher(settings: settings, clock: clock) { dispatcher, store in
            let hook = webhook(url: receiver.url("/x"))
            try await store.saveWebhook(hook)
            let uuid = try await dispatcher.trigger([hook], event: .contractPublished, context: context)[0].uuid
            try await eventually("failure") { try await store.triggeredWebhook(uuid: uuid)?.status == .failure }
            let executions = try await store.executions(triggeredWebhookUUID: uuid)
            XCTAssertEqual(executions.count, 3)
            XCTAssertTrue(executions[2].logs.contains("INFO: Webhook execution failed after 3 attempts"), executions[2].logs)
            XCTAssertEqual(clock.recordedWaits, [.seconds(1), .seconds(2)])
        }
        XCTAssertEqual(receiver.requests.count, 3)
        try await receiver.server.shutdown()
    }

    func testResponseDetailsAreLoggedOnlyWithAHostAllowList() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [200], body: String(repeating: "r", count: 100))
        // Default: no host allow-list, so pact_broker hides the response.
        try await withDispatcher(settings: WebhookExecutionSettings(baseURL: "http://broker", initialDelay: .zero)) { dispatcher, store in
            let hook = webhook(
                url: receiver.url("/x"), headers: [WebhookHeader(name: "X-Api-Token", value: "tok-123")],
                username: "user", password: "hunter2")
            try await store.saveWebhook(hook)
            let uuid = try await dispatcher.trigger([hook], event: .contractPublished, context: context)[0].uuid
            try await eventually("success") { try await store.triggeredWebhook(uuid: uuid)?.status == .success }
            let execution = try await store.executions(triggeredWebhookUUID: uuid)[0]
            XCTAssertTrue(execution.logs.contains(
                "For security purposes, the response details are not logged. To enable response logging, configure the "
                    + "webhook_host_whitelist property. See http://broker/doc/webhooks#whitelist for more information."), execution.logs)
            XCTAssertFalse(execution.logs.contains("rrrr"))
            XCTAssertEqual(execution.responseStatus, 200)
            XCTAssertNil(execution.responseBody)
            XCTAssertTrue(execution.logs.contains("X-Api-Token: **********"), execution.logs)
            XCTAssertTrue(execution.logs.contains("Authorization: **********"), execution.logs)
            XCTAssertFalse(execution.logs.contains("tok-123"))
            XCTAssertFalse(execution.logs.contains("hunter2"))
            XCTAssertEqual(execution.requestHeaders.first { $0.name == "Authorization" }?.value, "**********")
        }
        // With a host allow-list the response is logged, its body capped.
        let policy = WebhookSecurityPolicy(schemes: ["http"], hosts: [WebhookHostPattern("127.0.0.0/8")!])
        let settings = WebhookExecutionSettings(maxLoggedResponseBodyBytes: 10, initialDelay: .zero)
        try await withDispatcher(policy: policy, settings: settings) { dispatcher, store in
            let hook = webhook(url: receiver.url("/x"))
            try await store.saveWebhook(hook)
            let uuid = try await dispatcher.trigger([hook], event: .contractPublished, context: context)[0].uuid
            try await eventually("success") { try await store.triggeredWebhook(uuid: uuid)?.status == .success }
            let execution = try await store.executions(triggeredWebhookUUID: uuid)[0]
            XCTAssertTrue(execution.logs.contains("INFO: HTTP/1.1 200\n"), execution.logs)
            XCTAssertTrue(execution.logs.contains("INFO: X-Receiver: yes"), execution.logs)
            XCTAssertTrue(execution.logs.contains("INFO: rrrrrrrrrr\n... (90 more bytes not logged)"), execution.logs)
            XCTAssertEqual(execution.responseBody, "rrrrrrrrrr\n... (90 more bytes not logged)")
            XCTAssertTrue(execution.responseHeaders.contains(WebhookHeader(name: "X-Receiver", value: "yes")))
        }
        try await receiver.server.shutdown()
    }

    func testConnectionFailureIsRecordedAndRetried() async throws {
        let closed = try await WebhookReceiver.start(statuses: [200])
        let url = closed.url("/gone")
        try await closed.server.shutdown()
        let policy = WebhookSecurityPolicy(schemes: ["http"], hosts: [WebhookHostPattern("127.0.0.1")!])
        let settings = WebhookExecutionSettings(retrySchedule: [.seconds(1)], initialDelay: .zero)
        try await withDispatcher(policy: policy, settings: settings) { dispatcher, store in
            let hook = webhook(url: url)
            try await store.saveWebhook(hook)
            let uuid = try await dispatcher.trigger([hook], event: .contractPublished, context: context)[0].uuid
            try await eventually("failure") { try await store.triggeredWebhook(uuid: uuid)?.status == .failure }
            let executions = try await store.executions(triggeredWebhookUUID: uuid)
            XCTAssertEqual(executions.count, 2)
            XCTAssertNil(executions[0].responseStatus)
            XCTAssertNotNil(executions[0].error)
            XCTAssertTrue(executions[0].logs.contains("ERROR: Error executing webhook \(hook.uuid) Unreachable - "), executions[0].logs)
        }
    }

    func testATightenedPolicyStopsAWebhookBeforeItIsSent() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [200])
        let settings = WebhookExecutionSettings(retrySchedule: [], initialDelay: .zero)
        try await withDispatcher(policy: WebhookSecurityPolicy(), settings: settings) { dispatcher, store in
            let hook = webhook(url: receiver.url("/x"))  // saved when http was allowed
            try await store.saveWebhook(hook)
            let uuid = try await dispatcher.trigger([hook], event: .contractPublished, context: context)[0].uuid
            try await eventually("failure") { try await store.triggeredWebhook(uuid: uuid)?.status == .failure }
            let execution = try await store.executions(triggeredWebhookUUID: uuid)[0]
            XCTAssertEqual(execution.error, "request.url scheme must be https. See /doc/webhooks#whitelist for more information.")
            XCTAssertTrue(execution.logs.contains("ERROR: Webhook \(hook.uuid) request not sent: request.url scheme must be https."), execution.logs)
        }
        XCTAssertEqual(receiver.requests.count, 0)
        try await receiver.server.shutdown()
    }

    func testADeletedWebhookFailsWithoutSending() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [500, 200])
        let clock = GatedClock()
        let settings = WebhookExecutionSettings(retrySchedule: [.seconds(10)], initialDelay: .zero)
        try await withDispatcher(settings: settings, clock: clock) { dispatcher, store in
            let hook = webhook(url: receiver.url("/x"))
            try await store.saveWebhook(hook)
            let uuid = try await dispatcher.trigger([hook], event: .contractPublished, context: context)[0].uuid
            try await eventually("retrying") { try await store.triggeredWebhook(uuid: uuid)?.status == .retrying }
            try await eventually("waiting") { clock.waiting }
            try await store.deleteWebhook(uuid: hook.uuid)
            clock.open()
            try await eventually("failure") { try await store.triggeredWebhook(uuid: uuid)?.status == .failure }
            let executions = try await store.executions(triggeredWebhookUUID: uuid)
            XCTAssertEqual(executions.count, 2)
            XCTAssertTrue(executions[1].logs.contains("cannot be executed it has been deleted"), executions[1].logs)
        }
        XCTAssertEqual(receiver.requests.count, 1)
        try await receiver.server.shutdown()
    }

    func testOnlyEnabledSubscribedMatchingWebhooksFire() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [200])
        try await withDispatcher { dispatcher, store in
            let fires = webhook(url: receiver.url("/fires"), events: [.providerVerificationFailed], consumer: .name("Foo"))
            let disabled = webhook(url: receiver.url("/disabled"), events: [.providerVerificationFailed], enabled: false)
            let otherEvent = webhook(url: receiver.url("/other"), events: [.providerVerificationSucceeded])
            let otherConsumer = webhook(url: receiver.url("/consumer"), events: [.providerVerificationFailed], consumer: .name("Baz"))
            let global = webhook(url: receiver.url("/global"), events: [.providerVerificationFailed, .contractPublished])
            for hook in [fires, disabled, otherEvent, otherConsumer, global] { try await store.saveWebhook(hook) }
            var verified = context
            verified.verificationSuccess = false
            let triggered = try await dispatcher.trigger(
                event: .providerVerificationFailed, consumer: WebhookPacticipant(name: "Foo"),
                provider: WebhookPacticipant(name: "Bar"), context: verified)
            XCTAssertEqual(Set(triggered.map(\.webhookUUID)), [fires.uuid, global.uuid])
            try await eventually("both sent") { receiver.requests.count == 2 }
        }
        XCTAssertEqual(Set(receiver.requests.map(\.path)), ["/fires", "/global"])
        try await receiver.server.shutdown()
    }

    func testContractRequiringVerificationFiresOncePerProviderVersion() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [200])
        try await withDispatcher { dispatcher, store in
            let hook = webhook(
                url: receiver.url("/verify?version=${pactbroker.providerVersionNumber}&branch=${pactbroker.providerVersionBranch}"),
                events: [.contractRequiringVerificationPublished],
                body: .text("${pactbroker.eventName}: ${pactbroker.providerVersionDescriptions}"))
            let unrelated = webhook(url: receiver.url("/unrelated"), events: [.contractPublished])
            try await store.saveWebhook(hook)
            let triggered = try await dispatcher.triggerForRequiredVerifications(
                [hook, unrelated], context: context,
                providerVersions: [
                    RequiredProviderVersion(number: "abc", branch: "main", descriptions: ["latest from main branch"]),
                    RequiredProviderVersion(number: "def", descriptions: ["deployed to prod", "deployed to prod", "released to x"]),
                ])
            XCTAssertEqual(triggered.map(\.context.providerVersionNumber), ["abc", "def"])
            XCTAssertTrue(triggered.allSatisfy { $0.eventName == .contractRequiringVerificationPublished })
            try await eventually("two requests") { receiver.requests.count == 2 }
            let none = try await dispatcher.triggerForRequiredVerifications([hook], context: context, providerVersions: [])
            XCTAssertTrue(none.isEmpty)
        }
        let byQuery = Dictionary(uniqueKeysWithValues: receiver.requests.map { ($0.rawQuery ?? "", String(decoding: $0.body, as: UTF8.self)) })
        XCTAssertEqual(byQuery, [
            "version=abc&branch=main": "contract_requiring_verification_published: latest from main branch",
            "version=def&branch=": "contract_requiring_verification_published: deployed to prod, released to x",
        ])
        try await receiver.server.shutdown()
    }

    func testShutdownAbandonsPendingRetriesAndRefusesNewJobs() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [500])
        let settings = WebhookExecutionSettings(retrySchedule: [.seconds(3600)], initialDelay: .zero)
        let store = InMemoryWebhookStore()
        let client = try OutboundHTTPClient()
        let dispatcher = WebhookDispatcher(store: store, client: client, policy: testPolicy, settings: settings, clock: SystemWebhookClock())
        let hook = webhook(url: receiver.url("/x"))
        try await store.saveWebhook(hook)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await dispatcher.run() }
            let uuid = try await dispatcher.trigger([hook], event: .contractPublished, context: context)[0].uuid
            try await eventually("retrying") { try await store.triggeredWebhook(uuid: uuid)?.status == .retrying }
            let started = ContinuousClock.now
            dispatcher.shutdown()
            try await group.waitForAll()
            XCTAssertLessThan(ContinuousClock.now - started, .seconds(5), "run() did not return promptly on shutdown")
            let status = try await store.triggeredWebhook(uuid: uuid)?.status
            let attempts = try await store.executions(triggeredWebhookUUID: uuid).count
            XCTAssertEqual(status, .retrying)
            XCTAssertEqual(attempts, 1)
            XCTAssertEqual(dispatcher.pendingCount, 0)
        }
        let late = try await dispatcher.trigger([hook], event: .contractPublished, context: context)
        XCTAssertEqual(late.map(\.status), [.failure])
        let logs = try await store.executions(triggeredWebhookUUID: late[0].uuid)
        XCTAssertEqual(logs.map(\.error), ["Webhook not run: the broker is shutting down"])
        await client.shutdown()
        XCTAssertEqual(receiver.requests.count, 1)
        try await receiver.server.shutdown()
    }

    func testTheQueueIsBounded() async throws {
        let settings = WebhookExecutionSettings(initialDelay: .seconds(3600), maxPendingJobs: 2)
        try await withDispatcher(settings: settings, clock: SystemWebhookClock()) { dispatcher, store in
            let hooks = (0..<3).map { _ in webhook(url: "http://127.0.0.1:9/x") }
            let triggered = try await dispatcher.trigger(hooks, event: .contractPublished, context: context)
            XCTAssertEqual(triggered.map(\.status), [.notRun, .notRun, .failure])
            XCTAssertEqual(dispatcher.pendingCount, 2)
            let refused = try await store.executions(triggeredWebhookUUID: triggered[2].uuid)
            XCTAssertEqual(refused.map(\.error), ["Webhook not run: 2 webhooks are already pending"])
        }
    }

    func testStaggeredStartsFollowPactBrokersSchedule() async throws {
        let clock = RecordingClock()
        let settings = WebhookExecutionSettings(retrySchedule: [], initialDelay: .seconds(5), staggerDelay: .seconds(3))
        try await withDispatcher(policy: WebhookSecurityPolicy(), settings: settings, clock: clock) { dispatcher, store in
            let hooks = (0..<3).map { _ in webhook(url: "http://127.0.0.1:9/x") }
            for hook in hooks { try await store.saveWebhook(hook) }
            let triggered = try await dispatcher.trigger(hooks, event: .contractPublished, context: context)
            for item in triggered {
                try await eventually("attempted") { try await store.triggeredWebhook(uuid: item.uuid)?.status == .failure }
            }
        }
        XCTAssertEqual(clock.recordedWaits.sorted(), [.seconds(5), .seconds(8), .seconds(11)])
    }

    func testExecuteNowSendsOnceAndStoresNothing() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [500])
        try await withDispatcher { dispatcher, store in
            let hook = webhook(url: receiver.url("/test"))
            let execution = await dispatcher.executeNow(hook, context: context)
            XCTAssertFalse(execution.success)
            XCTAssertEqual(execution.responseStatus, 500)
            XCTAssertNil(execution.triggeredWebhookUUID)
            XCTAssertTrue(store.allTriggeredWebhooks().isEmpty)
        }
        XCTAssertEqual(receiver.requests.count, 1)
        try await receiver.server.shutdown()
    }
}
