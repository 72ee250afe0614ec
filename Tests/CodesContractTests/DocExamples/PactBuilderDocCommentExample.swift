import CodesClient
import PactConsumer
import TestSupport
import XCTest

/// The example of `PactBuilder`'s doc comment, which `ConsumerDSLExampleTests` runs in a scratch folder (it writes
/// `pacts/use-an-lpa-data-lpa-codes.json` under the working directory, as a reader's copy would).
final class PactBuilderDocCommentExample: XCTestCase {
    func testTheDocCommentExample() async throws {
        try XCTSkipUnless(ScratchTestRun.isActive, "run by ConsumerDSLExampleTests in a scratch folder")
        // doc-snippet: Sources/PactConsumer/DSL/PactBuilder.swift
        let pact = PactBuilder(consumer: "use-an-lpa", provider: "data-lpa-codes")
        pact.uponReceiving("a request to validate a code")
            .given("the activation key exists", ["code": "YSR5GNXKXAU3"])
            .withRequest(.post, "/v1/validate", body: ["lpa": "700000000047", "dob": "1960-06-05",
                                                       "code": .regex(#"[A-Z0-9]{12}"#, example: "YSR5GNXKXAU3")])
            .willRespondWith(status: 200, body: ["actor": .like("700000000054")])
        try await pact.run { mockServer in
            let validation = try await CodesClient(baseURL: mockServer.url)
                .validate(lpa: "700000000047", dob: "1960-06-05", code: "YSR5GNXKXAU3")
            XCTAssertEqual(validation.actor, "700000000054")
        }
        // doc-snippet-end
    }
}
