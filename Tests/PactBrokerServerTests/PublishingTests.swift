import Foundation
import PactBroker
import PactBrokerServer
import PactModel
import Testing
import TestSupport

@Suite struct PublishingTests {
    @Test func publishingGivesPactBrokersNoticesAndThePactCanBeFetched() async throws {
        try await RunningBroker.with { broker in
            let notices = try await broker.publish("Foo", version: "1", providers: ["Bar": "a"], branch: "main", tags: ["dev"]).map(\.text)
            #expect(notices.contains("Created Foo version 1 with branch main and tags dev"))
            #expect(notices.contains("Pact successfully published for Foo version 1 and provider Bar."))
            #expect(notices.contains { $0.hasPrefix("  View the published pact at \(broker.url.absoluteString)/pacts/provider/Bar/consumer/Foo/version/1") })
            #expect(notices.contains("    * Add Pact verification tests to the Bar build. See https://docs.pact.io/go/provider_verification"))

            let foo = await broker.call("GET", "/pacticipants/Foo")
            #expect(foo.json?["mainBranch"]?.stringValue == "main", "main is detected as the main branch, as pact_broker does")
            let again = try await broker.publish("Foo", version: "1", providers: ["Bar": "a"], branch: "main").map(\.text)
            #expect(again.contains("Updated Foo version 1 with branch main"))
            #expect(again.contains("Pact successfully republished for Foo version 1 and provider Bar with no content changes."))

            await #expect {
                try await broker.publish("Foo", version: "1", providers: ["Bar": "changed"])
            } throws: { error in
                (error as? BrokerError)?.kind == .conflict
            }

            let pact = try await broker.client.resource(at: broker.url("/pacts/provider/Bar/consumer/Foo/latest"), what: "the pact")
            #expect(pact.json["interactions"]?.arrayValue?.first?["description"]?.stringValue == "a request for a")
            #expect(pact.link("pb:publish-verification-results") != nil)
            #expect(try pact.link("self")?.url() == broker.url("/pacts/provider/Bar/consumer/Foo/version/1"))
            let byTag = await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/latest/dev")
            #expect(byTag.status == 200)
            let byBranch = await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/branch/main/latest")
            #expect(byBranch.status == 200)
            let sha = try #require(pact.link("pb:pact-version")?.name)
            let bySha = await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/pact-version/\(sha)/metadata/Y3Y9MQ")
            #expect(bySha.json?["consumer"]?["name"]?.stringValue == "Foo")
            #expect(await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/latest/nope").status == 404)
        }
    }

    @Test func theIdenticalContentInAnotherLayoutHasTheSameSha() async throws {
        try await RunningBroker.with { broker in
            try await broker.publish("Foo", version: "1", providers: ["Bar": "a"])
            let pretty = try broker.pact("Foo", "Bar", marker: "a")
            // The same JSON, compact and with its keys in another order.
            let json = try JSONParser.parse(pretty.data)
            let reordered = "{\"provider\":" + JSONWriter.compact(json["provider"]!) + ",\"metadata\":" + JSONWriter.compact(json["metadata"]!)
                + ",\"interactions\":" + JSONWriter.compact(json["interactions"]!) + ",\"consumer\":" + JSONWriter.compact(json["consumer"]!) + "}"
            let put = await broker.call("PUT", "/pacts/provider/Bar/consumer/Foo/version/2", json: try JSONParser.parse(reordered))
            #expect(put.status == 201)
            let one = await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/version/1")
            let two = await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/version/2")
            #expect(one.json?["_links"]?["pb:pact-version"]?["name"] == two.json?["_links"]?["pb:pact-version"]?["name"])
            let again = await broker.call("PUT", "/pacts/provider/Bar/consumer/Foo/version/2", json: try JSONParser.parse(reordered))
            #expect(again.status == 200)
        }
    }

    @Test func aFiveMegabytePactIsAcceptedAndAVersionCanBeDeleted() async throws {
        try await RunningBroker.with { broker in
            // The marker appears three times in the pact: about 5 MB in all.
            let big = String(repeating: "0123456789abcdef", count: 5 * 1024 * 1024 / 16 / 3)
            try await broker.publish("Foo", version: "1", providers: ["Bar": big])
            let pact = await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/version/1")
            #expect(pact.json?["interactions"]?.arrayValue?.first?["response"]?["body"]?["marker"]?.stringValue?.count == big.count)
            #expect(await broker.call("DELETE", "/pacticipants/Foo/versions/1").status == 204)
            #expect(await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/version/1").status == 404)
            #expect(await broker.call("DELETE", "/pacticipants/Foo/versions/1").status == 404)
        }
    }

    @Test func badPublicationsAreRefusedWithTheFieldAndReason() async throws {
        try await RunningBroker.with { broker in
            let missing = await broker.call("POST", "/contracts/publish", json: ["pacticipantName": "Foo"])
            #expect(missing.status == 400)
            #expect(missing.json?["errors"]?["pacticipantVersionNumber"]?.arrayValue?.first?.stringValue == "is missing")
            #expect(missing.json?["errors"]?["contracts"] != nil)
            let notBase64 = await broker.call("POST", "/contracts/publish", json: [
                "pacticipantName": "Foo", "pacticipantVersionNumber": "1",
                "contracts": [["consumerName": "Foo", "providerName": "Bar", "specification": "pact", "contentType": "application/json",
                               "content": .string(Data("not json".utf8).base64EncodedString())]],
            ])
            #expect(notBase64.status == 400)
            #expect(notBase64.json?["errors"]?["contracts.0.content"]?.arrayValue?.first?.stringValue?.hasPrefix("is not valid JSON") == true)
            let mismatched = await broker.call("POST", "/contracts/publish", json: [
                "pacticipantName": "Foo", "pacticipantVersionNumber": "1",
                "contracts": [["consumerName": "Other", "providerName": "Bar", "specification": "pact", "contentType": "application/json",
                               "content": .string(Data("{}".utf8).base64EncodedString())]],
            ])
            #expect(mismatched.json?["errors"]?["contracts.0.consumerName"]?.arrayValue?.first?.stringValue == "must match pacticipantName (Foo)")
            // The old `logs` beside `notices`, each marked as pact_broker marks it: the Rust pact-broker-cli fails to
            // read the answer without `deprecationWarning`.
            let published = await broker.call("POST", "/contracts/publish", json: [
                "pacticipantName": "Foo", "pacticipantVersionNumber": "2",
                "contracts": [["consumerName": "Foo", "providerName": "Bar", "specification": "pact", "contentType": "application/json",
                               "content": .string(Data(#"{"consumer":{"name":"Foo"},"provider":{"name":"Bar"},"interactions":[]}"#.utf8).base64EncodedString())]],
            ])
            #expect(published.status == 200)
            let logs = published.json?["logs"]?.arrayValue ?? []
            #expect(!logs.isEmpty)
            #expect(logs.allSatisfy { $0["deprecationWarning"]?.stringValue == "Replaced by notices" && $0["message"]?.stringValue != nil })
            let bodyless = await broker.call("PUT", "/pacticipants/Foo/versions/1/tags/x")
            #expect(bodyless.status == 201, "a tag needs no body")
        }
    }

    @Test func pacticipantsTagsAndBranches() async throws {
        try await RunningBroker.with { broker in
            try await broker.publish("Foo", version: "1", providers: ["Bar": "a"], branch: "feat")
            try await broker.client.createVersionTags(pacticipant: "Foo", version: "1", tags: ["prod", "test"])
            let version = try await broker.client.resource(at: broker.url("/pacticipants/Foo/versions/1"), what: "version")
            #expect(version.embedded("tags").compactMap { $0["name"]?.stringValue }.sorted() == ["prod", "test"])
            #expect(version.embedded("branchVersions").compactMap { $0["name"]?.stringValue } == ["feat"])
            #expect(await broker.call("PUT", "/pacticipants/Foo/versions/1/tags/prod", json: [:]).status == 200)
            let patched = await broker.call("PATCH", "/pacticipants/Foo", json: ["mainBranch": "main"], contentType: "application/merge-patch+json")
            #expect(patched.status == 200)
            #expect(patched.json?["mainBranch"]?.stringValue == "main")
            let created = await broker.call("POST", "/pacticipants", json: ["name": "Baz"])
            #expect(created.status == 201)
            #expect(await broker.call("POST", "/pacticipants", json: ["name": "Baz"]).status == 409)
            let list = try await broker.client.resource(at: broker.url("/pacticipants"), what: "pacticipants")
            #expect(list.links("pb:pacticipants").compactMap(\.name) == ["Bar", "Baz", "Foo"])
            let latest = await broker.call("GET", "/pacticipants/Foo/latest-version/prod")
            #expect(latest.json?["number"]?.stringValue == "1")
            #expect(await broker.call("DELETE", "/pacticipants/Foo/branches/feat").status == 204)
            #expect(await broker.call("GET", "/pacticipants/Foo/branches/feat").status == 404)
        }
    }

    @Test func theServerAnswersHALWithAbsoluteLinksAndJSONErrors() async throws {
        try await RunningBroker.with(maxBodyBytes: 1024) { broker in
            let index = try await broker.client.index()
            #expect(index.link("pb:publish-contracts")?.href == broker.url.absoluteString + "/contracts/publish")
            let heartbeat = try await broker.client.send("GET", broker.url("/diagnostic/status/heartbeat"))
            #expect(heartbeat.contentType == "application/hal+json;charset=utf-8")
            #expect(heartbeat.json?["ok"] == true)
            let missing = await broker.call("GET", "/nothing/here")
            #expect(missing.status == 404)
            #expect(missing.json?["error"] != nil)
            let big = JSONValue.object(["name": .string(String(repeating: "x", count: 4096))])
            #expect(await broker.call("POST", "/pacticipants", json: big).status == 413)
            let notJSON = try? await broker.client.send("POST", broker.url("/pacticipants"), json: nil)
            #expect(notJSON?.status == nil, "an empty body is a 400 for a missing name")
            let forwarded = try await TestHTTP.send("GET", broker.url("/"), headers: [
                "X-Forwarded-Host": "broker.example", "X-Forwarded-Proto": "https", "Accept": "application/hal+json"])
            #expect(forwarded.json?["_links"]?["pb:pacticipants"]?["href"]?.stringValue == "https://broker.example/pacticipants")
        }
    }
}

