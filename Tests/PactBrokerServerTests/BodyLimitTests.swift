import Foundation
import PactBroker
import PactBrokerServer
import PactModel
import Testing

/// The default body cap: a 5 MB pact publishes (base64 in a contract publication, about 6.7 MB), a 50 MB body is
/// refused with 413 and the broker goes on serving.
@Suite struct BodyLimitTests {
    @Test func aFiveMegabytePactPublishesAndAFiftyMegabyteBodyIsRefused() async throws {
        try await RunningBroker.with { broker in
            let large = String(repeating: "x", count: 5_000_000)
            let json: JSONValue = [
                "consumer": ["name": "Foo"], "provider": ["name": "Bar"],
                "interactions": [["description": "a large answer", "request": ["method": "GET", "path": "/large"],
                                  "response": ["status": 200, "body": ["text": .string(large)]]]],
                "metadata": ["pactSpecification": ["version": "2.0.0"]],
            ]
            let file = broker.scratch.appendingPathComponent("large.json")
            try Data(JSONWriter.compact(json).utf8).write(to: file)
            let pact = try PactFileToPublish.read(path: file.path)
            _ = try await broker.client.publish(PactPublication(pacts: [pact], consumerVersion: "1", branch: "main"))
            let fetched = await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/version/1")
            #expect(fetched.status == 200)
            #expect(fetched.json?["interactions"]?.arrayValue?.first?["response"]?["body"]?["text"]?.stringValue?.count == 5_000_000)

            let fifty = String(repeating: "y", count: 50_000_000)
            let refused = try await rawRequest(broker, "POST", "/pacticipants", body: #"{"name":""# + fifty + #""}"#)
            #expect(refused.status == 413)
            #expect(refused.text.contains("is larger than \(BrokerServerConfiguration.defaultMaxBodyBytes) bytes"))
            #expect(try await broker.client.index().link("pb:pacticipants") != nil, "the broker still serves")
        }
    }
}
