import Foundation
import OutboundHTTP
import PactBroker
import PactBrokerServer
import PactModel
import Testing

/// The webhook resources through HTTP, with pact_broker's shapes, statuses and validation messages.
@Suite struct WebhookRoutesTests {
    @Test func theIndexLinksTheWebhooks() async throws {
        try await withWebhookBroker { broker in
            let index = await broker.call("GET", "/")
            #expect(index.json?["_links"]?["pb:webhooks"]?["href"]?.stringValue == broker.url.absoluteString + "/webhooks")
            #expect(index.json?["_links"]?["pb:webhook"]?["href"]?.stringValue == broker.url.absoluteString + "/webhooks/{uuid}")
            #expect(index.json?["_links"]?["pb:webhook"]?["templated"] == .bool(true))
        }
    }

    @Test func createReadListUpdateAndDelete() async throws {
        let store = InMemoryBrokerStore()
        try await withWebhookBroker(store: store) { broker in
            try await broker.publish("Foo", version: "1", providers: ["Bar": "a"])
            let base = broker.url.absoluteString
            var body = webhookJSON(url: "http://example.org/build", consumer: "Foo", provider: "Bar",
                                   body: ["pact": "${pactbroker.pactUrl}"])
            if case .object(var object) = body, case .object(var request)? = object["request"] {
                request["headers"] = ["Authorization": "Bearer secret", "Content-Type": "application/json"]
                request["username"] = "user"
                request["password"] = "pass"
                object["request"] = .object(request)
                object["description"] = "Trigger Bar build"
                body = .object(object)
            }
            let created = await broker.call("POST", "/webhooks", json: body)
            #expect(created.status == 201)
            let json = try #require(created.json)
            let uuid = try #require(json["uuid"]?.stringValue)
            #expect(WebhookDefinitionParser.isValidUUID(uuid))
            #expect(json["description"] == "Trigger Bar build")
            #expect(json["consumer"] == ["name": "Foo"])
            #expect(json["provider"] == ["name": "Bar"])
            #expect(json["enabled"] == .bool(true))
            #expect(json["events"] == [["name": "contract_published"]])
            #expect(json["request"]?["password"] == "**********")
            #expect(json["request"]?["headers"]?["Authorization"] == "**********")
            #expect(json["request"]?["headers"]?["Content-Type"] == "application/json")
            #expect(json["request"]?["body"] == ["pact": "${pactbroker.pactUrl}"])
            #expect(json["createdAt"]?.stringValue != nil)
            #expect(json["_links"]?["self"]?["href"]?.stringValue == "\(base)/webhooks/\(uuid)")
            #expect(json["_links"]?["self"]?["title"] == "Trigger Bar build")
            #expect(json["_links"]?["pb:execute"]?["href"]?.stringValue == "\(base)/webhooks/\(uuid)/execute")
            #expect(json["_links"]?["pb:consumer"]?["name"] == "Foo")
            #expect(json["_links"]?["pb:provider"]?["href"]?.stringValue == "\(base)/pacticipants/Bar")
            #expect(json["_links"]?["pb:pact-webhooks"]?["href"]?.stringValue == "\(base)/webhooks/provider/Bar/consumer/Foo")
            #expect(json["_links"]?["pb:webhooks"]?["title"] == "All webhooks")

            let fetched = await broker.call("GET", "/webhooks/\(uuid)")
            #expect(fetched.status == 200)
            #expect(fetched.json?["uuid"]?.stringValue == uuid)

            let list = await broker.call("GET", "/webhooks")
            #expect(list.status == 200)
            #expect(list.json?["_links"]?["self"]?["title"] == "Webhooks")
            #expect(list.json?["_links"]?["pb:create"]?["title"] == "POST to create a webhook")
            let entries = try #require(list.json?["_links"]?["pb:webhooks"]?.arrayValue)
            #expect(entries.count == 1)
            #expect(entries.first?["title"] == "A webhook for the pact between Foo and Bar")
            #expect(entries.first?["name"] == "Trigger Bar build")

            // Sending back what was shown keeps the stored secrets.
            var update = try #require(fetched.json?.objectValue)
            update["_links"] = nil
            update["events"] = [["name": "contract_content_changed"], ["name": "provider_verification_published"]]
            let updated = await broker.call("PUT", "/webhooks/\(uuid)", json: .object(update))
            #expect(updated.status == 200)
            #expect(updated.json?["events"] == [["name": "contract_content_changed"], ["name": "provider_verification_published"]])
            let stored = try await store.read { try await $0.webhook(uuid: uuid) }
            #expect(stored?.request.password == "pass")
            #expect(stored?.request.headers.first { $0.name == "Authorization" }?.value == "Bearer secret")

            #expect(await broker.call("DELETE", "/webhooks/\(uuid)").status == 204)
            #expect(await broker.call("GET", "/webhooks/\(uuid)").status == 404)
            #expect(await broker.call("DELETE", "/webhooks/\(uuid)").status == 404)
        }
    }

    @Test func putCreatesWith201ThenUpdatesWith200() async throws {
        try await withWebhookBroker { broker in
            let uuid = "this-is-a-chosen-uuid-1234"
            let first = await broker.call("PUT", "/webhooks/\(uuid)", json: webhookJSON(url: "http://example.org/a"))
            #expect(first.status == 201)
            #expect(first.json?["uuid"]?.stringValue == uuid)
            #expect(first.json?["description"] == "POST example.org")
            let second = await broker.call("PUT", "/webhooks/\(uuid)", json: webhookJSON(url: "http://example.org/b"))
            #expect(second.status == 200)
            #expect(second.json?["request"]?["url"] == "http://example.org/b")
            let bad = await broker.call("PUT", "/webhooks/short", json: webhookJSON(url: "http://example.org/a"))
            #expect(bad.status == 400)
            #expect(bad.json?["errors"]?["uuid"] == [
                "The UUID can only contain the characters A-Z, a-z, 0-9, _ and -, and must be 16 or more characters.",
            ])
        }
    }

    @Test func invalidWebhooksGet400WithPactBrokersMessages() async throws {
        try await withWebhookBroker(policy: WebhookSecurityPolicy()) { broker in
            let missing = await broker.call("POST", "/webhooks", json: ["events": [["name": "nope"]]])
            #expect(missing.status == 400)
            #expect(missing.json?["errors"]?["request"] == ["is missing"])
            #expect(missing.json?["errors"]?["events"] == [
                "name must be one of: contract_published, contract_content_changed, provider_verification_published, provider_verification_succeeded, provider_verification_failed, contract_requiring_verification_published (at index 0)",
            ])
            let http = await broker.call("POST", "/webhooks", json: webhookJSON(url: "http://example.org", method: "GET"))
            #expect(http.status == 400)
            #expect(http.json?["errors"]?["request.method"] == ["must be POST. See /doc/webhooks#whitelist for more information."])
            #expect(http.json?["errors"]?["request.url"] == ["scheme must be https. See /doc/webhooks#whitelist for more information."])
            let unknown = await broker.call("POST", "/webhooks", json: webhookJSON(url: "https://example.org", consumer: "Nobody"))
            #expect(unknown.status == 400)
            #expect(unknown.json?["errors"]?["consumer.name"] == ["does not match an existing pacticipant"])
            let notJSON = try await rawRequest(broker, "POST", "/webhooks", body: "{nope")
            #expect(notJSON.status == 400)
            #expect(try JSONParser.parse(Data(notJSON.text.utf8))["errors"]?["body"] != nil)
            #expect(await broker.call("GET", "/webhooks").json?["_links"]?["pb:webhooks"] == .array([]))
        }
    }

    @Test func pacticipantScopedRoutes() async throws {
        try await withWebhookBroker { broker in
            try await broker.publish("Foo", version: "1", providers: ["Bar": "a"])
            // 404 when a named pacticipant does not exist.
            #expect(await broker.call("POST", "/webhooks/provider/Nope/consumer/Foo", json: webhookJSON(url: "http://example.org")).status == 404)
            #expect(await broker.call("GET", "/webhooks/consumer/Nope").status == 404)

            let both = await broker.call("POST", "/webhooks/provider/Bar/consumer/Foo", json: webhookJSON(url: "http://example.org/both"))
            #expect(both.status == 201)
            #expect(both.json?["consumer"] == ["name": "Foo"])
            #expect(both.json?["provider"] == ["name": "Bar"])
            let providerOnly = await broker.call("POST", "/webhooks/provider/Bar", json: webhookJSON(url: "http://example.org/p", consumer: "Foo"))
            #expect(providerOnly.status == 201)
            #expect(providerOnly.json?["consumer"] == nil)
            #expect(providerOnly.json?["provider"] == ["name": "Bar"])
            let consumerOnly = await broker.call("POST", "/webhooks/consumer/Foo", json: webhookJSON(url: "http://example.org/c"))
            #expect(consumerOnly.status == 201)

            let forPact = await broker.call("GET", "/webhooks/provider/Bar/consumer/Foo")
            #expect(forPact.status == 200)
            #expect(forPact.json?["_links"]?["pb:webhooks"]?.arrayValue?.compactMap { $0["href"]?.stringValue }
                == [try #require(both.json?["_links"]?["self"]?["href"]?.stringValue)])
            let forProvider = await broker.call("GET", "/webhooks/provider/Bar")
            #expect(forProvider.json?["_links"]?["pb:webhooks"]?.arrayValue?.first?["title"] == "A webhook for all pacts with provider Bar")
            let forConsumer = await broker.call("GET", "/webhooks/consumer/Foo")
            #expect(forConsumer.json?["_links"]?["pb:webhooks"]?.arrayValue?.first?["title"] == "A webhook for all pacts with consumer Foo")
            let pactWebhooks = await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/webhooks")
            #expect(pactWebhooks.json?["_links"]?["self"]?["title"] == "Pact webhooks")
            #expect(pactWebhooks.json?["_links"]?["pb:webhooks"]?.arrayValue?.count == 1)
            #expect(await broker.call("GET", "/webhooks").json?["_links"]?["pb:webhooks"]?.arrayValue?.count == 3)
        }
    }

    @Test func executeAnswersTheRequestResponseAndLogs() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [200], body: #"{"ok":true}"#)
        try await withWebhookBroker(policy: WebhookSecurityPolicy(methods: ["POST"], schemes: ["http"], hosts: [WebhookHostPattern("127.0.0.1/32")!])) { broker in
            try await broker.publish("Foo", version: "1.0.0", providers: ["Bar": "a"])
            let created = await broker.call("POST", "/webhooks", json: webhookJSON(
                url: receiver.url("/test?v=${pactbroker.consumerVersionNumber}"), consumer: "Foo", provider: "Bar",
                body: ["event": "${pactbroker.eventName}"]))
            let uuid = try #require(created.json?["uuid"]?.stringValue)
            let executed = await broker.call("POST", "/webhooks/\(uuid)/execute")
            #expect(executed.status == 200)
            let json = try #require(executed.json)
            #expect(json["success"] == .bool(true))
            #expect(json["request"]?["url"]?.stringValue == receiver.url("/test?v=1.0.0"))
            #expect(json["request"]?["body"] == ["event": "test"])
            #expect(json["response"]?["status"] == .int(200))
            #expect(json["response"]?["body"] == ["ok": true])
            #expect(json["logs"]?.stringValue?.contains("Successfully executed webhook") != false)
            #expect(json["_links"]?["webhook"]?["href"]?.stringValue == broker.url.absoluteString + "/webhooks/\(uuid)")
            #expect(json["_links"]?["try-again"]?["title"] == "Execute the webhook again")
            #expect(await broker.call("POST", "/webhooks/no-such-webhook-uuid/execute").status == 404)

            // Without a host allow-list the response stays out of the answer, with pact_broker's message.
            let unsaved = await broker.call("POST", "/webhooks/execute", json: webhookJSON(url: receiver.url("/unsaved")))
            #expect(unsaved.status == 200)
            #expect(unsaved.json?["request"]?["body"] == nil)
            #expect(unsaved.json?["_links"]?["webhook"] == nil)
            #expect(unsaved.json?["success"] == .bool(true))
        }
        #expect(receiver.requests.map(\.path) == ["/test", "/unsaved"])
        try await receiver.server.shutdown()
    }

    @Test func withoutAHostAllowListTheResponseIsNotShown() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [200])
        try await withWebhookBroker { broker in
            let executed = await broker.call("POST", "/webhooks/execute", json: webhookJSON(url: receiver.url("/hidden")))
            #expect(executed.status == 200)
            #expect(executed.json?["response"] == nil)
            #expect(executed.json?["message"]?.stringValue == "For security purposes, the response details are not logged. "
                + "To enable response logging, configure the webhook_host_whitelist property. See "
                + "\(broker.url.absoluteString)/doc/webhooks#whitelist for more information.")
        }
        #expect(receiver.requests.count == 1)
        try await receiver.server.shutdown()
    }
}
