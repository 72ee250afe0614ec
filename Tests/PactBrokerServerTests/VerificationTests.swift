import Foundation
import PactBroker
import PactBrokerServer
import PactModel
import Testing

@Suite struct VerificationTests {
    @Test func selectorsPendingAndWorkInProgress() async throws {
        try await RunningBroker.with { broker in
            try await broker.publish("Foo", version: "1", providers: ["Bar": "main-1"], branch: "main", tags: ["dev"])
            try await broker.publish("Foo", version: "2", providers: ["Bar": "feature-2"], branch: "feature-x")
            #expect(await broker.call("PATCH", "/pacticipants/Foo", json: ["mainBranch": "main"], contentType: "application/merge-patch+json").status == 200)

            var pacts = try await broker.forVerification("Bar", selectors: [["mainBranch": true]], wipSince: "2000-01-01")
            #expect(pacts.count == 2)
            let main = try #require(pacts.first { !$0.wip })
            let wip = try #require(pacts.first { $0.wip })
            #expect(main.pending)
            #expect(main.shortDescription == "latest from main branch")
            #expect(main.noticesBefore.first?.text.contains("matching the following criterion:\n    * latest version from the main branch 'main' (1)") == true)
            #expect(main.noticesBefore.contains { $0.text.hasPrefix("This pact is in pending state for this version of Bar because a successful verification result for a version of Bar from branch 'main' has not yet been published.") })
            #expect(wip.pending)
            #expect(wip.name == "Pact between Foo and Bar, consumer version 2, latest from branch feature-x")
            #expect(wip.noticesBefore.first?.text.contains("is being verified because it is a 'work in progress' pact") == true)

            try await broker.verify(main, providerVersion: "p1", success: true)
            pacts = try await broker.forVerification("Bar", selectors: [["mainBranch": true]], wipSince: "2000-01-01")
            #expect(pacts.first { !$0.wip }?.pending == false)
            #expect(pacts.first { !$0.wip }?.noticesBefore.contains { $0.text.hasPrefix("This pact has previously been successfully verified by a version of Bar from branch 'main'.") } == true)
            #expect(pacts.contains { $0.wip }, "the feature pact is still work in progress")

            // Another provider branch created after the verification: pending until it verifies itself.
            let other = try await broker.forVerification("Bar", selectors: [["mainBranch": true]], branch: "new-work")
            #expect(other.first?.pending == false, "verified from another branch before new-work existed")

            let byBranch = try await broker.forVerification("Bar", selectors: [["branch": "feature-x"]])
            #expect(byBranch.map(\.shortDescription) == ["latest from branch feature-x"])
            let byTag = try await broker.forVerification("Bar", selectors: [["tag": "dev", "latest": true]])
            #expect(byTag.map(\.shortDescription) == ["latest with tag dev"])
            let fallback = try await broker.forVerification("Bar", selectors: [["branch": "gone", "fallbackBranch": "main"]])
            #expect(fallback.first?.noticesBefore.first?.text.contains("fallback branch used as no pact was found from branch 'gone'") == true)
            let both = try await broker.forVerification("Bar", selectors: [["mainBranch": true], ["tag": "dev", "latest": true]])
            #expect(both.count == 1, "the same content selected twice is verified once")
            #expect(both.first?.shortDescription == "latest from main branch, latest with tag dev")
            let defaults = try await broker.forVerification("Bar", selectors: [])
            #expect(defaults.map(\.shortDescription) == ["latest from main branch"])

            await #expect {
                try await broker.forVerification("Bar", selectors: [["tag": "dev", "branch": "main"]])
            } throws: { error in
                (error as? BrokerError)?.messages.contains { $0.contains("cannot specify both a tag and a branch") } == true
            }
            let states = await broker.call("GET", "/pacts/provider/Bar/provider-states")
            #expect(states.json == ["providerStates": [["name": "things exist", "consumers": ["Foo"]]]])
            let get = await broker.call("GET", "/pacts/provider/Bar/for-verification")
            #expect(get.json?["_links"]?["self"]?["href"]?.stringValue == broker.url.absoluteString + "/pacts/provider/Bar/for-verification")
            #expect(await broker.call("GET", "/pacts/provider/Nobody/for-verification").status == 404)
        }
    }

    @Test func verificationResultsAreReadBack() async throws {
        try await RunningBroker.with { broker in
            try await broker.publish("Foo", version: "1", providers: ["Bar": "a"])
            let pact = try #require(try await broker.forVerification("Bar", selectors: [["latest": true]]).first)
            let downloaded = try await broker.client.fetchPact(pact)
            let location = try await broker.client.publish(
                VerificationResults(providerVersion: "p1", testResults: [InteractionTestResult(interactionId: nil, description: "a request for a", success: false,
                                                                                                mismatches: [.init(attribute: "body", description: "wrong")])]),
                for: downloaded, providerTags: ["prod"])
            let url = try #require(location.flatMap(URL.init(string:)))
            let result = try await broker.client.resource(at: url, what: "result")
            #expect(result.json["success"] == false)
            #expect(result.json["providerApplicationVersion"]?.stringValue == "p1")
            #expect(result.json["testResults"]?.arrayValue?.first?["mismatches"] != nil)
            let tags = try await broker.client.resource(at: broker.url("/pacticipants/Bar/versions/p1"), what: "version")
            #expect(tags.embedded("tags").compactMap { $0["name"]?.stringValue } == ["prod"])
            let bad = await broker.call("POST", String(url.path.dropLast(2)), json: ["success": "yes"])
            #expect(bad.status == 400)
        }
    }
}
