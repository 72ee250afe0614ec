import Foundation
import PactBroker
@testable import PactBrokerServer
import PactModel
import Testing

/// `GET /pacts/provider/P/consumer/C/webhooks/status`: pact_broker's `PactWebhooksStatus` (the latest triggered
/// webhook per webhook and event, a summary of their statuses, error logs and links). pact_broker has no
/// `/webhooks/status`: there `status` is a webhook uuid like any other.
@Suite struct WebhookStatusTests {
    @Test func theStatusSummarisesTheLatestTriggeredWebhookOfEachWebhook() async throws {
        let ok = try await WebhookReceiver.start(statuses: [200])
        let failing = try await WebhookReceiver.start(statuses: [500])
        try await withWebhookBroker { broker in
            let base = broker.url.absoluteString
            let path = "/pacts/provider/Bar/consumer/Foo/webhooks/status"
            #expect(await broker.call("GET", path).status == 404)  // no such pacticipants yet
            try await broker.publish("Foo", version: "1", providers: ["Bar": "a"])
            #expect(await broker.call("GET", "/pacts/provider/Bar/consumer/Nobody/webhooks/status").status == 404)
            #expect(await broker.call("POST", path, json: [:]).status == 405)
            #expect(await broker.call("GET", "/webhooks/status").status == 404)

            // No webhooks: zero counts, nothing embedded, no pact version.
            let empty = await broker.call("GET", path)
            #expect(empty.status == 200)
            #expect(empty.json?["summary"] == ["successful": .int(0), "failed": .int(0)])
            #expect(empty.json?["_embedded"]?["triggeredWebhooks"] == .array([]))
            #expect(empty.json?["_links"]?["self"] == ["title": "Webhooks status", "href": .string(base + path)])
            #expect(empty.json?["_links"]?["pb:error-logs"] == .array([]))
            #expect(empty.json?["_links"]?["pb:pact-version"] == nil)
            #expect(empty.json?["_links"]?["pb:pact-webhooks"] == [
                "title": "Webhooks for the pact between Foo and Bar", "href": .string(base + "/pacts/provider/Bar/consumer/Foo/webhooks"),
            ])
            #expect(empty.json?["_links"]?["pb:consumer"] == ["title": "Consumer", "name": "Foo", "href": .string(base + "/pacticipants/Foo")])
            #expect(empty.json?["_links"]?["pb:provider"] == ["title": "Provider", "name": "Bar", "href": .string(base + "/pacticipants/Bar")])

            let good = await broker.call("POST", "/webhooks", json: webhookJSON(url: ok.url("/ok"), consumer: "Foo", provider: "Bar"))
            let bad = await broker.call("POST", "/webhooks", json: webhookJSON(url: failing.url("/bad"), consumer: "Foo", provider: "Bar"))
            #expect(good.status == 201 && bad.status == 201)
            try await broker.publish("Foo", version: "2", providers: ["Bar": "b"])
            try await broker.publish("Foo", version: "3", providers: ["Bar": "c"])

            // Two publications fired each webhook twice; only the latest of each counts.
            try await waitUntil("both webhooks finished for version 3") {
                let listed = await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/version/3/triggered-webhooks")
                let entries = listed.json?["_embedded"]?["triggeredWebhooks"]?.arrayValue ?? []
                return entries.count == 2 && entries.allSatisfy { $0["status"] == "success" || $0["status"] == "failure" }
            }
            let status = await broker.call("GET", path).json
            #expect(status?["summary"] == ["successful": .int(1), "failed": .int(1)])
            let entries = status?["_embedded"]?["triggeredWebhooks"]?.arrayValue ?? []
            #expect(Set(entries.compactMap { $0["status"]?.stringValue }) == ["success", "failure"])
            #expect(entries.allSatisfy { $0["name"] == "POST 127.0.0.1" && $0["attemptsMade"] == .int(1) && $0["eventName"] == "contract_published" })
            #expect(status?["_links"]?["pb:pact-version"] == [
                "title": "Pact", "name": "Pact between Foo (3) and Bar", "href": .string(base + "/pacts/provider/Bar/consumer/Foo/version/3"),
            ])
            let errorLogs = status?["_links"]?["pb:error-logs"]?.arrayValue ?? []
            #expect(errorLogs.count == 1)
            #expect(errorLogs.first?["title"] == "Error logs")
            #expect(errorLogs.first?["name"] == "POST 127.0.0.1")
            let failed = try #require(entries.first { $0["status"] == "failure" })
            #expect(errorLogs.first?["href"] == failed["_links"]?["pb:logs"]?["href"])

            // A deleted webhook's triggered webhooks no longer count.
            let badURL = try #require(bad.json?["_links"]?["self"]?["href"]?.stringValue)
            #expect(await broker.call("DELETE", String(badURL.dropFirst(base.count))).status == 204)
            let after = await broker.call("GET", path)
            #expect(after.json?["summary"] == ["successful": .int(1), "failed": .int(0)])
            #expect(after.json?["_embedded"]?["triggeredWebhooks"]?.arrayValue?.count == 1)
            #expect(after.json?["_links"]?["pb:error-logs"] == .array([]))
        }
        try await ok.server.shutdown()
        try await failing.server.shutdown()
    }

    private static let at = Date(timeIntervalSince1970: 1_700_000_000)

    private static func triggered(_ uuid: String, _ webhook: String, _ event: WebhookEventName, _ status: TriggeredWebhook.Status,
                                  provider: String = "Bar", version: String) -> TriggeredWebhook {
        TriggeredWebhook(uuid: uuid, webhookUUID: webhook, eventName: event, triggerType: .resourceCreation,
                         context: WebhookTemplateContext(consumerName: "Foo", providerName: provider, consumerVersionNumber: version),
                         status: status, createdAt: at)
    }

    private static func execution(_ uuid: String, _ attempt: Int) -> WebhookExecution {
        WebhookExecution(triggeredWebhookUUID: uuid, attempt: attempt, startedAt: at, success: false, requestMethod: "POST",
                         requestURL: "https://example.org", requestHeaders: [], requestBody: nil, responseStatus: 500,
                         responseHeaders: [], responseBody: nil, logs: "attempt \(attempt)")
    }

    /// The store query on every driver: the newest per webhook and event, of this integration only, without deleted
    /// webhooks, oldest first, with attempt counts; statuses `retrying` and `notRun` included.
    @Test(arguments: StoreDriver.tested)
    func latestTriggeredWebhooksPerWebhookAndEvent(_ driver: StoreDriver) async throws {
        try await driver.withStore { (store: any BrokerStore) async throws in
            let at = Self.at
            let (fooID, barID) = try await store.write { tx in
                let foo = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at)
                let bar = try await tx.insertPacticipant(name: "Bar", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at)
                _ = try await tx.insertPacticipant(name: "Baz", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at)
                for n in ["1", "2"] { _ = try await tx.insertVersion(pacticipantID: foo.id, number: n, buildURL: nil, at: at) }
                for uuid in ["w1", "w2", "w3"] {
                    _ = try await tx.saveWebhook(WebhookDefinition(
                        uuid: uuid, consumer: .name("Foo"), request: WebhookRequestTemplate(method: "POST", url: "https://example.org")), at: at)
                }
                for t in [Self.triggered("t1", "w1", .contractPublished, .success, version: "1"),
                          Self.triggered("t2", "w1", .contractPublished, .retrying, version: "2"),
                          Self.triggered("t3", "w1", .contractContentChanged, .notRun, version: "1"),
                          Self.triggered("t4", "w2", .contractPublished, .failure, version: "2"),
                          Self.triggered("t5", "w3", .contractPublished, .success, version: "2"),
                          Self.triggered("t6", "w1", .contractPublished, .success, provider: "Baz", version: "2")] {
                    try await tx.insertTriggeredWebhook(t)
                }
                for e in [Self.execution("t1", 1), Self.execution("t2", 1), Self.execution("t2", 2), Self.execution("t4", 1)] {
                    try await tx.insertWebhookExecution(e)
                }
                #expect(try await tx.deleteWebhook(uuid: "w3"))
                return (foo.id, bar.id)
            }
            let latest = try await store.read { try await $0.latestTriggeredWebhooks(consumerID: fooID, providerID: barID) }
            #expect(latest.map(\.triggered.uuid) == ["t2", "t3", "t4"])
            #expect(latest.map(\.triggered.status) == [.retrying, .notRun, .failure])
            #expect(latest.map(\.attemptsMade) == [2, 0, 1])
            #expect(latest.first?.triggered.context.consumerVersionNumber == "2")
            #expect(try await store.read { try await $0.latestTriggeredWebhooks(consumerID: barID, providerID: fooID) }.isEmpty)
        }
    }
}
