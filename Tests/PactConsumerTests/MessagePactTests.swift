import Foundation
import PactConsumer
import PactMatching
import PactModel
import XCTest

/// Message pacts from the consumer side: declaring asynchronous and synchronous messages, handing them to the
/// consumer's code, reporting failures at their lines, and writing V3 and V4 files.
final class MessagePactTests: XCTestCase {
    private func makePact(_ directory: URL, _ reporter: CollectingFailureReporter, version: PactSpecVersion = .v4) -> MessagePactBuilder {
        MessagePactBuilder(consumer: "audit-log", provider: "data-lpa-codes", directory: directory, specVersion: version,
                           reporter: reporter)
    }

    private func readPact(_ directory: URL) throws -> (Pact, JSONValue) {
        let url = directory.appendingPathComponent("audit-log-data-lpa-codes.json")
        return (try PactReader.read(contentsOf: url), try JSONParser.parse(Data(contentsOf: url)))
    }

    private func declareRevoked(_ pact: MessagePactBuilder) {
        pact.expectsToReceive("an activation code revoked event")
            .given("the activation key H9CW4XBJ6RKP exists", ["code": "H9CW4XBJ6RKP"])
            .withContents(["code": "H9CW4XBJ6RKP", "lpa": .regex(#"7\d{11}"#, example: "700000000047"),
                           "eventId": .uuid()], contentType: "application/json")
            .withMetadata(["topic": .regex(#"codes\.[a-z]+"#, example: "codes.revoked"), "version": 2])
    }

    func testAsynchronousMessageIsHandedToTheHandlerAndWrittenAsV4() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        declareRevoked(pact)
        let handled = Locked<[MessagePayload]>([])
        try await pact.verifyMessages { message in handled.withLock { $0.append(message) } }
        XCTAssertEqual(reporter.failures, [])

        let message = try XCTUnwrap(handled.withLock { $0.first })
        XCTAssertEqual(message.contentType, "application/json")
        XCTAssertEqual(message.metadata["topic"], "codes.revoked")
        XCTAssertEqual(message.json?["code"], "H9CW4XBJ6RKP")
        let eventID = try XCTUnwrap(message.json?["eventId"]?.stringValue)
        XCTAssertNotEqual(eventID, "e2490de5-5bd3-43d5-b7c4-526e33f71304", "the UUID generator runs in consumer mode")
        XCTAssertNotNil(UUID(uuidString: eventID))

        let (written, json) = try readPact(directory)
        XCTAssertEqual(written.specVersion, .v4)
        guard case .asynchronousMessage(let interaction)? = written.interactions.first else {
            return XCTFail("expected an Asynchronous/Messages interaction, got \(written.interactions)")
        }
        XCTAssertEqual(interaction.info.providerStates, [ProviderState(name: "the activation key H9CW4XBJ6RKP exists", params: ["code": "H9CW4XBJ6RKP"])])
        XCTAssertEqual(interaction.message.metadata, ["contentType": "application/json", "topic": "codes.revoked", "version": 2])
        XCTAssertNotNil(interaction.message.matchingRules[.metadata]["topic"])
        XCTAssertNotNil(interaction.message.matchingRules[.body]["$.lpa"])
        let entry = json["interactions"]?.arrayValue?.first
        XCTAssertEqual(entry?["type"], "Asynchronous/Messages")
        XCTAssertNotNil(entry?["matchingRules"]?["content"]?["$.lpa"], "V4 keeps body rules under content")
        XCTAssertEqual(entry?["contents"]?["content"]?["code"], "H9CW4XBJ6RKP")
        XCTAssertNotNil(entry?["comments"]?["testname"])
    }

    func testMetadataGeneratorsRunForTheHandlerAndMetadataMatchersAreChecked() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        let line = #line + 2
        pact.expectsToReceive("an event with a message id").withContents(["code": "X"])
            .withMetadata(["messageId": .uuid(), "partition": .regex(#"\d+"#, example: "seven")])
        do {
            try await pact.verifyMessages { _ in }
            XCTFail("a metadata example that does not satisfy its matcher is a usage error")
        } catch is PactRunError {}
        XCTAssertEqual(reporter.failures.first?.location.line, UInt(line), "\(reporter.failures)")

        pact.expectsToReceive("an event with a message id").withContents(["code": "X"]).withMetadata(["messageId": .uuid()])
        let ids = Locked<[String]>([])
        try await pact.verifyMessages { message in ids.withLock { $0.append(message.metadata["messageId"]?.stringValue ?? "") } }
        let id = try XCTUnwrap(ids.withLock { $0.first })
        XCTAssertNotNil(UUID(uuidString: id))
        XCTAssertNotEqual(id, "e2490de5-5bd3-43d5-b7c4-526e33f71304", "the generator runs in consumer mode")
        let (written, _) = try readPact(directory)
        guard case .asynchronousMessage(let interaction)? = written.interactions.first else { return XCTFail("no message") }
        XCTAssertNotNil(interaction.message.generators[.metadata]["messageId"])
    }

    func testV3WritesAMessagesArrayWithMetaData() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter, version: .v3)
        declareRevoked(pact)
        try await pact.verifyMessages { _ in }
        let (written, json) = try readPact(directory)
        XCTAssertEqual(written.specVersion, .v3)
        XCTAssertNil(json["interactions"])
        let entry = try XCTUnwrap(json["messages"]?.arrayValue?.first)
        XCTAssertEqual(entry["metaData"]?["topic"], "codes.revoked")
        XCTAssertNil(entry["metadata"])
        XCTAssertEqual(entry["contents"]?["code"], "H9CW4XBJ6RKP")
        XCTAssertNotNil(entry["matchingRules"]?["body"]?["$.lpa"])
        XCTAssertEqual(entry["providerStates"]?.arrayValue?.first?["name"], "the activation key H9CW4XBJ6RKP exists")
    }

    func testThrowingHandlerIsReportedAtTheDeclaringLineAndNothingIsWritten() async throws {
        struct Refused: Error, CustomStringConvertible { var description: String { "unknown event version 2" } }
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        let line = #line + 1
        pact.expectsToReceive("an activation code revoked event").withContents(["code": "X"])
        pact.expectsToReceive("a paper code expired event").withContents(["code": "Y"])
        do {
            try await pact.verifyMessages { message in
                if message.json?["code"] == "X" { throw Refused() }
            }
            XCTFail("verifyMessages must throw")
        } catch let error as PactRunError {
            XCTAssertEqual(error.failures.count, 1)
        }
        XCTAssertEqual(reporter.failures.map(\.kind), [.testError])
        XCTAssertEqual(reporter.failures.first?.location.line, UInt(line))
        XCTAssertEqual(reporter.failures.first?.message,
                       "Pact: the handler failed on message 'an activation code revoked event': unknown event version 2")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("audit-log-data-lpa-codes.json").path))
    }

    func testTextAndBinaryContentsKeepTheirContentTypes() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
        pact.expectsToReceive("a text event").withContents(.text(.regex("code [A-Z]+", example: "code ABC")))
        pact.expectsToReceive("a binary event").withContents(.binary(png, contentType: "image/png"))
        let handled = Locked<[String: MessagePayload]>([:])
        try await pact.verifyMessages { message in
            handled.withLock { $0[message.contentType ?? "?"] = message }
        }
        XCTAssertEqual(handled.withLock { $0["text/plain"]?.text }, "code ABC")
        XCTAssertEqual(handled.withLock { $0["image/png"]?.contents }, png)
        let (written, _) = try readPact(directory)
        let bodies = written.interactions.compactMap { interaction -> Body? in
            if case .asynchronousMessage(let m) = interaction { m.message.contents } else { nil }
        }
        XCTAssertEqual(bodies, [.binary(png, contentType: ContentType("image/png")), .text("code ABC", contentType: .plainText)])
    }

    func testHTTPAndMessageInteractionsOfOnePairShareTheV4File() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let http = PactBuilder(consumer: "audit-log", provider: "data-lpa-codes", directory: directory, reporter: reporter)
        http.uponReceiving("a healthcheck").withRequest(.get, "/v1/healthcheck").willRespondWith(status: 200)
        try await http.run { server in
            _ = try await TestClient(baseURL: server.url).send("GET", "/v1/healthcheck")
        }
        let messages = makePact(directory, reporter)
        declareRevoked(messages)
        try await messages.verifyMessages { _ in }
        declareRevoked(messages)
        try await messages.verifyMessages { _ in }   // the same message again replaces, never duplicates
        let (written, _) = try readPact(directory)
        XCTAssertEqual(written.interactions.map(\.typeName), ["Synchronous/HTTP", "Asynchronous/Messages"])
        XCTAssertEqual(written.interactions.map(\.description), ["a healthcheck", "an activation code revoked event"])
        XCTAssertEqual(reporter.failures, [])
    }

    func testSynchronousMessageTestGetsTheRequestAndTheDeclaredResponsesWithGeneratorsApplied() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        pact.synchronousMessage("a code check")
            .withRequest(contents: ["code": .regex("[A-Z0-9]{12}", example: "H9CW4XBJ6RKP")], metadata: ["replyTo": "checks"])
            .willRespondWith(contents: ["valid": .boolean(true), "checkId": .uuid()])
            .willRespondWith(contents: "checked", metadata: ["stage": "audit"])
        var seen: [SynchronousMessageExchange] = []
        try await pact.verifySynchronousMessages { exchange in
            seen.append(exchange)
        }
        XCTAssertEqual(seen.count, 1)
        let exchange = try XCTUnwrap(seen.first)
        XCTAssertEqual(exchange.request.json?["code"], "H9CW4XBJ6RKP")
        XCTAssertEqual(exchange.request.metadata["replyTo"], "checks")
        XCTAssertEqual(exchange.responses.count, 2)
        XCTAssertEqual(exchange.response, exchange.responses[0])
        XCTAssertEqual(exchange.response.json?["valid"], true)
        let checkID = try XCTUnwrap(exchange.response.json?["checkId"]?.stringValue)
        XCTAssertNotNil(UUID(uuidString: checkID))
        XCTAssertNotEqual(checkID, "e2490de5-5bd3-43d5-b7c4-526e33f71304", "the UUID generator runs in consumer mode")
        XCTAssertEqual(exchange.responses[1].text, "checked")
        XCTAssertEqual(exchange.responses[1].metadata["stage"], "audit")
        XCTAssertEqual(reporter.failures, [])
        let (written, _) = try readPact(directory)
        guard case .synchronousMessages(let interaction)? = written.interactions.first else {
            return XCTFail("expected a Synchronous/Messages interaction")
        }
        XCTAssertEqual(interaction.request.metadata, ["contentType": "application/json", "replyTo": "checks"])
        XCTAssertEqual(interaction.responses.count, 2)
    }

    func testSynchronousMessageTestThatThrowsFailsAtTheDeclarationAndWritesNoPact() async throws {
        struct UnknownReply: Error, CustomStringConvertible {
            var description: String { "the reply has no 'status'" }
        }
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        let line = #line + 1
        pact.synchronousMessage("a code check")
            .withRequest(contents: ["code": "H9CW4XBJ6RKP"])
            .willRespondWith(contents: ["valid": .boolean(true)])
        do {
            try await pact.verifySynchronousMessages { exchange in
                guard exchange.response.json?["status"] != nil else { throw UnknownReply() }
            }
            XCTFail("a throwing test closure must fail the verify call")
        } catch is PactRunError {}
        XCTAssertEqual(reporter.failures.map(\.kind), [.testError])
        XCTAssertEqual(reporter.failures.first?.location.line, UInt(line))
        XCTAssertEqual(reporter.failures.first?.message,
                       "Pact: the test closure failed on message 'a code check': the reply has no 'status'")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("audit-log-data-lpa-codes.json").path))
    }

    func testUsageErrorsAreReportedAtTheirLines() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter, version: .v3)
        let syncLine = #line + 1
        pact.synchronousMessage("a code check").withRequest(contents: ["a": 1]).willRespondWith(contents: ["b": 2])
        let contentTypeLine = #line + 2
        pact.expectsToReceive("an event")
            .withContents(["a": 1], contentType: "application/json")
            .withMetadata(["contentType": "text/plain"])
        let noContentsLine = #line + 1
        pact.expectsToReceive("an empty declaration")
        do {
            try await pact.verifyMessages { _ in }
            XCTFail("usage errors must fail")
        } catch is PactRunError {}
        let byLine = Dictionary(grouping: reporter.failures, by: { Int($0.location.line) })
        XCTAssertEqual(reporter.failures.map(\.kind), [.usage, .usage, .usage, .usage], "\(reporter.failures)")
        XCTAssertTrue(byLine[syncLine]?.contains { $0.message.contains("a synchronous message needs Pact V4 or later") } ?? false, "\(reporter.failures)")
        XCTAssertTrue(byLine[syncLine]?.contains { $0.message.contains("checked by verifySynchronousMessages") } ?? false, "\(reporter.failures)")
        XCTAssertTrue(byLine[contentTypeLine]?.first?.message.contains("differs from the metadata content type 'text/plain'") ?? false,
                      "\(reporter.failures)")
        XCTAssertTrue(byLine[noContentsLine]?.first?.message.contains("the message has no contents") ?? false, "\(reporter.failures)")
    }

    func testMessagesDeclaredAndNeverVerifiedFailAtTheFirstDeclaration() throws {
        let reporter = CollectingFailureReporter()
        let line = #line + 3
        do {
            let pact = makePact(try temporaryDirectory(self), reporter)
            pact.expectsToReceive("an activation code revoked event").withContents(["code": "X"])
            pact.synchronousMessage("a code check").withRequest(contents: ["code": "X"]).willRespondWith(contents: ["valid": true])
        }
        XCTAssertEqual(reporter.failures.map(\.kind), [.notRun])
        XCTAssertEqual(reporter.failures.first?.location.line, UInt(line))
        XCTAssertEqual(reporter.failures.first?.message,
                       "Pact: messages 'an activation code revoked event', 'a code check' were declared but never "
                        + "verified, so nothing was checked and no pact was written; call verifyMessages(_:) and "
                        + "verifySynchronousMessages(_:) on the MessagePactBuilder with the consumer's code")
    }

    func testProviderStateParamsArePlainSwiftValues() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        let code = "H9CW4XBJ6RKP"
        let uses = 2
        let asJSON: [String: JSONValue] = ["id": 7]   // the JSONValue params of the first message DSL still compile
        pact.expectsToReceive("an event").given("a code exists", ["code": code, "uses": uses, "tags": ["paper"]])
            .given("an actor exists", asJSON)
            .withContents(["code": .equal(code)])
        try await pact.verifyMessages { _ in }
        let (written, _) = try readPact(directory)
        XCTAssertEqual(written.interactions.first?.info.providerStates,
                       [ProviderState(name: "a code exists", params: ["code": "H9CW4XBJ6RKP", "uses": 2, "tags": ["paper"]]),
                        ProviderState(name: "an actor exists", params: ["id": 7])])
        XCTAssertEqual(reporter.failures, [])
    }
}
