import Foundation
import PactBrokerServer
import PactModel
import XCTest

final class WebhookValidationTests: XCTestCase {
    private let uuid = "abcdefghijklmnop1234"
    private let valid = #"""
        {"description": "Trigger build", "consumer": {"name": "Foo"}, "provider": {"name": "Bar"},
         "events": [{"name": "contract_content_changed"}],
         "request": {"method": "POST", "url": "https://ci.example.org/build?sha=${pactbroker.consumerVersionNumber}",
                     "headers": {"Content-Type": "application/json", "Authorization": "Bearer secret"},
                     "body": {"pact": "${pactbroker.pactUrl}"}, "username": "user", "password": "pa55"},
         "enabled": false}
        """#

    private func parse(
        _ text: String, uuid: String? = nil, policy: WebhookSecurityPolicy = WebhookSecurityPolicy(),
        exists: (@Sendable (String) async -> Bool)? = nil
    ) async -> Result<WebhookDefinition, WebhookValidationErrors> {
        await WebhookDefinitionParser.parse(Data(text.utf8), uuid: uuid ?? self.uuid, policy: policy, pacticipantExists: exists)
    }

    /// `valid` with `request` members replaced (nil removes one).
    private func withRequest(_ changes: [String: JSONValue?]) -> String {
        var root = try! JSONParser.parse(valid).objectValue!
        var request = root["request"]!.objectValue!
        for (key, value) in changes { request[key] = value }
        root["request"] = .object(request)
        return JSONWriter.compact(.object(root))
    }

    private func errors(_ text: String, policy: WebhookSecurityPolicy = WebhookSecurityPolicy()) async -> WebhookValidationErrors {
        switch await parse(text, policy: policy) {
        case .success(let webhook):
            XCTFail("accepted \(webhook)")
            return WebhookValidationErrors()
        case .failure(let errors): return errors
        }
    }

    func testValidWebhookIsReadInFull() async throws {
        let webhook = try await parse(valid).get()
        XCTAssertEqual(webhook.uuid, uuid)
        XCTAssertEqual(webhook.description, "Trigger build")
        XCTAssertEqual(webhook.consumer, .name("Foo"))
        XCTAssertEqual(webhook.provider, .name("Bar"))
        XCTAssertEqual(webhook.events, [.contractContentChanged])
        XCTAssertFalse(webhook.enabled)
        XCTAssertEqual(webhook.request.method, "POST")
        XCTAssertEqual(webhook.request.headers.map(\.name), ["Authorization", "Content-Type"])
        XCTAssertEqual(webhook.request.body, .json(.object(["pact": .string("${pactbroker.pactUrl}")])))
        XCTAssertEqual(webhook.request.username, "user")
        XCTAssertEqual(webhook.request.password, "pa55")
    }

    func testDefaultsGlobalWebhookAndDefaultEvent() async throws {
        let webhook = try await parse(#"{"request": {"method": "post", "url": "https://example.org/hook"}}"#).get()
        XCTAssertTrue(webhook.isGlobal)
        XCTAssertTrue(webhook.enabled)
        XCTAssertEqual(webhook.events, [.contractContentChanged])
        XCTAssertEqual(webhook.displayDescription, "POST example.org")
    }

    func testPasswordAndSecretHeadersAreNeverShownBack() async throws {
        let webhook = try await parse(valid).get()
        let json = webhook.jsonRepresentation()
        XCTAssertEqual(json["request"]?["password"], .string("**********"))
        XCTAssertEqual(json["request"]?["headers"]?["Authorization"], .string("**********"))
        XCTAssertEqual(json["request"]?["headers"]?["Content-Type"], .string("application/json"))
        XCTAssertEqual(json["request"]?["username"], .string("user"))
        XCTAssertFalse(JSONWriter.compact(json).contains("pa55"))
        XCTAssertFalse(JSONWriter.compact(json).contains("secret"))
        XCTAssertEqual(json["events"], .array([.object(["name": .string("contract_content_changed")])]))
        XCTAssertEqual(json["consumer"], .object(["name": .string("Foo")]))
        XCTAssertEqual(json["enabled"], .bool(false))
        // A password that only references a parameter holds no secret and is shown as written.
        var template = webhook.request
        template.password = "${pactbroker.providerName}"
        XCTAssertEqual(template.displayPassword, "${pactbroker.providerName}")
    }

    func testUUIDRule() async {
        for bad in ["short", "has space in it 12345", "abc/defghijklmnopq", "ünïcødé1234567890"] {
            let errors = await errorsFor(uuid: bad)
            XCTAssertEqual(errors.messages(for: "uuid"), [
                "The UUID can only contain the characters A-Z, a-z, 0-9, _ and -, and must be 16 or more characters.",
            ], bad)
        }
        XCTAssertTrue(WebhookDefinitionParser.isValidUUID("0123456789abcdef"))
        XCTAssertTrue(WebhookDefinitionParser.isValidUUID(WebhookDefinitionParser.newUUID()))
    }

    private func errorsFor(uuid: String) async -> WebhookValidationErrors {
        switch await parse(valid, uuid: uuid) {
        case .success: return WebhookValidationErrors()
        case .failure(let errors): return errors
        }
    }

    func testMissingRequestAndEmptyEvents() async {
        var result = await errors(#"{}"#)
        XCTAssertEqual(result.messages(for: "request"), ["is missing"])
        result = await errors(#"{"events": [], "request": {"method": "POST", "url": "https://a.org"}}"#)
        XCTAssertEqual(result.messages(for: "events"), ["size cannot be less than 1"])
    }

    func testUnknownEventNameListsTheSix() async {
        let result = await errors(#"{"events": [{"name": "contract_content_changed"}, {"name": "pact_changed"}], "request": {"method": "POST", "url": "https://a.org"}}"#)
        XCTAssertEqual(result.messages(for: "events"), [
            "name must be one of: contract_published, contract_content_changed, provider_verification_published, "
                + "provider_verification_succeeded, provider_verification_failed, "
                + "contract_requiring_verification_published (at index 1)",
        ])
    }

    func testEveryEventNameIsAccepted() async throws {
        let events = WebhookEventName.allCases.map { #"{"name": "\#($0.rawValue)"}"# }.joined(separator: ",")
        let webhook = try await parse(#"{"events": [\#(events)], "request": {"method": "POST", "url": "https://a.org"}}"#).get()
        XCTAssertEqual(Set(webhook.events), Set(WebhookEventName.allCases))
        XCTAssertEqual(WebhookEventName.allCases.count, 6)
    }

    func testMethodMessages() async {
        var result = await errors(withRequest(["method": nil]))
        XCTAssertEqual(result.messages(for: "request.method"), ["is missing"])
        result = await errors(withRequest(["method": .string("blah")]))
        XCTAssertEqual(result.messages(for: "request.method"), ["is not a recognised HTTP method"])
        result = await errors(withRequest(["method": .string("Post%0d%0a")]))
        XCTAssertEqual(result.messages(for: "request.method"), ["is not a recognised HTTP method"])
        result = await errors(withRequest(["method": .string("DELETE")]))
        XCTAssertEqual(result.messages(for: "request.method"), ["must be POST. See /doc/webhooks#whitelist for more information."])
        result = await errors(withRequest(["method": .string("DELETE")]), policy: WebhookSecurityPolicy(methods: ["POST", "GET"]))
        XCTAssertEqual(result.messages(for: "request.method"), ["must be one of POST, GET. See /doc/webhooks#whitelist for more information."])
        result = await errors(withRequest(["method": .int(1)]))
        XCTAssertEqual(result.messages(for: "request.method"), ["must be a string"])
    }

    func testURLMessages() async {
        var result = await errors(withRequest(["url": nil]))
        XCTAssertEqual(result.messages(for: "request.url"), ["is missing"])
        for bad in ["bl ah", "blah", "https://"] {
            result = await errors(withRequest(["url": .string(bad)]))
            XCTAssertEqual(result.messages(for: "request.url"), ["is not a valid URL eg. http://example.org"], bad)
        }
        result = await errors(withRequest(["url": .string("ftp://foo")]))
        XCTAssertEqual(result.messages(for: "request.url"), ["scheme must be https. See /doc/webhooks#whitelist for more information."])
        result = await errors(withRequest(["url": .string("https://${pactbroker.consumerVersionNumber}/commits")]))
        XCTAssertEqual(result.messages(for: "request.url"), ["cannot have a template parameter in the host"])
        result = await errors(withRequest(["url": .string("https://example.org${pactbroker.consumerName}/x")]))
        XCTAssertEqual(result.messages(for: "request.url"), ["cannot have a template parameter in the host"])
    }

    func testTemplateInThePathIsFine() async throws {
        let webhook = try await parse(withRequest(["url": .string("https://foo/commits/${pactbroker.consumerVersionNumber}")])).get()
        XCTAssertEqual(webhook.request.url, "https://foo/commits/${pactbroker.consumerVersionNumber}")
    }

    func testHostNotInTheAllowList() async {
        let policy = WebhookSecurityPolicy(hosts: [WebhookHostPattern("/foo/")!, WebhookHostPattern("bar")!])
        let result = await errors(withRequest(["url": .string("https://example.org/x")]), policy: policy)
        XCTAssertEqual(result.messages(for: "request.url"), [
            #"host must be in the whitelist /foo/, "bar". See /doc/webhooks#whitelist for more information."#,
        ])
    }

    func testPacticipantMessages() async {
        var result = await errors(#"{"consumer": {"name": null}, "request": {"method": "POST", "url": "https://a.org"}}"#)
        XCTAssertEqual(result.messages(for: "consumer.name"), ["cannot be blank"])
        result = await errors(#"{"provider": {}, "request": {"method": "POST", "url": "https://a.org"}}"#)
        XCTAssertEqual(result.messages(for: "provider.name"), ["cannot be blank"])
        result = await errors(#"{"consumer": {"name": "A", "label": "b"}, "request": {"method": "POST", "url": "https://a.org"}}"#)
        XCTAssertEqual(result.messages(for: "consumer.label"), ["name and label cannot be provided at the same time"])
        switch await parse(#"{"provider": {"name": "Nobody"}, "request": {"method": "POST", "url": "https://a.org"}}"#, exists: { $0 == "Somebody" }) {
        case .success: XCTFail("an unknown provider was accepted")
        case .failure(let errors): XCTAssertEqual(errors.messages(for: "provider.name"), ["does not match an existing pacticipant"])
        }
    }

    func testLabelSelectsPacticipants() async throws {
        let webhook = try await parse(#"{"provider": {"label": "team-a"}, "request": {"method": "POST", "url": "https://a.org"}, "events": [{"name": "contract_published"}]}"#).get()
        XCTAssertEqual(webhook.provider, .label("team-a"))
        XCTAssertTrue(webhook.fires(for: .contractPublished, consumer: .init(name: "C"), provider: .init(name: "P", labels: ["team-a"])))
        XCTAssertFalse(webhook.fires(for: .contractPublished, consumer: .init(name: "C"), provider: .init(name: "P")))
        XCTAssertFalse(webhook.fires(for: .contractContentChanged, consumer: .init(name: "C"), provider: .init(name: "P", labels: ["team-a"])))
    }

    func testEnabledMustBeBoolean() async {
        let result = await errors(#"{"enabled": "yes", "request": {"method": "POST", "url": "https://a.org"}}"#)
        XCTAssertEqual(result.messages(for: "enabled"), ["must be boolean"])
    }

    func testHeadersThatWouldForgeARequestAreRefused() async {
        var result = await errors(withRequest(["headers": .object(["X-Evil": .string("a\r\nHost: evil.org")])]))
        XCTAssertEqual(result.messages(for: "request.headers"), ["the value of header 'X-Evil' cannot contain a line break"])
        result = await errors(withRequest(["headers": .object(["Bad Name": .string("v")])]))
        XCTAssertEqual(result.messages(for: "request.headers"), ["'Bad Name' is not a valid header name"])
        result = await errors(withRequest(["headers": .array([])]))
        XCTAssertEqual(result.messages(for: "request.headers"), ["must be a hash"])
    }

    func testNotJSONAndNotAnObject() async {
        var result = await errors("{not json")
        XCTAssertEqual(result.entries.map(\.path), ["body"])
        XCTAssertTrue(result.messages(for: "body")[0].hasPrefix("is not valid JSON"))
        result = await errors("[1]")
        XCTAssertEqual(result.messages(for: "body"), ["must be a JSON object"])
    }

    func testErrorsRenderAsPactBrokersErrorBody() async {
        let result = await errors(#"{"events": [], "request": {"url": "ftp://x"}}"#)
        XCTAssertEqual(result.jsonRepresentation(), .object(["errors": .object([
            "events": .array([.string("size cannot be less than 1")]),
            "request.method": .array([.string("is missing")]),
            "request.url": .array([.string("scheme must be https. See /doc/webhooks#whitelist for more information.")]),
        ])]))
    }
}
