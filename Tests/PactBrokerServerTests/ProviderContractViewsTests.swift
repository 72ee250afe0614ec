import Foundation
import PactBroker
import PactBrokerServer
import PactModel
import Testing
import TestSupport

/// A contract comparison counts as a verification beyond the matrix: pacts-for-verification's pending status, the
/// pact badge, and the index and pact pages, which mark it "contract comparison" with a link to its results.
@Suite struct ProviderContractViewsTests {
    let contracts = ProviderContractTests()
    static let provider = ProviderContractTests.provider
    static let pending = "This pact is in pending state for this version of data-lpa-codes because a successful verification result for a version of data-lpa-codes from branch 'main' has not yet been published."

    /// The badge's accessible label, "left: right".
    func badgeLabel(_ broker: RunningBroker, consumer: String, provider: String) async throws -> String? {
        let response = try await broker.client.send("GET", broker.url("/pacts/provider/\(provider)/consumer/\(consumer)/latest/badge"),
                                                    json: nil, contentType: "application/json", idempotent: true)
        let text = String(decoding: response.body, as: UTF8.self)
        guard let start = text.range(of: "aria-label=\""), let end = text[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(text[start.upperBound..<end])
    }

    /// The URL of the newest verification result of the consumer version's pact, from the matrix.
    func resultURL(_ broker: RunningBroker, consumer: String, version: String) async throws -> String {
        let row = try #require(try await contracts.matrixRows(broker, consumer: consumer, version: version).first)
        #expect(row["verificationResult"]?["contractComparison"]?.boolValue == true)
        return try #require(row["verificationResult"]?["_links"]?["self"]?["href"]?.stringValue)
    }

    static func mark(_ url: String) -> String { #"<a class="contract-comparison" href="\#(url)">contract comparison</a>"# }

    @Test func aCompatibleComparisonIsASuccessfulVerificationEverywhere() async throws {
        try await RunningBroker.with { broker in
            #expect(await contracts.publishContract(broker, ProviderContractTests.body(document: try ProviderContractTests.document())).status == 200)
            try await contracts.publishPact(broker, ProviderContractTests.useAnLPAPact, version: "c1")
            let url = try await resultURL(broker, consumer: "use-an-lpa", version: "c1")

            // pacts-for-verification: verified from the provider's main branch, so not pending.
            let pact = try #require(try await broker.forVerification(Self.provider, selectors: [["branch": "main"]]).first)
            #expect(!pact.pending)
            #expect(pact.noticesBefore.contains { $0.text.hasPrefix("This pact has previously been successfully verified by a version of data-lpa-codes from branch 'main'.") },
                    "\(pact.noticesBefore.map(\.text))")

            #expect(try await badgeLabel(broker, consumer: "use-an-lpa", provider: Self.provider) == "use-an-lpa/data-lpa-codes pact: verified")

            let index = try await PageRoutingTests.page(broker, "/")
            let row = try PageRoutingTests.row(index.text, consumer: "use-an-lpa")
            #expect(row.contains(#"class="last-verified status-success""#), "\(row)")
            #expect(row.contains(Self.mark(url)), "\(row)")

            let page = try await PageRoutingTests.page(broker, "/pacts/provider/data-lpa-codes/consumer/use-an-lpa/latest")
            #expect(page.status == 200)
            #expect(page.text.contains(#"<td class="verification status-success">Verified by <code>p1</code>"#), "\(page.text.prefix(2000))")
            #expect(page.text.contains(Self.mark(url)))
        }
    }

    @Test func anIncompatibleComparisonFailsAsAFailedVerificationDoes() async throws {
        try await RunningBroker.with { broker in
            // A pact calling a path the document lacks, published before the contract.
            let nowhere = try broker.pact("use-an-lpa", Self.provider, marker: "nowhere")
            _ = try await broker.client.publish(PactPublication(pacts: [nowhere], consumerVersion: "c2", branch: "main"))
            // For comparison, a pact a verifier failed from the provider's main branch.
            try await broker.publish("Foo", version: "1", providers: ["Bar": "a"], branch: "main")
            let bar = try #require(try await broker.forVerification("Bar", selectors: [["branch": "main"]]).first)
            try await broker.verify(bar, providerVersion: "b1", success: false)

            #expect(await contracts.publishContract(broker, ProviderContractTests.body(document: try ProviderContractTests.document())).status == 200)
            let url = try await resultURL(broker, consumer: "use-an-lpa", version: "c2")

            // pacts-for-verification: still pending, as after the verifier's failure.
            let failedByVerifier = try #require(try await broker.forVerification("Bar", selectors: [["branch": "main"]]).first)
            #expect(failedByVerifier.pending)
            let pact = try #require(try await broker.forVerification(Self.provider, selectors: [["branch": "main"]]).first)
            #expect(pact.pending)
            #expect(pact.noticesBefore.contains { $0.text.hasPrefix(Self.pending) }, "\(pact.noticesBefore.map(\.text))")

            // The badge: the verifier's failure of a pact never verified reads "failed (pending)"; so does the comparison's.
            #expect(try await badgeLabel(broker, consumer: "Foo", provider: "Bar") == "foo/bar pact: failed (pending)")
            #expect(try await badgeLabel(broker, consumer: "use-an-lpa", provider: Self.provider) == "use-an-lpa/data-lpa-codes pact: failed (pending)")

            let index = try await PageRoutingTests.page(broker, "/")
            let row = try PageRoutingTests.row(index.text, consumer: "use-an-lpa")
            let fooRow = try PageRoutingTests.row(index.text, consumer: "Foo")
            #expect(fooRow.contains(#"class="last-verified status-pending""#), "\(fooRow)")
            #expect(!fooRow.contains("contract-comparison"), "a verifier's result is not marked")
            #expect(row.contains(#"class="last-verified status-pending""#), "\(row)")
            #expect(row.contains(Self.mark(url)), "\(row)")

            let page = try await PageRoutingTests.page(broker, "/pacts/provider/data-lpa-codes/consumer/use-an-lpa/latest")
            #expect(page.text.contains(#"<td class="verification status-failed">Failed by <code>p1</code>"#))
            #expect(page.text.contains(Self.mark(url)))
            let fooPage = try await PageRoutingTests.page(broker, "/pacts/provider/Bar/consumer/Foo/latest")
            #expect(fooPage.text.contains(#"<td class="verification status-failed">Failed by <code>b1</code>"#))
            #expect(!fooPage.text.contains("contract-comparison"))
        }
    }

    @Test func anUnverifiedPactPageHasNoVerificationRow() async throws {
        try await RunningBroker.with { broker in
            try await broker.publish("Foo", version: "1", providers: ["Bar": "a"], branch: "main")
            let page = try await PageRoutingTests.page(broker, "/pacts/provider/Bar/consumer/Foo/latest")
            #expect(page.status == 200)
            #expect(!page.text.contains("Last verified"))
            #expect(page.text.contains(#"<a class="matrix-link""#))
        }
    }
}
