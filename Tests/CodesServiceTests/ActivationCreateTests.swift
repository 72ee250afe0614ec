import CodesService
import XCTest

final class ActivationCreateTests: XCTestCase {
    private let alphabet = "[346789BCDFGHJKMPQRTVWXY]{12}"

    func testABatchGetsOneCodePerEntryInRequestOrder() async throws {
        try await withService { service in
            let response = try await service.post("/v1/create", """
                {"lpas":[{"lpa":"700000000001","actor":"700000000003","dob":"1960-06-05"},
                         {"lpa":"M-1234-1234-1234","actor":"12ad81a9-f89d-4804-99f5-7c0c8669ac9b","dob":"1983-08-20"},
                         {"lpa":"700000000001","actor":"700000000002","dob":"1960-06-05"}]}
                """)
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.header("Content-Type"), "application/json")
            XCTAssertTrue(matches(response.text, #"\{"codes":\[\{"lpa":"700000000001","actor":"700000000003","code":"\#(alphabet)"\},"#
                + #"\{"lpa":"M-1234-1234-1234","actor":"12ad81a9-f89d-4804-99f5-7c0c8669ac9b","code":"\#(alphabet)"\},"#
                + #"\{"lpa":"700000000001","actor":"700000000002","code":"\#(alphabet)"\}\]\}"#), response.text)
            let codes = try XCTUnwrap((response.json as? [String: Any])?["codes"] as? [[String: Any]]).compactMap { $0["code"] as? String }
            XCTAssertEqual(Set(codes).count, 3)
            let details = try await service.details(codes[1])
            XCTAssertEqual(details?["dob"] as? String, "1983-08-20")
            XCTAssertEqual(details?["status_details"] as? String, "Generated")
            XCTAssertEqual(details?["active"] as? Bool, true)
            XCTAssertEqual(details?["generated_date"] as? String, "2025-11-11")
            XCTAssertEqual(details?["last_updated_date"] as? String, "2025-11-11")
            // One calendar year after the creation instant.
            XCTAssertEqual(details?["expiry_date"] as? Int, 1_794_391_200)
        }
    }

    func testCreatingAgainSupersedesTheLiveCodeForThePairOnly() async throws {
        try await withService { service in
            let first = try await service.createCode()
            let otherActor = try await service.createCode(actor: "700000000009")
            service.clock.advance(by: 86_400)
            let second = try await service.createCode()
            let old = try await service.details(first)
            XCTAssertEqual(old?["active"] as? Bool, false)
            XCTAssertEqual(old?["status_details"] as? String, "Superseded")
            XCTAssertEqual(old?["last_updated_date"] as? String, "2025-11-12")
            XCTAssertEqual(old?["generated_date"] as? String, "2025-11-11")
            expectEqual(try await service.details(second)?["active"] as? Bool, true)
            expectEqual(try await service.details(otherActor)?["status_details"] as? String, "Generated")
            let oldValidation = try await service.post("/v1/validate", #"{"lpa":"700000000001","dob":"1960-06-05","code":"\#(first)"}"#)
            XCTAssertEqual(oldValidation.text, #"{"actor":null}"#)
        }
    }

    func testRevokedAndSupersededCodesStayAsTheyAreOnANewCreate() async throws {
        try await withService { service in
            let revoked = try await service.createCode()
            _ = try await service.post("/v1/revoke", #"{"code":"\#(revoked)"}"#)
            service.clock.advance(by: 86_400 * 3)
            _ = try await service.createCode()
            let details = try await service.details(revoked)
            XCTAssertEqual(details?["status_details"] as? String, "Revoked")
            XCTAssertEqual(details?["last_updated_date"] as? String, "2025-11-11")
        }
    }

    func testCreatingAnActivationCodeLeavesPaperCodesAlone() async throws {
        try await withService { service in
            let actor = "12ad81a9-f89d-4804-99f5-7c0c8669ac9b"
            let paper = try await service.post("/v1/paper-verification-code", #"{"lpa":"M-1234-1234-1234","actor":"\#(actor)"}"#)
            let paperCode = try XCTUnwrap((paper.json as? [String: Any])?["code"] as? String)
            _ = try await service.createCode(lpa: "M-1234-1234-1234", actor: actor)
            let validation = try await service.post("/v1/paper-verification-code/validate", #"{"code":"\#(paperCode)"}"#)
            XCTAssertEqual(validation.text, #"{"lpa":"M-1234-1234-1234","actor":"\#(actor)"}"#)
        }
    }

    func testAnEmptyBatchGivesAnEmptyList() async throws {
        try await withService { service in
            let response = try await service.post("/v1/create", #"{"lpas":[]}"#)
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.text, #"{"codes":[]}"#)
        }
    }

    func testABadEntryRejectsTheWholeBatchAndNamesTheField() async throws {
        try await withService { service in
            let cases: [(body: String, detail: String)] = [
                (#"{}"#, "$.lpas: required field is missing"),
                (#"{"lpas":{}}"#, "$.lpas: must be an array, got object"),
                (#"{"lpas":[{"lpa":"700000000001","actor":"","dob":"1987-01-05"}]}"#, "$.lpas[0].actor: \"\" does not match 7[0-9]{11}|^"),
                (#"{"lpas":[{"lpa":"600000000001","actor":"700000000002","dob":"1987-01-05"}]}"#, "$.lpas[0].lpa: \"600000000001\" does not match"),
                (#"{"lpas":[{"lpa":"700000000001","actor":"700000000002","dob":"1987-02-30"}]}"#, "$.lpas[0].dob: \"1987-02-30\" is not a calendar date"),
                (#"{"lpas":[{"lpa":"700000000001","actor":"700000000002"}]}"#, "$.lpas[0].dob: required field is missing"),
                (#"{"lpas":[{"lpa":"700000000001","actor":700000000002,"dob":"1987-01-05"}]}"#, "$.lpas[0].actor: must be a string, got number"),
                (#"{"lpas":[{"lpa":"700000000001","actor":"700000000002","dob":"1987-01-05","x":1}]}"#, "$.lpas[0].x: unknown field"),
                (#"{"lpas":[],"extra":true}"#, "$.extra: unknown field (allowed: lpas)"),
                (#"{"lpas":["700000000001"]}"#, "$.lpas[0]: must be an object, got string"),
            ]
            for (body, detail) in cases {
                let response = try await service.post("/v1/create", body)
                XCTAssertEqual(response.status, 400, body)
                XCTAssertEqual(response.header("Content-Type"), "application/vnd.opg-data.v1+json", body)
                let details = response.errors.compactMap { $0["detail"] as? String }
                XCTAssertTrue(details.contains { $0.hasPrefix(detail) }, "\(body): \(details)")
                XCTAssertTrue(response.errors.allSatisfy { $0["code"] as? String == "OPGDATA-API-INVALIDREQUEST" && $0["title"] as? String == "Bad payload" })
            }
            let exists = try await service.post("/v1/exists", #"{"lpa":"700000000001","actor":"700000000002"}"#)
            XCTAssertEqual(exists.text, #"{"Created":null}"#, "a rejected batch wrote a code")
        }
    }

    func testTenCollidingCandidatesGiveAServerError() async throws {
        try await withService(random: ConstantRandomSource()) { service in
            let first = try await service.createCode()
            XCTAssertEqual(first, "333333333333")
            let response = try await service.post("/v1/create", #"{"lpas":[{"lpa":"700000000001","actor":"700000000005","dob":"1960-06-05"}]}"#)
            XCTAssertEqual(response.status, 500)
            XCTAssertEqual(response.text, #"{"errors":[{"code":"OPGDATA-API-SERVERERROR","title":"Internal server error"}]}"#)
            XCTAssertEqual(response.header("Content-Type"), "application/vnd.opg-data.v1+json")
            let health = try await service.client.send("GET", "/v1/healthcheck")
            XCTAssertEqual(health.status, 200)
        }
    }
}
