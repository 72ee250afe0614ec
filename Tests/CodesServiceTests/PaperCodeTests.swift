import CodesService
import XCTest

final class PaperCodeTests: XCTestCase {
    private let lpa = "M-1234-1234-1234"
    private let actor = "9a619d46-8712-4bfb-a49f-c14914ff319d"

    private func create(_ service: TestService) async throws -> String {
        let response = try await service.post("/v1/paper-verification-code", #"{"lpa":"\#(lpa)","actor":"\#(actor)"}"#)
        XCTAssertEqual(response.status, 200)
        XCTAssertTrue(matches(response.text, #"\{"lpa":"\#(lpa)","actor":"\#(actor)","code":"P(-[346789BCDFGHJKMPQRTVWXY]{4}){3}-[346789BCDFGHJKMPQRTVWXY]{2}"\}"#),
                      response.text)
        return try XCTUnwrap((response.json as? [String: Any])?["code"] as? String)
    }

    private func validate(_ service: TestService, _ code: String) async throws -> TestResponse {
        try await service.post("/v1/paper-verification-code/validate", #"{"code":"\#(code)"}"#)
    }

    private func expire(_ service: TestService, _ code: String, _ reason: String) async throws -> TestResponse {
        try await service.post("/v1/paper-verification-code/expire", #"{"code":"\#(code)","expiry_reason":"\#(reason)"}"#)
    }

    func testANewCodeHasNoExpiryAndSupersedesTheOldOneForAMonth() async throws {
        try await withService { service in
            let first = try await create(service)
            expectEqual(try await validate(service, first).text, #"{"lpa":"\#(lpa)","actor":"\#(actor)"}"#)
            let second = try await create(service)
            XCTAssertNotEqual(first, second)
            expectEqual(try await validate(service, first).text,
                           #"{"lpa":"\#(lpa)","actor":"\#(actor)","expiry_date":"2025-12-11","expiry_reason":"superseded"}"#)
            expectEqual(try await validate(service, second).text, #"{"lpa":"\#(lpa)","actor":"\#(actor)"}"#)
        }
    }

    func testSupersedingNeverLengthensAnExpiry() async throws {
        try await withService { service in
            let digital = try await create(service)
            expectEqual(try await expire(service, digital, "paper_to_digital").text, #"{"expiry_date":"2025-12-11"}"#)
            service.clock.advance(by: 86_400)  // now the 30-day expiry is sooner than a new month
            _ = try await create(service)
            expectEqual(try await validate(service, digital).text,
                           #"{"lpa":"\#(lpa)","actor":"\#(actor)","expiry_date":"2025-12-11","expiry_reason":"paper_to_digital"}"#)
        }
    }

    func testCreatingAPaperCodeLeavesActivationCodesAlone() async throws {
        try await withService { service in
            let activation = try await service.createCode(lpa: lpa, actor: actor)
            _ = try await create(service)
            expectEqual(try await service.details(activation)?["status_details"] as? String, "Generated")
        }
    }

    func testEachReasonGivesItsExpiry() async throws {
        try await withService { service in
            let expected = ["paper_to_digital": "2025-12-11", "first_time_use": "2027-11-11", "cancelled": "2025-11-11",
                            "superseded": "2025-12-11"]
            for (reason, date) in expected {
                let code = try await create(service)
                let response = try await expire(service, code, reason)
                XCTAssertEqual(response.status, 200, reason)
                XCTAssertEqual(response.header("Content-Type"), "application/json")
                XCTAssertEqual(response.text, #"{"expiry_date":"\#(date)"}"#, reason)
                expectEqual((try await validate(service, code).json as? [String: Any])?["expiry_reason"] as? String, reason)
            }
        }
    }

    func testAnExpiryIsOnlyEverShortened() async throws {
        try await withService { service in
            let code = try await create(service)
            expectEqual(try await expire(service, code, "cancelled").text, #"{"expiry_date":"2025-11-11"}"#)
            service.clock.advance(by: 86_400 * 10)
            expectEqual(try await expire(service, code, "first_time_use").text, #"{"expiry_date":"2025-11-11"}"#)
            let used = try await create(service)
            expectEqual(try await expire(service, used, "first_time_use").text, #"{"expiry_date":"2027-11-21"}"#)
            expectEqual(try await expire(service, used, "paper_to_digital").text, #"{"expiry_date":"2025-12-21"}"#)
            // Expired codes are still returned by validate; the consumer decides.
            expectEqual(try await validate(service, code).text,
                           #"{"lpa":"\#(lpa)","actor":"\#(actor)","expiry_date":"2025-11-11","expiry_reason":"cancelled"}"#)
        }
    }

    func testExpiringByActorNeedsExactlyOneUnexpiredCode() async throws {
        try await withService { service in
            let body = #"{"lpa":"\#(lpa)","actor":"\#(actor)","expiry_reason":"paper_to_digital"}"#
            let none = try await service.post("/v1/paper-verification-code/expire", body)
            XCTAssertEqual(none.status, 404)
            XCTAssertEqual(none.text, #"{"errors":[{"code":"OPGDATA-API-NOTFOUND","title":"Code not found"}]}"#)
            let only = try await create(service)
            expectEqual(try await service.post("/v1/paper-verification-code/expire", body).text, #"{"expiry_date":"2025-12-11"}"#)
            expectEqual((try await validate(service, only).json as? [String: Any])?["expiry_reason"] as? String, "paper_to_digital")
            // A re-issue leaves two unexpired codes for a month: then the pair is ambiguous.
            _ = try await create(service)
            expectEqual(try await service.post("/v1/paper-verification-code/expire", body).status, 404)
        }
    }

    func testUnknownCodesAreNotFound() async throws {
        try await withService { service in
            expectEqual(try await validate(service, "P-3333-4444-6666-77").status, 404)
            let response = try await expire(service, "P-3333-4444-6666-77", "cancelled")
            XCTAssertEqual(response.status, 404)
            XCTAssertEqual(response.header("Content-Type"), "application/vnd.opg-data.v1+json")
        }
    }

    func testBadRequestsNameTheField() async throws {
        try await withService { service in
            let cases: [(path: String, body: String, detail: String)] = [
                ("/v1/paper-verification-code", #"{"lpa":"700000000001","actor":"\#(actor)"}"#, "$.lpa: \"700000000001\" does not match ^M(-[0-9]{4}){3}$"),
                ("/v1/paper-verification-code", #"{"lpa":"\#(lpa)","actor":"700000000002"}"#, "$.actor: \"700000000002\" does not match ^[a-fA-F0-9]{8}"),
                ("/v1/paper-verification-code/validate", #"{"code":"P-1234"}"#, "$.code: \"P-1234\" does not match ^P(-[A-Z0-9]{4}){3}-[A-Z0-9]{2}$"),
                ("/v1/paper-verification-code/validate", #"{"code":null}"#, "$.code: must be a string, got null"),
                ("/v1/paper-verification-code/expire", #"{"code":"P-1234-1234-1234-12","expiry_reason":"lost"}"#,
                 "$.expiry_reason: \"lost\" is not one of paper_to_digital, first_time_use, cancelled, superseded"),
                ("/v1/paper-verification-code/expire", #"{"code":"P-1234-1234-1234-12"}"#, "$.expiry_reason: required field is missing"),
                ("/v1/paper-verification-code/expire", #"{"code":"P-1234-1234-1234-12","lpa":"\#(lpa)","expiry_reason":"cancelled"}"#,
                 "$.lpa: unknown field (allowed: code, expiry_reason)"),
                ("/v1/paper-verification-code/expire", #"{"lpa":"\#(lpa)","expiry_reason":"cancelled"}"#, "$.actor: required field is missing"),
            ]
            for (path, body, detail) in cases {
                let response = try await service.post(path, body)
                XCTAssertEqual(response.status, 400, body)
                XCTAssertTrue(response.errors.contains { ($0["detail"] as? String)?.hasPrefix(detail) == true }, "\(body): \(response.text)")
            }
        }
    }
}
