import CodesService
import XCTest

/// Replays the requests of the real Sirius pact (Fixtures/codes-service/sirius-data-lpa-codes.json, paths without
/// `/v1`) and checks the responses against its expectations and matching rules (regex `7[0-9]{11}`, type).
final class SiriusPactTests: XCTestCase {
    func testTheSiriusPactRequestsGetTheResponsesItExpects() async throws {
        let url = fixturesDirectory().appendingPathComponent("codes-service/sirius-data-lpa-codes.json")
        let pact = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let interactions = try XCTUnwrap(pact["interactions"] as? [[String: Any]])
        XCTAssertEqual(interactions.count, 4)
        try await withService { service in
            for interaction in interactions {
                let name = interaction["description"] as? String ?? "?"
                let request = try XCTUnwrap(interaction["request"] as? [String: Any])
                let expected = try XCTUnwrap(interaction["response"] as? [String: Any])
                let body = try JSONSerialization.data(withJSONObject: try XCTUnwrap(request["body"]))
                let response = try await service.client.send(
                    try XCTUnwrap(request["method"] as? String), try XCTUnwrap(request["path"] as? String), body: body,
                    headers: request["headers"] as? [String: String] ?? [:])
                XCTAssertEqual(response.status, expected["status"] as? Int, name)
                for (header, value) in expected["headers"] as? [String: String] ?? [:] {
                    XCTAssertEqual(response.header(header), value, "\(name): \(header)")
                }
                let actual = try XCTUnwrap(response.json as? [String: Any], name)
                let expectedBody = try XCTUnwrap(expected["body"] as? [String: Any])
                if let expectedCodes = expectedBody["codes"] as? [[String: Any]] {
                    let codes = try XCTUnwrap(actual["codes"] as? [[String: Any]], name)
                    XCTAssertEqual(codes.count, expectedCodes.count, name)
                    for code in codes {
                        XCTAssertEqual(Set(code.keys), ["lpa", "actor", "code"], name)
                        XCTAssertTrue(matches(code["lpa"] as? String ?? "", "7[0-9]{11}"), name)
                        XCTAssertTrue(matches(code["actor"] as? String ?? "", "7[0-9]{11}"), name)
                        XCTAssertNotNil(code["code"] as? String, name)
                    }
                } else {
                    // The 2020 pact expects errors[0].code and errors[0].message; the current service (and this one,
                    // per SPEC.md §8) sends code, title and detail, so only `code` can match.
                    let errors = try XCTUnwrap(actual["errors"] as? [[String: Any]], name)
                    XCTAssertNotNil(errors.first?["code"] as? String, name)
                    XCTAssertEqual(errors.first?["title"] as? String, "Bad payload", name)
                }
            }
        }
    }
}
