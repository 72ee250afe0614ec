import CodesService
import XCTest

/// validate, revoke, exists and code, including the expiry boundary.
final class ActivationLookupTests: XCTestCase {
    func testValidateNeedsAnActiveCodeWithTheSameLpaAndDob() async throws {
        try await withService { service in
            let code = try await service.createCode()
            func validate(_ lpa: String, _ dob: String, _ code: String) async throws -> String {
                try await service.post("/v1/validate", #"{"lpa":"\#(lpa)","dob":"\#(dob)","code":"\#(code)"}"#).text
            }
            expectEqual(try await validate("700000000001", "1960-06-05", code), #"{"actor":"700000000002"}"#)
            expectEqual(try await validate("700000000001", "1960-06-06", code), #"{"actor":null}"#)
            expectEqual(try await validate("700000000009", "1960-06-05", code), #"{"actor":null}"#)
            expectEqual(try await validate("700000000001", "1960-06-05", "BBBBBBBBBBBB"), #"{"actor":null}"#)
            // Validating does not use the code up.
            expectEqual(try await validate("700000000001", "1960-06-05", code), #"{"actor":"700000000002"}"#)
            _ = try await service.post("/v1/revoke", #"{"code":"\#(code)"}"#)
            expectEqual(try await validate("700000000001", "1960-06-05", code), #"{"actor":null}"#)
        }
    }

    func testValidateReportsAnUnexpiredPaperCodeForLpaStoreLpasOnly() async throws {
        try await withService { service in
            let actor = "12ad81a9-f89d-4804-99f5-7c0c8669ac9b"
            let code = try await service.createCode(lpa: "M-1234-1234-1234", actor: actor)
            let body = #"{"lpa":"M-1234-1234-1234","dob":"1960-06-05","code":"\#(code)"}"#
            expectEqual(try await service.post("/v1/validate", body).text, #"{"actor":"\#(actor)"}"#)
            let paper = try await service.post("/v1/paper-verification-code", #"{"lpa":"M-1234-1234-1234","actor":"\#(actor)"}"#)
            XCTAssertEqual(paper.status, 200)
            expectEqual(try await service.post("/v1/validate", body).text,
                           #"{"actor":"\#(actor)","has_paper_verification_code":true}"#)
            // Re-issuing supersedes the first paper code (one month), which still counts; cancelling both does not.
            _ = try await service.post("/v1/paper-verification-code", #"{"lpa":"M-1234-1234-1234","actor":"\#(actor)"}"#)
            let firstPaper = try XCTUnwrap((paper.json as? [String: Any])?["code"] as? String)
            _ = try await service.post("/v1/paper-verification-code/expire", #"{"code":"\#(firstPaper)","expiry_reason":"cancelled"}"#)
            expectEqual(try await service.post("/v1/validate", body).text,
                           #"{"actor":"\#(actor)","has_paper_verification_code":true}"#)
            _ = try await service.post("/v1/paper-verification-code/expire",
                                       #"{"lpa":"M-1234-1234-1234","actor":"\#(actor)","expiry_reason":"cancelled"}"#)
            service.clock.advance(by: 1)
            expectEqual(try await service.post("/v1/validate", body).text, #"{"actor":"\#(actor)"}"#)
        }
    }

    func testValidateIgnoresPaperCodesForSiriusLpas() async throws {
        try await withService(providerStates: true) { service in
            let code = try await service.createCode(lpa: "700000000001", actor: "700000000002")
            try await service.given("a paper verification code exists",
                                    ["code": "P-3333-4444-6666-77", "lpa": "M-1234-1234-1234", "actor": "12ad81a9-f89d-4804-99f5-7c0c8669ac9b"])
            let response = try await service.post("/v1/validate", #"{"lpa":"700000000001","dob":"1960-06-05","code":"\#(code)"}"#)
            XCTAssertEqual(response.text, #"{"actor":"700000000002"}"#)
        }
    }

    func testACodeWorksUntilTheEndOfTheDayItExpiresOn() async throws {
        try await withService { service in
            let code = try await service.createCode()  // 2025-11-11T10:00:00Z, expires 2026-11-11T10:00:00Z
            let validate = #"{"lpa":"700000000001","dob":"1960-06-05","code":"\#(code)"}"#
            let exists = #"{"lpa":"700000000001","actor":"700000000002"}"#
            for instant in ["2026-11-11T10:00:01Z", "2026-11-11T23:59:59Z"] {
                service.clock.set(try XCTUnwrap(ManualClock(iso8601: instant)?.now()))
                expectEqual(try await service.post("/v1/validate", validate).text, #"{"actor":"700000000002"}"#, instant)
                expectEqual(try await service.post("/v1/exists", exists).text, #"{"Created":"2025-11-11"}"#, instant)
                expectNotNil(try await service.details(code), instant)
            }
            service.clock.set(try XCTUnwrap(ManualClock(iso8601: "2026-11-12T00:00:00Z")?.now()))
            expectEqual(try await service.post("/v1/validate", validate).text, #"{"actor":null}"#)
            expectEqual(try await service.post("/v1/exists", exists).text, #"{"Created":null}"#)
            expectNil(try await service.details(code))
            expectEqual(try await service.post("/v1/revoke", #"{"code":"\#(code)"}"#).text, #"{"codes revoked":0}"#)
        }
    }

    func testRevokeCountsOnlyAnActiveCode() async throws {
        try await withService { service in
            let code = try await service.createCode()
            service.clock.advance(by: 86_400)
            let first = try await service.post("/v1/revoke", #"{"code":"\#(code)"}"#)
            XCTAssertEqual(first.status, 200)
            XCTAssertEqual(first.text, #"{"codes revoked":1}"#)
            expectEqual(try await service.post("/v1/revoke", #"{"code":"\#(code)"}"#).text, #"{"codes revoked":0}"#)
            expectEqual(try await service.post("/v1/revoke", #"{"code":"BBBBBBBBBBBB"}"#).text, #"{"codes revoked":0}"#)
            let details = try await service.details(code)
            XCTAssertEqual(details?["active"] as? Bool, false)
            XCTAssertEqual(details?["status_details"] as? String, "Revoked")
            XCTAssertEqual(details?["last_updated_date"] as? String, "2025-11-12")
            for body in [#"{"banana":"chipmunk"}"#, #"{"code":""}"#, #"{"code":"abc"}"#, #"{}"#] {
                let response = try await service.post("/v1/revoke", body)
                XCTAssertEqual(response.status, 400, body)
                XCTAssertNotNil(response.firstErrorDetail, body)
            }
        }
    }

    func testExistsReportsTheLiveActiveCodesCreationDate() async throws {
        try await withService(providerStates: true) { service in
            let body = #"{"lpa":"700000000001","actor":"700000000002"}"#
            expectEqual(try await service.post("/v1/exists", body).text, #"{"Created":null}"#)
            service.clock.advance(by: -86_400 * 30)
            let code = try await service.createCode()
            service.clock.advance(by: 86_400 * 30)
            let response = try await service.post("/v1/exists", body)
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.text, #"{"Created":"2025-10-12"}"#)
            _ = try await service.post("/v1/revoke", #"{"code":"\#(code)"}"#)
            expectEqual(try await service.post("/v1/exists", body).text, #"{"Created":null}"#)
            // A code without an expiry is found by lookup but not by the lpa+actor query, as in the real service.
            try await service.given("an activation code exists", ["code": "CCCCCCCCCCCC", "expiry_date": "0"])
            expectEqual(try await service.post("/v1/exists", body).text, #"{"Created":null}"#)
            expectNotNil(try await service.details("CCCCCCCCCCCC"))
            let bad = try await service.post("/v1/exists", #"{"lpa":"700000000001"}"#)
            XCTAssertEqual(bad.status, 400)
            XCTAssertEqual(bad.firstErrorDetail, "$.actor: required field is missing")
        }
    }

    func testCodeDetailsAreAOneElementArrayInTheRealFieldOrder() async throws {
        try await withService { service in
            let code = try await service.createCode()
            let response = try await service.post("/v1/code", #"{"code":"\#(code)"}"#)
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.header("Content-Type"), "application/json")
            XCTAssertEqual(response.text, #"[{"active":true,"actor":"700000000002","code":"\#(code)","dob":"1960-06-05","#
                + #""expiry_date":1794391200,"generated_date":"2025-11-11","last_updated_date":"2025-11-11","#
                + #""lpa":"700000000001","status_details":"Generated"}]"#)
            let missing = try await service.post("/v1/code", #"{"code":"BBBBBBBBBBBB"}"#)
            XCTAssertEqual(missing.status, 404)
            XCTAssertEqual(missing.header("Content-Type"), "application/vnd.opg-data.v1+json")
            XCTAssertEqual(missing.text, #"{"errors":[{"code":"OPGDATA-API-NOTFOUND","title":"Code not found"}]}"#)
            let bad = try await service.post("/v1/code", #"{"code":"abcdefghijkl"}"#)
            XCTAssertEqual(bad.status, 400)
            XCTAssertEqual(bad.firstErrorDetail, "$.code: \"abcdefghijkl\" does not match ^[A-Z0-9]{12}$")
        }
    }
}
