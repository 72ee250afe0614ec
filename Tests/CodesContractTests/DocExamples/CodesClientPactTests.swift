// doc-snippet: docs/consumer-dsl.md
import CodesClient
import PactConsumer
import TestSupport  // repo only
import XCTest

final class CodesClientPactTests: XCTestCase {
    func testValidatesAnActivationCode() async throws {
        try XCTSkipUnless(ScratchTestRun.isActive, "run by ConsumerDSLExampleTests in a scratch folder")  // repo only
        let pact = PactBuilder(consumer: "use-an-lpa", provider: "data-lpa-codes")
        pact.uponReceiving("a request to validate a code")
            .given("the activation key exists", ["code": "YSR5GNXKXAU3"])
            .withRequest(.post, "/v1/validate",
                         headers: ["Content-Type": "application/json"],
                         body: ["lpa": .regex(#"7\d{11}"#, example: "700000000047"),
                                "dob": .date("yyyy-MM-dd", example: "1960-06-05"),
                                "code": "YSR5GNXKXAU3"])
            .willRespondWith(status: 200,
                             headers: ["Content-Type": "application/json"],
                             body: ["actor": .like("700000000054")])

        try await pact.run { mockServer in
            let client = CodesClient(baseURL: mockServer.url)
            let validation = try await client.validate(lpa: "700000000047", dob: "1960-06-05", code: "YSR5GNXKXAU3")
            XCTAssertEqual(validation.actor, "700000000054")
        }
    }
}
// doc-snippet-end
