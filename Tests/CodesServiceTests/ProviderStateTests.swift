import CodesService
import XCTest

final class ProviderStateTests: XCTestCase {
    private func state(_ service: TestService, _ body: String) async throws -> TestResponse {
        try await service.post("/_pact_state", body)
    }

    func testTheHooksAreAbsentWithoutTheFlag() async throws {
        try await withService(providerStates: false) { service in
            for method in ["GET", "POST", "DELETE"] {
                for path in ["/_pact_state", "/_reset_database"] {
                    let body = method == "GET" ? nil : Data(#"{"state":"no codes exist"}"#.utf8)
                    let response = try await service.client.send(method, path, body: body)
                    XCTAssertEqual(response.status, 404, "\(method) \(path)")
                    XCTAssertEqual(response.errors.first?["code"] as? String, "OPGDATA-API-NOTFOUND")
                }
            }
            // In-process set-up stays available to verifiers that hold the service object.
            try await service.given("the activation key ISAVALIDCODE exists")
            expectNotNil(try await service.details("ISAVALIDCODE"))
        }
    }

    /// The Use an LPA interactions of SPEC.md §5.4, each after its provider state.
    func testTheRealServiceStatesSatisfyTheUseAnLpaInteractions() async throws {
        try await withService(providerStates: true) { service in
            func interaction(_ given: String, _ path: String, _ body: String) async throws -> TestResponse {
                let setup = try await state(service, #"{"state":"\#(given)","params":{},"action":"setup"}"#)
                XCTAssertEqual(setup.status, 200, "\(given): \(setup.text)")
                let response = try await service.post(path, body)
                let teardown = try await state(service, #"{"state":"\#(given)","action":"teardown"}"#)
                XCTAssertEqual(teardown.status, 200, given)
                return response
            }
            let validate = try await interaction("the activation key ISAVALIDCODE exists", "/v1/validate",
                                                 #"{"lpa":"700000000001","dob":"1959-08-10","code":"ISAVALIDCODE"}"#)
            XCTAssertEqual(validate.text, #"{"actor":"700000000002"}"#)
            let withPaper = try await interaction("the activation key ISAVALIDCODE exists for an actor with a paper verification code",
                                                  "/v1/validate", #"{"lpa":"M-1234-1234-1234","dob":"1959-08-10","code":"ISAVALIDCODE"}"#)
            XCTAssertEqual(withPaper.text, #"{"actor":"74673c83-05ba-4886-beb1-daaa36fb7984","has_paper_verification_code":true}"#)
            let revoke = try await interaction("the activation key ISAVALIDCODE exists", "/v1/revoke", #"{"code":"ISAVALIDCODE"}"#)
            XCTAssertEqual(revoke.text, #"{"codes revoked":1}"#)
            let unused = try await interaction("the paper verification code P-1234-1234-1234-12 is valid and unused",
                                               "/v1/paper-verification-code/validate", #"{"code":"P-1234-1234-1234-12"}"#)
            XCTAssertEqual(unused.text, #"{"lpa":"M-7890-0400-4000","actor":"ce118b6e-d8e1-11e7-9296-cec278b6b50a"}"#)
            let used = try await interaction("the paper verification code P-5678-5678-5678-56 is valid and was used 1 year ago",
                                             "/v1/paper-verification-code/validate", #"{"code":"P-5678-5678-5678-56"}"#)
            XCTAssertEqual(used.text, #"{"lpa":"M-7890-0400-4000","actor":"ce118b6e-d8e1-11e7-9296-cec278b6b50a","#
                + #""expiry_date":"2024-11-11","expiry_reason":"first_time_use"}"#)
            let missing = try await interaction("the paper verification code P-6789-6789-6789-67 does not exist",
                                                "/v1/paper-verification-code/validate", #"{"code":"P-6789-6789-6789-67"}"#)
            XCTAssertEqual(missing.status, 404)
            XCTAssertEqual(missing.header("Content-Type"), "application/vnd.opg-data.v1+json")
            let expireByCode = try await interaction("the paper verification code P-1234-1234-1234-12 has not got an expiry date",
                                                     "/v1/paper-verification-code/expire",
                                                     #"{"code":"P-1234-1234-1234-12","expiry_reason":"first_time_use"}"#)
            XCTAssertEqual(expireByCode.text, #"{"expiry_date":"2027-11-11"}"#)
            let expireByActor = try await interaction(
                "the paper verification code P-1234-1234-1234-12 has not got an expiry date", "/v1/paper-verification-code/expire",
                #"{"lpa":"M-7890-0400-4000","actor":"ce118b6e-d8e1-11e7-9296-cec278b6b50a","expiry_reason":"paper_to_digital"}"#)
            XCTAssertEqual(expireByActor.text, #"{"expiry_date":"2025-12-11"}"#)
        }
    }

    func testSetupReportsTheValuesItCreated() async throws {
        try await withService(providerStates: true) { service in
            let response = try await state(service, #"{"state":"the activation key YSR5GNXKXAU3 exists for lpa 700000000047 and actor 700000000054","params":{"dob":"1960-06-05"}}"#)
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.text, #"{"actor":"700000000054","code":"YSR5GNXKXAU3","dob":"1960-06-05","lpa":"700000000047"}"#)
            let validate = try await service.post("/v1/validate", #"{"lpa":"700000000047","dob":"1960-06-05","code":"YSR5GNXKXAU3"}"#)
            XCTAssertEqual(validate.text, #"{"actor":"700000000054"}"#)
        }
    }

    func testStatesForInactiveAndMissingCodes() async throws {
        try await withService(providerStates: true) { service in
            try await service.given("the activation key BBBBBBBBBBBB has been revoked")
            try await service.given("the activation key CCCCCCCCCCCC has been superseded", ["actor": "700000000009"])
            try await service.given("the activation key DDDDDDDDDDDD has expired")
            expectEqual(try await service.details("BBBBBBBBBBBB")?["status_details"] as? String, "Revoked")
            expectEqual(try await service.details("CCCCCCCCCCCC")?["status_details"] as? String, "Superseded")
            expectEqual(try await service.details("CCCCCCCCCCCC")?["actor"] as? String, "700000000009")
            expectNil(try await service.details("DDDDDDDDDDDD"))
            let validate = try await service.post("/v1/validate", #"{"lpa":"700000000001","dob":"1959-08-10","code":"DDDDDDDDDDDD"}"#)
            XCTAssertEqual(validate.text, #"{"actor":null}"#)
            try await service.given("the activation key BBBBBBBBBBBB does not exist")
            expectNil(try await service.details("BBBBBBBBBBBB"))
            try await service.given("the activation key FFFFFFFFFFFF exists")
            try await service.given("no activation key exists for lpa 700000000001 and actor 700000000002")
            expectNil(try await service.details("FFFFFFFFFFFF"))
            try await service.given("the paper verification code P-3333-3333-3333-33 has been expired as cancelled")
            let paper = try await service.post("/v1/paper-verification-code/validate", #"{"code":"P-3333-3333-3333-33"}"#)
            XCTAssertEqual(paper.text, #"{"lpa":"M-7890-0400-4000","actor":"ce118b6e-d8e1-11e7-9296-cec278b6b50a","#
                + #""expiry_date":"2025-11-11","expiry_reason":"cancelled"}"#)
        }
    }

    func testParameterisedStatesWriteExactlyWhatTheySay() async throws {
        try await withService(providerStates: true) { service in
            let response = try await state(service, """
                {"state":"an activation code exists","params":{"code":"YSR5GNXKXAU3","lpa":"M-1111-2222-3333",
                 "actor":"12ad81a9-f89d-4804-99f5-7c0c8669ac9b","dob":"1970-01-02","status":"Revoked",
                 "generated_date":"2025-01-01","expiry_date":1800000000}}
                """)
            XCTAssertEqual(response.status, 200, response.text)
            let details = try await service.post("/v1/code", #"{"code":"YSR5GNXKXAU3"}"#)
            XCTAssertEqual(details.text, #"[{"active":false,"actor":"12ad81a9-f89d-4804-99f5-7c0c8669ac9b","code":"YSR5GNXKXAU3","#
                + #""dob":"1970-01-02","expiry_date":1800000000,"generated_date":"2025-01-01","last_updated_date":"2025-01-01","#
                + #""lpa":"M-1111-2222-3333","status_details":"Revoked"}]"#)
            try await service.given("a paper verification code exists",
                                    ["code": "P-3333-4444-6666-77", "expiry_date": "2026-01-01", "expiry_reason": "first_time_use"])
            let paper = try await service.post("/v1/paper-verification-code/validate", #"{"code":"P-3333-4444-6666-77"}"#)
            XCTAssertEqual(paper.text, #"{"lpa":"M-7890-0400-4000","actor":"ce118b6e-d8e1-11e7-9296-cec278b6b50a","#
                + #""expiry_date":"2026-01-01","expiry_reason":"first_time_use"}"#)
        }
    }

    func testBadStateRequestsAreReportedNotIgnored() async throws {
        try await withService(providerStates: true) { service in
            let unknown = try await state(service, #"{"state":"generated code exists and active"}"#)
            XCTAssertEqual(unknown.status, 400)
            XCTAssertEqual(unknown.errors.first?["title"] as? String, "Unknown provider state")
            XCTAssertTrue(unknown.firstErrorDetail?.hasPrefix(#"unknown provider state "generated code exists and active"; known states: the activation key CODE exists"#) == true)
            let cases: [(body: String, detail: String)] = [
                (#"{"state":"the activation key ISAVALIDCODE exists","params":{"colour":"red"}}"#,
                 #"provider state "the activation key ISAVALIDCODE exists" does not take parameter(s) colour (it takes: lpa, actor, dob)"#),
                (#"{"state":"the activation key ISAVALIDCODE exists","params":{"lpa":"123"}}"#,
                 #"provider state "the activation key ISAVALIDCODE exists": lpa "123" does not match ^(7[0-9]{11}|(M(-[0-9]{4}){3}))$"#),
                (#"{"state":"the activation key ISAVALIDCODE exists for lpa 7001 and actor 700000000002"}"#,
                 #"provider state "the activation key ISAVALIDCODE exists for lpa 7001 and actor 700000000002": lpa "7001" does not match"#),
                (#"{"state":"an activation code exists","params":{}}"#, #"provider state "an activation code exists": code is required"#),
                (#"{"state":"no codes exist","action":"reset"}"#, #"unknown provider state action "reset"; expected setup or teardown"#),
                (#"{"state":"no codes exist","params":{"a":{"b":1}}}"#, "$.params.a: must be a scalar, got object"),
                (#"{"params":{}}"#, "$.state: required string is missing"),
            ]
            for (body, detail) in cases {
                let response = try await state(service, body)
                XCTAssertEqual(response.status, 400, body)
                XCTAssertEqual(response.firstErrorDetail.map { $0.hasPrefix(detail) }, true, "\(body): \(response.text)")
            }
            // The empty state (an interaction without provider states) is accepted and changes nothing.
            let code = try await service.createCode()
            let empty = try await state(service, #"{"state":"","action":"setup"}"#)
            XCTAssertEqual(empty.status, 200)
            XCTAssertEqual(empty.text, "{}")
            expectNotNil(try await service.details(code))
            let teardown = try await state(service, #"{"state":"nonsense","action":"teardown"}"#)
            XCTAssertEqual(teardown.status, 400)
            do {
                try await service.given("the activation key lowercase1234 exists")
                XCTFail("an unknown state was accepted in-process")
            } catch let error as ProviderStateError {
                XCTAssertEqual(error, .unknownState("the activation key lowercase1234 exists"))
            }
        }
    }

    func testResetAndTeardownEmptyTheStore() async throws {
        try await withService(providerStates: true) { service in
            let code = try await service.createCode()
            for method in ["POST", "GET"] {
                try await service.given("the activation key ISAVALIDCODE exists")
                let reset = try await service.client.send(method, "/_reset_database")
                XCTAssertEqual(reset.status, 200)
                expectNil(try await service.details("ISAVALIDCODE"), method)
                expectNil(try await service.details(code), method)
            }
            try await service.given("the paper verification code P-1234-1234-1234-12 is valid and unused")
            let teardown = try await state(service, #"{"state":"the paper verification code P-1234-1234-1234-12 is valid and unused","action":"teardown"}"#)
            XCTAssertEqual(teardown.status, 200)
            expectEqual(try await service.post("/v1/paper-verification-code/validate", #"{"code":"P-1234-1234-1234-12"}"#).status, 404)
        }
    }

    func testTheCatalogueIsListed() async throws {
        try await withService(providerStates: true) { service in
            let response = try await service.client.send("GET", "/_pact_state")
            XCTAssertEqual(response.status, 200)
            let states = try XCTUnwrap((response.json as? [String: Any])?["states"] as? [[String: Any]])
            XCTAssertEqual(states.compactMap { $0["name"] as? String }, ProviderStates.catalogue.map(\.name))
            XCTAssertEqual(Set(ProviderStates.catalogue.map(\.name)).count, ProviderStates.catalogue.count)
        }
    }
}
