import Foundation
import PactBroker
import PactBrokerServer
import PactModel
import Testing

/// A webhook whose consumer or provider is a label selector fires for the pacticipants carrying the label, and
/// only for them.
@Suite struct WebhookLabelTests {
    /// pact_broker selects webhooks by label with `consumer.labels.map(&:name)` in an SQL `IN` and `label?` with
    /// `==`: the label's case matters (whatever `use_case_sensitive_resource_names` says).
    @Test func aLabelSelectorMatchesTheLabelWithItsCase() {
        let webhook = WebhookDefinition(
            uuid: "label-case", consumer: .label("Mobile"), provider: .label("team-a"), events: [.contractPublished],
            request: WebhookRequestTemplate(method: "POST", url: "https://example.org"))
        let provider = WebhookPacticipant(name: "Bar", labels: ["team-a"])
        #expect(webhook.fires(for: .contractPublished, consumer: WebhookPacticipant(name: "Foo", labels: ["Mobile"]), provider: provider))
        #expect(!webhook.fires(for: .contractPublished, consumer: WebhookPacticipant(name: "Foo", labels: ["mobile"]), provider: provider))
        #expect(!webhook.fires(for: .contractPublished, consumer: WebhookPacticipant(name: "Foo", labels: ["Mobile"]),
                               provider: WebhookPacticipant(name: "Bar", labels: ["Team-A"])))
    }

    @Test func aConsumerLabelWebhookFiresForALabelledConsumerOnly() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [200])
        try await withWebhookBroker { broker in
            #expect(await broker.call("PUT", "/pacticipants/Foo/labels/mobile").status == 201)
            #expect(await broker.call("PUT", "/pacticipants/Other/labels/web").status == 201)
            let created = await broker.call("POST", "/webhooks", json: [
                "consumer": ["label": "mobile"],
                "events": [["name": "contract_published"]],
                "request": ["method": "POST", "url": .string(receiver.url("/hook")),
                            "body": ["consumer": "${pactbroker.consumerName}", "version": "${pactbroker.consumerVersionNumber}"]],
            ])
            #expect(created.status == 201)
            #expect(created.json?["consumer"] == ["label": "mobile"])

            // Another consumer's publication fires nothing; the labelled consumer's does.
            try await broker.publish("Other", version: "1", providers: ["Bar": "other"])
            try await broker.publish("Foo", version: "2", providers: ["Bar": "foo"])
            try await waitUntil("the labelled consumer's webhook request") { receiver.requests.count >= 1 }
            // A later unlabelled publication after the labelled one shows the earlier one was not merely late.
            try await broker.publish("Other", version: "3", providers: ["Bar": "other-3"])
            try await broker.publish("Foo", version: "4", providers: ["Bar": "foo-4"])
            try await waitUntil("the second labelled request") { receiver.requests.count >= 2 }
            let bodies = try receiver.requests.map { try JSONParser.parse($0.body) }
            #expect(bodies == [["consumer": "Foo", "version": "2"], ["consumer": "Foo", "version": "4"]])

            // Removing the label stops it.
            #expect(await broker.call("DELETE", "/pacticipants/Foo/labels/mobile").status == 204)
            try await broker.publish("Foo", version: "5", providers: ["Bar": "foo-5"])
            let triggered = await broker.call("GET", "/pacticipants/Foo/versions/5")
            #expect(triggered.status == 200)
            let list = await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/version/5/triggered-webhooks")
            #expect(list.json?["_embedded"]?["triggeredWebhooks"]?.arrayValue?.isEmpty == true)
            let others = await broker.call("GET", "/pacts/provider/Bar/consumer/Other/version/3/triggered-webhooks")
            #expect(others.json?["_embedded"]?["triggeredWebhooks"]?.arrayValue?.isEmpty == true)
            #expect(receiver.requests.count == 2)
        }
        try await receiver.server.shutdown()
    }
}
