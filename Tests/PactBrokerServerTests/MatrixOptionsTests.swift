import Foundation
import PactBroker
import PactModel
import Testing

/// `/matrix` options beyond the selectors: `latestby` (cvpv, cvp, cp) and `success[]`, as pact_broker applies them.
@Suite struct MatrixOptionsTests {
    /// Foo 1 verified by p1 (success) and p2 (failure); Foo 2 (other content) verified by p2 (success); Foo 3
    /// (other content again) never verified.
    private func seed(_ broker: RunningBroker) async throws {
        try await broker.publish("Foo", version: "1", providers: ["Bar": "a"], branch: "main")
        let first = try #require(try await broker.forVerification("Bar", selectors: [["branch": "main"]]).first)
        try await broker.verify(first, providerVersion: "p1", success: true)
        try await broker.verify(first, providerVersion: "p2", success: false)
        try await broker.publish("Foo", version: "2", providers: ["Bar": "b"], branch: "main")
        let second = try #require(try await broker.forVerification("Bar", selectors: [["branch": "main"]]).first)
        try await broker.verify(second, providerVersion: "p2", success: true)
        try await broker.publish("Foo", version: "3", providers: ["Bar": "c"], branch: "main")
    }

    private func rows(_ broker: RunningBroker, _ options: String) async throws -> [String] {
        let answer = await broker.call("GET", "/matrix?q%5B%5D%5Bpacticipant%5D=Foo&q%5B%5D%5Bpacticipant%5D=Bar&" + options)
        #expect(answer.status == 200)
        let rows = try #require(answer.json?["matrix"]?.arrayValue)
        return rows.map { row in
            let consumer = row["consumer"]?["version"]?["number"]?.stringValue ?? "?"
            let provider = row["provider"]?["version"]?["number"]?.stringValue ?? "-"
            let success = row["verificationResult"]?["success"]?.boolValue.map { "\($0)" } ?? "none"
            return "\(consumer)/\(provider)/\(success)"
        }.sorted()
    }

    @Test func latestbyGroupsRowsAsPactBrokerDoes() async throws {
        try await RunningBroker.with { broker in
            try await seed(broker)
            // Every pair of the selected versions, a pair without a verification included (unknown).
            let unverified = ["2/p1/none", "3/p1/none", "3/p2/none"]
            #expect(try await rows(broker, "") == (["1/p1/true", "1/p2/false", "2/p2/true"] + unverified).sorted())
            #expect(try await rows(broker, "latestby=cvpv") == (["1/p1/true", "1/p2/false", "2/p2/true"] + unverified).sorted())
            // The newest provider version per consumer version: Foo 1's success by p1 is superseded by p2's failure.
            #expect(try await rows(broker, "latestby=cvp") == (["1/p2/false", "2/p2/true"] + unverified).sorted())
            // The newest provider version per integration: the unverified Foo 3 is not shown beside it.
            #expect(try await rows(broker, "latestby=cp") == ["2/p2/true"])
        }
    }

    @Test func successFiltersAfterLatestby() async throws {
        try await RunningBroker.with { broker in
            try await seed(broker)
            #expect(try await rows(broker, "success%5B%5D=true") == ["1/p1/true", "2/p2/true"])
            #expect(try await rows(broker, "success%5B%5D=false") == ["1/p2/false"])
            // An empty value stands for "not verified".
            #expect(try await rows(broker, "success%5B%5D=&success%5B%5D=false") == ["1/p2/false", "2/p1/none", "3/p1/none", "3/p2/none"])
            // After latestby=cvp, Foo 1's newest row is p2's failure: its success by p1 is gone.
            #expect(try await rows(broker, "latestby=cvp&success%5B%5D=true") == ["2/p2/true"])
        }
    }
}
