import Foundation
@testable import PactBrokerServer
import PactModel
import Testing

/// Webhooks, triggered webhooks and executions kept in the SQLite file, and the webhook policy applied again
/// when a stored webhook is sent.
@Suite struct WebhookPersistenceTests {
    private static func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-webhooks-\(UUID().uuidString).sqlite3").path
    }

    @Test func webhooksAndTheirLogsSurviveReopeningTheFileAndAStricterPolicyRefusesThem() async throws {
        let path = Self.temporaryFile()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let receiver = try await WebhookReceiver.start(statuses: [200])
        let (webhookUUID, triggeredUUID) = try await withWebhookBroker(store: try SQLiteBrokerStore(path: path)) { broker in
            try await broker.publish("Foo", version: "1", providers: ["Bar": "a"])
            let created = await broker.call("POST", "/webhooks/provider/Bar/consumer/Foo", json: webhookJSON(
                url: receiver.url("/persisted"), events: ["contract_published"], body: ["v": "${pactbroker.consumerVersionNumber}"]))
            let uuid = try #require(created.json?["uuid"]?.stringValue)
            try await broker.publish("Foo", version: "2", providers: ["Bar": "b"])
            var triggered: [JSONValue] = []
            try await waitUntil("the webhook succeeded") {
                triggered = await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/version/2/triggered-webhooks")
                    .json?["_embedded"]?["triggeredWebhooks"]?.arrayValue ?? []
                return triggered.first?["status"] == "success"
            }
            let logs = try #require(triggered.first?["_links"]?["pb:logs"]?["href"]?.stringValue)
            return (uuid, String(logs.split(separator: "/").dropLast().last ?? ""))
        }
        #expect(receiver.requests.count == 1)

        // Reopened with pact_broker's default policy (POST to https only): the stored webhook is still served, but
        // no longer sent.
        try await withWebhookBroker(store: try SQLiteBrokerStore(path: path), policy: WebhookSecurityPolicy()) { broker in
            let fetched = await broker.call("GET", "/webhooks/\(webhookUUID)")
            #expect(fetched.status == 200)
            #expect(fetched.json?["request"]?["body"] == ["v": "${pactbroker.consumerVersionNumber}"])
            #expect(fetched.json?["consumer"] == ["name": "Foo"])
            let oldLogs = try await rawRequest(broker, "GET", "/triggered-webhooks/\(triggeredUUID)/logs")
            #expect(oldLogs.status == 200)
            #expect(oldLogs.text.contains("Successfully executed webhook"))

            try await broker.publish("Foo", version: "3", providers: ["Bar": "c"])
            var triggered: [JSONValue] = []
            try await waitUntil("the webhook failed") {
                triggered = await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/version/3/triggered-webhooks")
                    .json?["_embedded"]?["triggeredWebhooks"]?.arrayValue ?? []
                return triggered.first?["status"] == "failure"
            }
            let logs = try #require(triggered.first?["_links"]?["pb:logs"]?["href"]?.stringValue)
            let text = try await rawRequest(broker, "GET", String(logs.dropFirst(broker.url.absoluteString.count)))
            #expect(text.text.contains(
                "ERROR: Webhook \(webhookUUID) request not sent: request.url scheme must be https. See /doc/webhooks#whitelist for more information."),
                "\(text.text)")
        }
        #expect(receiver.requests.count == 1)
        try await receiver.server.shutdown()

        // The rows themselves, read straight from the file.
        let store = try SQLiteBrokerStore(path: path)
        let (webhooks, executions) = try await store.read { tx in
            (try await tx.webhooks(), try await tx.webhookExecutions(triggeredWebhookUUID: triggeredUUID))
        }
        #expect(webhooks.map(\.uuid) == [webhookUUID])
        #expect(webhooks.first?.events == [.contractPublished])
        #expect(executions.count == 1)
        #expect(executions.first?.responseStatus == 200)
        #expect(executions.first?.requestBody == #"{"v":"2"}"#)
        await store.close()
    }

    @Test func aVersionOneFileGainsTheWebhookTables() async throws {
        let path = Self.temporaryFile()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let old = try SQLiteBrokerStore(path: path)
        try await old.write { tx in
            let connection = try #require(tx as? SQLiteBrokerTransaction).db
            try connection.execute("""
                DROP TABLE webhook_executions; DROP TABLE triggered_webhooks; DROP TABLE webhook_events; DROP TABLE webhooks;
                PRAGMA user_version = 1;
                """)
            _ = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: nil, repositoryURL: nil, at: Date())
        }
        await old.close()
        let reopened = try SQLiteBrokerStore(path: path)
        let saved = try await reopened.write { tx in
            try await tx.saveWebhook(WebhookDefinition(
                uuid: "migrated-webhook-uuid-1", consumer: .name("Foo"),
                request: WebhookRequestTemplate(method: "POST", url: "https://example.org")), at: Date())
        }
        #expect(saved.createdAt != nil)
        let (names, version) = try await reopened.read { tx in
            let connection = try #require(tx as? SQLiteBrokerTransaction).db
            return (try await tx.pacticipants().map(\.name), try connection.scalarText("PRAGMA user_version"))
        }
        #expect(names == ["Foo"])
        #expect(version == "\(SQLiteBrokerSchema.version)")
        #expect(try await reopened.read { try await $0.webhook(uuid: "migrated-webhook-uuid-1") }?.consumer == .name("Foo"))
        await reopened.close()
    }

    @Test(arguments: StoreDriver.tested)
    func theStoreKeepsWebhooksTriggeredWebhooksAndExecutions(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in try await keepsWebhooks(store) }
    }

    private func keepsWebhooks(_ store: any BrokerStore) async throws {
        let at = Date(timeIntervalSince1970: 1_700_000_000)
        let webhook = WebhookDefinition(
            uuid: "store-suite-webhook-1", description: "d", consumer: .name("Foo"), provider: .label("team"),
            events: [.contractPublished, .providerVerificationFailed],
            request: WebhookRequestTemplate(
                method: "POST", url: "https://example.org/${pactbroker.consumerName}",
                headers: [WebhookHeader(name: "X-B", value: "2"), WebhookHeader(name: "X-A", value: "1")],
                body: .json(["a": [1, 2]]), username: "u", password: "p"))
        let triggered = TriggeredWebhook(
            uuid: "triggered-1", webhookUUID: webhook.uuid, eventName: .contractPublished, triggerType: .resourceCreation,
            context: WebhookTemplateContext(consumerName: "Foo", providerName: "Bar", consumerVersionNumber: "1",
                                            consumerVersionTags: ["prod"]),
            createdAt: at)
        let execution = WebhookExecution(
            triggeredWebhookUUID: "triggered-1", attempt: 1, startedAt: at, success: true, requestMethod: "POST",
            requestURL: "https://example.org/Foo", requestHeaders: [WebhookHeader(name: "X-A", value: "1")],
            requestBody: "{}", responseStatus: 201, responseHeaders: [WebhookHeader(name: "Server", value: "x")],
            responseBody: "ok", logs: "log text")
        try await store.write { tx in
            let foo = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at)
            let bar = try await tx.insertPacticipant(name: "Bar", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at)
            _ = try await tx.insertVersion(pacticipantID: foo.id, number: "1", buildURL: nil, at: at)
            _ = bar
            let saved = try await tx.saveWebhook(webhook, at: at)
            #expect(saved.createdAt == at)
            try await tx.insertTriggeredWebhook(triggered)
            try await tx.insertWebhookExecution(execution)
            try await tx.updateTriggeredWebhook(uuid: "triggered-1", status: .success, at: at.addingTimeInterval(5))
            await #expect(throws: WebhookPacticipantMissing.self) {
                try await tx.saveWebhook(WebhookDefinition(uuid: "missing-pacticipant-1", provider: .name("Nobody"),
                                                           request: webhook.request), at: at)
            }
        }
        let (read, readTriggered, forVersion, executions) = try await store.read { tx in
            let foo = try #require(try await tx.pacticipant(named: "Foo"))
            let bar = try #require(try await tx.pacticipant(named: "Bar"))
            let version = try #require(try await tx.version(pacticipantID: foo.id, number: "1"))
            return (try await tx.webhook(uuid: webhook.uuid), try await tx.triggeredWebhook(uuid: "triggered-1"),
                    try await tx.triggeredWebhooks(consumerVersionID: version.id, providerID: bar.id),
                    try await tx.webhookExecutions(triggeredWebhookUUID: "triggered-1"))
        }
        var expected = webhook
        expected.createdAt = at
        expected.updatedAt = at
        #expect(read == expected)
        #expect(readTriggered?.status == .success)
        #expect(readTriggered?.context == triggered.context)
        #expect(readTriggered?.updatedAt == at.addingTimeInterval(5))
        #expect(forVersion.map(\.uuid) == ["triggered-1"])
        #expect(executions == [execution])

        // Updating keeps the creation date; renaming the pacticipant renames the webhook's consumer; deleting the
        // pacticipant deletes its webhook and triggered webhooks.
        let later = at.addingTimeInterval(60)
        try await store.write { tx in
            var changed = webhook
            changed.enabled = false
            let saved = try await tx.saveWebhook(changed, at: later)
            #expect(saved.createdAt == at)
            var foo = try #require(try await tx.pacticipant(named: "Foo"))
            foo.name = "Fooz"
            try await tx.updatePacticipant(foo)
        }
        let renamed = try await store.read { try await $0.webhook(uuid: webhook.uuid) }
        #expect(renamed?.consumer == .name("Fooz"))
        #expect(renamed?.enabled == false)
        #expect(renamed?.createdAt == at)
        #expect(renamed?.updatedAt == later)
        try await store.write { tx in
            try await tx.deletePacticipant(id: try #require(try await tx.pacticipant(named: "Fooz")).id)
        }
        let (remaining, gone) = try await store.read { tx in
            (try await tx.webhooks(), try await tx.triggeredWebhook(uuid: "triggered-1"))
        }
        #expect(remaining.isEmpty)
        #expect(gone == nil)
        #expect(try await store.write { try await $0.deleteWebhook(uuid: webhook.uuid) } == false)
    }
}
