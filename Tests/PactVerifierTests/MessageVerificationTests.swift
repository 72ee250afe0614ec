import Foundation
import HTTPServerCore
import PactModel
import PactVerifier
import XCTest

/// Message interactions: over HTTP by the pact-reference convention, and from in-process producers.
final class MessageVerificationTests: XCTestCase {
    static let revoked = """
        {"type": "Asynchronous/Messages", "description": "a code revoked event",
         "providerStates": [{"name": "a code exists", "params": {"code": "ABC"}}],
         "metadata": {"contentType": "application/json", "topic": "codes.revoked"},
         "contents": {"contentType": "application/json", "content": {"code": "ABC", "lpa": "700000000047"}},
         "matchingRules": {"content": {"$.lpa": {"matchers": [{"match": "regex", "regex": "7\\\\d{11}"}]}},
                           "metadata": {"topic": {"matchers": [{"match": "regex", "regex": "codes\\\\.[a-z]+"}]}}}}
        """

    static func metadataHeader(_ json: String) -> (name: String, value: String) {
        ("Pact-Message-Metadata", Data(json.utf8).base64EncodedString())
    }

    // MARK: HTTP

    func testPostsDescriptionAndStatesAndMatchesTheAnsweredMessage() async throws {
        let provider = try await TestProvider.start { _ in
            .json(#"{"code": "ABC", "lpa": "700000000099", "extra": 1}"#,
                  headers: [Self.metadataHeader(#"{"topic": "codes.revoked", "partition": 3}"#)])
        }
        let report = await (try Verifier.against(provider.url) { $0.messages.endpointPath = "/_pact/message" })
            .verify(pacts: [try Pacts.v4(Self.revoked)])
        await provider.stop()
        XCTAssertEqual(report.interactions.map(\.status), [.passed], report.renderConsole(colour: false))
        let request = try XCTUnwrap(provider.requests.first)
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.path, "/_pact/message")
        XCTAssertEqual(request.header("Content-Type"), "application/json")
        XCTAssertEqual(try JSONParser.parse(request.body), [
            "description": "a code revoked event",
            "providerStates": [["name": "a code exists", "params": ["code": "ABC"]]],
        ])
        XCTAssertEqual(report.exitCode, 0)
    }

    func testCustomHeadersAndTheRequestFilterReachTheMessageEndpoint() async throws {
        let provider = try await TestProvider.start { request in
            request.header("Authorization") == "Bearer t0k3n" && request.header("X-Tenant") == "opg"
                ? .json(#"{"code": "ABC", "lpa": "700000000047"}"#, headers: [Self.metadataHeader(#"{"topic": "codes.revoked"}"#)])
                : ServerResponse(status: 401)
        }
        let report = await (try Verifier.against(provider.url) { configuration in
            configuration.customHeaders = [("X-Tenant", "opg")]
            configuration.requestFilter = { request in request.setHeader("Authorization", "Bearer t0k3n") }
        }).verify(pacts: [try Pacts.v4(Self.revoked)])
        await provider.stop()
        XCTAssertEqual(report.interactions.map(\.status), [.passed], report.renderConsole(colour: false))
    }

    func testContentsAndMetadataMismatchesFailWithPathsAndValues() async throws {
        let provider = try await TestProvider.start { _ in
            .json(#"{"code": "XYZ", "lpa": "8"}"#, headers: [Self.metadataHeader(#"{"topic": "Codes"}"#)])
        }
        let report = await (try Verifier.against(provider.url)).verify(pacts: [try Pacts.v4(Self.revoked)])
        await provider.stop()
        let result = try XCTUnwrap(report.interactions.first)
        XCTAssertEqual(result.status, .failed)
        XCTAssertEqual(result.mismatches.map { "\($0.kind.rawValue) \($0.path)" }, ["body $.code", "body $.lpa", "metadata topic"])
        XCTAssertEqual(report.exitCode, 1)
        let console = report.renderConsole(colour: false)
        XCTAssertTrue(console.contains("a code revoked event (message via POST /)"), console)
        XCTAssertTrue(console.contains("body $.lpa: Expected '8' to match '7\\d{11}'"), console)
        XCTAssertTrue(console.contains("metadata topic:"), console)
    }

    func testBadAnswersGiveOneErrorEachAndTheRunContinues() async throws {
        let answers: [String: ServerResponse] = [
            "not found": ServerResponse(status: 404, body: Data("no such route".utf8)),
            "server error": .json(#"{"error": "boom"}"#, status: 500),
            "no body": ServerResponse(status: 200, headers: [("Content-Type", "application/json")]),
            "bad base64": .json(#"{"code": "ABC"}"#, headers: [("Pact-Message-Metadata", "not base64!!")]),
            "bad json": .json(#"{"code": "ABC"}"#, headers: [Self.metadataHeader("{topic")]),
            "not an object": .json(#"{"code": "ABC"}"#, headers: [Self.metadataHeader("[1]")]),
            "contradicting type": ServerResponse(status: 200, headers: [("Content-Type", "text/xml")], body: Data("<code/>".utf8)),
            "invalid json contents": ServerResponse(status: 200, headers: [("Content-Type", "application/json")], body: Data("{code".utf8)),
        ]
        let provider = try await TestProvider.start { request in
            let description = (try? JSONParser.parse(request.body))?["description"]?.stringValue ?? ""
            return answers[description] ?? .json(#"{"code": "ABC"}"#)
        }
        let names = answers.keys.sorted() + ["fine"]
        let interactions = names.map { name in
            """
            {"type": "Asynchronous/Messages", "description": "\(name)", "metadata": {"contentType": "application/json"},
             "contents": {"contentType": "application/json", "content": {"code": "ABC"}}}
            """
        }
        let report = await (try Verifier.against(provider.url)).verify(pacts: [try PactReader.read(data: Data(Pacts.text(interactions).utf8))])
        await provider.stop()
        let byName = Dictionary(uniqueKeysWithValues: report.interactions.map { ($0.description, $0) })
        XCTAssertEqual(byName["fine"]?.status, .passed)
        for name in answers.keys {
            let result = try XCTUnwrap(byName[name])
            XCTAssertEqual(result.status, .error, name)
            XCTAssertEqual(result.errors.count, 1, "\(name): \(result.errors)")
            XCTAssertEqual(result.mismatches.count, 0, "\(name): one problem, one report: \(result.mismatches)")
            XCTAssertEqual(result.errors.first?.kind, .message, name)
        }
        let message = { (name: String) in byName[name]?.errors.first?.message ?? "" }
        XCTAssertTrue(message("not found").contains("answered 404 instead of the message (is the message endpoint path right? see --message-path): no such route"), message("not found"))
        XCTAssertTrue(message("server error").contains("answered 500"), message("server error"))
        XCTAssertTrue(message("no body").contains("produced no contents, but the pact expects a body (application/json)")
                      || message("no body").contains("has no contents, but the pact expects a body (application/json)"), message("no body"))
        XCTAssertTrue(message("bad base64").contains("Pact-Message-Metadata header that is not base64"), message("bad base64"))
        XCTAssertTrue(message("bad json").contains("whose decoded text is not JSON"), message("bad json"))
        XCTAssertTrue(message("not an object").contains("not a JSON object"), message("not an object"))
        XCTAssertTrue(message("contradicting type").contains("contents are 'text/xml', but the pact expects 'application/json'"),
                      message("contradicting type"))
        XCTAssertTrue(message("invalid json contents").contains("not valid JSON"), message("invalid json contents"))
        XCTAssertEqual(report.exitCode, 1)
    }

    func testSynchronousMessagesSendTheRequestAndMatchTheResponse() async throws {
        let exchange = """
            {"type": "Synchronous/Messages", "description": "a code check",
             "request": {"contents": {"contentType": "application/json", "content": {"code": "ABC"}},
                         "metadata": {"replyTo": "checks"}},
             "response": [{"contents": {"contentType": "application/json", "content": {"valid": true}}}]}
            """
        let provider = try await TestProvider.start { _ in .json(#"{"valid": true}"#) }
        let report = await (try Verifier.against(provider.url)).verify(pacts: [try Pacts.v4(exchange)])
        await provider.stop()
        XCTAssertEqual(report.interactions.map(\.status), [.passed], report.renderConsole(colour: false))
        XCTAssertEqual(report.interactions.first?.request, "synchronous message via POST /")
        let sent = try JSONParser.parse(try XCTUnwrap(provider.requests.first).body)
        XCTAssertEqual(sent["request"]?["contents"]?["content"], ["code": "ABC"])
        XCTAssertEqual(sent["request"]?["metadata"], ["replyTo": "checks"])
    }

    func testAnUnreachableMessageEndpointIsAnErrorOfTheRun() async throws {
        let provider = try await TestProvider.start { _ in .json("{}") }
        let url = provider.url
        await provider.stop()
        let report = await (try Verifier.against(url)).verify(pacts: [try Pacts.v4(Self.revoked)])
        XCTAssertEqual(report.interactions.first?.errors.first?.kind, .providerUnreachable)
        XCTAssertEqual(report.exitCode, 2)
    }

    // MARK: In process

    func testInProcessProducersWithStatesAndProviderStateGenerators() async throws {
        let pact = """
            {"type": "Asynchronous/Messages", "description": "a code created event",
             "providerStates": [{"name": "a code exists"}],
             "contents": {"contentType": "application/json", "content": {"code": "EXAMPLE"}},
             "generators": {"content": {"$.code": {"type": "ProviderState", "expression": "${code}"}}}}
            """
        let seen = Locked<[MessageRequest]>([])
        let report = await (try Verifier.against(URL(string: "http://127.0.0.1:1")!) { configuration in
            configuration.stateHandler = ClosureStateHandler(states: ["a code exists": { _ in ["code": "Q7"] }])
            configuration.messages.producers = ["a code created event": MessageProducer { request in
                seen.withLock { $0.append(request) }
                return .json(["code": request.stateValues["code"] ?? .null])
            }]
        }).verify(pacts: [try Pacts.v4(pact)])
        XCTAssertEqual(report.interactions.map(\.status), [.passed], report.renderConsole(colour: false))
        XCTAssertEqual(seen.withLock { $0.map(\.stateValues) }, [["code": "Q7"]])
        XCTAssertEqual(report.interactions.first?.request, "message from its in-process producer")
    }

    func testAProviderStateValueOtherThanTheProducedOneFails() async throws {
        let pact = """
            {"type": "Asynchronous/Messages", "description": "a code created event",
             "providerStates": [{"name": "a code exists"}],
             "contents": {"contentType": "application/json", "content": {"code": "EXAMPLE"}},
             "generators": {"content": {"$.code": {"type": "ProviderState", "expression": "${code}"}}}}
            """
        let report = await (try Verifier.against(URL(string: "http://127.0.0.1:1")!) { configuration in
            configuration.stateHandler = ClosureStateHandler(states: ["a code exists": { _ in ["code": "Q7"] }])
            configuration.messages.producers = ["a code created event": MessageProducer { _ in .json(["code": "EXAMPLE"]) }]
        }).verify(pacts: [try Pacts.v4(pact)])
        XCTAssertEqual(report.interactions.first?.mismatches.first?.message, "Expected 'EXAMPLE' (String) to be equal to 'Q7' (String)")
    }

    func testInProcessSynchronousProducersGetTheRequestAndEveryResponseIsMatched() async throws {
        let exchange = """
            {"type": "Synchronous/Messages", "description": "a code check",
             "request": {"contents": {"contentType": "application/json", "content": {"code": "ABC"}}},
             "response": [{"contents": {"contentType": "application/json", "content": {"valid": true}}},
                          {"contents": {"contentType": "text/plain", "content": "done"}}]}
            """
        let answers = Locked<[[MessagePayload]]>([
            [.json(["valid": true]), .text("done")],
            [.json(["valid": true])],
            [.json(["valid": true]), .text("later")],
        ])
        let requests = Locked<[JSONValue?]>([])
        let verifier = try Verifier.against(URL(string: "http://127.0.0.1:1")!) { configuration in
            configuration.messages.producers = ["a code check": .responses { request in
                requests.withLock { $0.append(request.request?.json) }
                return answers.withLock { $0.removeFirst() }
            }]
        }
        let pact = try Pacts.v4(exchange)
        let passed = await verifier.verify(pacts: [pact])
        let tooFew = await verifier.verify(pacts: [pact])
        let different = await verifier.verify(pacts: [pact])
        XCTAssertEqual(passed.interactions.map(\.status), [.passed], passed.renderConsole(colour: false))
        XCTAssertEqual(requests.withLock { $0 }, [["code": "ABC"], ["code": "ABC"], ["code": "ABC"]])
        XCTAssertEqual(tooFew.interactions.first?.mismatches.map(\.message),
                       ["Expected a message with 2 response(s), but the actual response had 1"])
        XCTAssertEqual(different.interactions.first?.mismatches.map(\.path), ["response[1] $"])
    }

    func testAGeneratorWithoutItsStateValueKeepsTheExampleAndSaysSo() async throws {
        let pact = """
            {"type": "Asynchronous/Messages", "description": "a code created event",
             "contents": {"contentType": "application/json", "content": {"code": "EXAMPLE"}},
             "generators": {"content": {"$.code": {"type": "ProviderState", "expression": "${code}"}}}}
            """
        let report = await (try Verifier.against(URL(string: "http://127.0.0.1:1")!) { configuration in
            configuration.messages.producers = ["a code created event": MessageProducer { _ in .json(["code": "EXAMPLE"]) }]
        }).verify(pacts: [try Pacts.v4(pact)])
        XCTAssertEqual(report.interactions.map(\.status), [.passed])
        XCTAssertEqual(report.interactions.first?.notes.count, 1)
        XCTAssertTrue(report.interactions.first?.notes.first?.hasPrefix(
            "the expected message contents $.code generator kept the pact's example value: ProviderState generator failed") ?? false,
            "\(report.interactions.first?.notes ?? [])")
    }

    func testAMissingOrThrowingProducerIsAnErrorNamingIt() async throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "the queue client is not configured" } }
        let second = Self.revoked.replacingOccurrences(of: "a code revoked event", with: "another event")
        let report = await (try Verifier.against(URL(string: "http://127.0.0.1:1")!) { configuration in
            configuration.messages.producers = ["a code revoked event": MessageProducer { _ in throw Broken() }]
        }).verify(pacts: [try Pacts.v4(Self.revoked, second)])
        XCTAssertEqual(report.interactions.map(\.status), [.error, .error])
        XCTAssertEqual(report.interactions.map { $0.errors.map(\.message) }, [
            ["the producer of 'a code revoked event' threw: the queue client is not configured"],
            ["no message producer is registered for 'another event' (registered: 'a code revoked event')"],
        ])
        XCTAssertEqual(report.exitCode, 1)
    }

    func testPendingAndFiltersApplyToMessages() async throws {
        let pending = Self.revoked.replacingOccurrences(of: "\"type\": \"Asynchronous/Messages\",", with: "\"type\": \"Asynchronous/Messages\", \"pending\": true,")
        let other = Self.revoked.replacingOccurrences(of: "a code revoked event", with: "left out")
        let report = await (try Verifier.against(URL(string: "http://127.0.0.1:1")!) { configuration in
            configuration.messages.producers = ["a code revoked event": MessageProducer { _ in .json(["code": 1]) }]
            configuration.filter = try InteractionFilter(description: "revoked")
        }).verify(pacts: [try Pacts.v4(pending, other)])
        XCTAssertEqual(report.interactions.map(\.status), [.pendingFailed])
        XCTAssertEqual(report.pacts.first?.filteredOut, 1)
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertTrue(report.junitXML().contains("a code revoked event"))
        XCTAssertEqual(report.json()["pacts"]?.arrayValue?.first?["interactions"]?.arrayValue?.first?["type"], "Asynchronous/Messages")
    }
}
