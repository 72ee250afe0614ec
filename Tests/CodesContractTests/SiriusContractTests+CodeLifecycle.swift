import CodesClient
import Foundation
import PactConsumer
import PactModel
import XCTest

/// Sirius's other calls: revoking codes, reading a code's details, checking an actor has a code, and creating
/// paper verification codes; each with the answers for codes that are live, revoked, expired or unknown.
extension SiriusContractTests {
    static let liveState = "the activation key YRMGK7DP3QTV exists for lpa 700000000047 and actor 700000000054"

    func testRevokeLiveCode() async throws {
        pact.uponReceiving("a request to revoke the code YRMGK7DP3QTV")
            .given("the activation key YRMGK7DP3QTV exists")
            .withRequest(.post, "/v1/revoke", headers: Self.requestHeaders, body: ["code": "YRMGK7DP3QTV"])
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: ["codes revoked": 1])

        let revoked = try await pact.run { mock in try await CodesAPI.client(mock.url).revoke(code: "YRMGK7DP3QTV") }
        XCTAssertEqual(revoked, 1)
    }

    func testRevokeRevokedCodeRevokesNothing() async throws {
        pact.uponReceiving("a request to revoke the code H9CW4XBJ6RKP")
            .given("the activation key H9CW4XBJ6RKP has been revoked")
            .withRequest(.post, "/v1/revoke", headers: Self.requestHeaders, body: ["code": "H9CW4XBJ6RKP"])
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: ["codes revoked": 0])

        let revoked = try await pact.run { mock in try await CodesAPI.client(mock.url).revoke(code: "H9CW4XBJ6RKP") }
        XCTAssertEqual(revoked, 0)
    }

    func testRevokeWithMalformedCodeIsBadRequest() async throws {
        pact.uponReceiving("a request to revoke the malformed code yrmgk7dp3qtv")
            .withRequest(.post, "/v1/revoke", headers: Self.requestHeaders, body: ["code": "yrmgk7dp3qtv"])
            .willRespondWith(status: 400, headers: Self.errorResponse,
                             body: .json(CodesAPI.errors(code: "OPGDATA-API-INVALIDREQUEST", title: "Bad payload")))

        let error = try await pact.run { mock in
            await caughtError { () async throws(CodesClientError) in try await CodesAPI.client(mock.url).revoke(code: "yrmgk7dp3qtv") }
        }
        guard case .api(let status, _)? = error else { return XCTFail("expected an API error, got \(String(describing: error))") }
        XCTAssertEqual(status, 400)
    }

    func testDetailsOfLiveCode() async throws {
        pact.uponReceiving("a request for the details of the code YRMGK7DP3QTV")
            .given(Self.liveState)
            .withRequest(.post, "/v1/code", headers: Self.requestHeaders, body: ["code": "YRMGK7DP3QTV"])
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: [[
                "active": true, "actor": "700000000054", "code": "YRMGK7DP3QTV",
                "dob": .date("yyyy-MM-dd", example: "1959-08-10"), "expiry_date": .integer(1_794_000_000),
                "generated_date": .date("yyyy-MM-dd", example: "2025-11-11"),
                "last_updated_date": .date("yyyy-MM-dd", example: "2025-11-11"),
                "lpa": "700000000047", "status_details": "Generated",
            ]])

        let details = try await pact.run { mock in try await CodesAPI.client(mock.url).codeDetails(code: "YRMGK7DP3QTV") }
        XCTAssertEqual(details, ActivationCodeDetails(
            active: true, actor: "700000000054", code: "YRMGK7DP3QTV", dob: "1959-08-10", expiryDate: 1_794_000_000,
            generatedDate: "2025-11-11", lastUpdatedDate: "2025-11-11", lpa: "700000000047", status: .generated))
    }

    func testDetailsOfRevokedCode() async throws {
        pact.uponReceiving("a request for the details of the code H9CW4XBJ6RKP")
            .given("the activation key H9CW4XBJ6RKP has been revoked")
            .withRequest(.post, "/v1/code", headers: Self.requestHeaders, body: ["code": "H9CW4XBJ6RKP"])
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: [[
                "active": false, "actor": .regex(CodesAPI.siriusUID, example: "700000000002"), "code": "H9CW4XBJ6RKP",
                "dob": .date("yyyy-MM-dd", example: "1959-08-10"), "expiry_date": .integer(1_794_000_000),
                "generated_date": .date("yyyy-MM-dd", example: "2025-11-11"),
                "last_updated_date": .date("yyyy-MM-dd", example: "2025-11-12"),
                "lpa": .regex(CodesAPI.siriusUID, example: "700000000001"), "status_details": "Revoked",
            ]])

        let details = try await pact.run { mock in try await CodesAPI.client(mock.url).codeDetails(code: "H9CW4XBJ6RKP") }
        XCTAssertFalse(details.active)
        XCTAssertEqual(details.status, .revoked)
        XCTAssertEqual(details.lastUpdatedDate, "2025-11-12")
    }

    func testDetailsOfUnknownCodeIsNotFound() async throws {
        pact.uponReceiving("a request for the details of the code D8FQ3MV7TGHC")
            .given("the activation key D8FQ3MV7TGHC does not exist")
            .withRequest(.post, "/v1/code", headers: Self.requestHeaders, body: ["code": "D8FQ3MV7TGHC"])
            .willRespondWith(status: 404, headers: Self.errorResponse,
                             body: .json(CodesAPI.errors(code: "OPGDATA-API-NOTFOUND", title: "Code not found")))

        let error = try await pact.run { mock in
            await caughtError { () async throws(CodesClientError) in try await CodesAPI.client(mock.url).codeDetails(code: "D8FQ3MV7TGHC") }
        }
        XCTAssertEqual(error, .notFound)
    }

    func testDetailsOfExpiredCodeIsNotFound() async throws {
        pact.uponReceiving("a request for the details of the code W6JX9BPC4YDM")
            .given("the activation key W6JX9BPC4YDM has expired")
            .withRequest(.post, "/v1/code", headers: Self.requestHeaders, body: ["code": "W6JX9BPC4YDM"])
            .willRespondWith(status: 404, headers: Self.errorResponse,
                             body: .json(CodesAPI.errors(code: "OPGDATA-API-NOTFOUND", title: "Code not found")))

        let error = try await pact.run { mock in
            await caughtError { () async throws(CodesClientError) in try await CodesAPI.client(mock.url).codeDetails(code: "W6JX9BPC4YDM") }
        }
        XCTAssertEqual(error, .notFound)
    }

    func testActorHasCode() async throws {
        pact.uponReceiving("a request to check whether actor 700000000054 has a code for lpa 700000000047")
            .given(Self.liveState)
            .withRequest(.post, "/v1/exists", headers: Self.requestHeaders, body: ["lpa": "700000000047", "actor": "700000000054"])
            .willRespondWith(status: 200, headers: Self.jsonResponse,
                             body: ["Created": .date("yyyy-MM-dd", example: "2025-11-11")])

        let existence = try await pact.run { mock in
            try await CodesAPI.client(mock.url).exists(lpa: "700000000047", actor: "700000000054")
        }
        XCTAssertEqual(existence.created, "2025-11-11")
    }

    func testActorHasNoCode() async throws {
        pact.uponReceiving("a request to check whether actor 700000000061 has a code for lpa 700000000047")
            .given("no activation key exists for lpa 700000000047 and actor 700000000061")
            .withRequest(.post, "/v1/exists", headers: Self.requestHeaders, body: ["lpa": "700000000047", "actor": "700000000061"])
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: ["Created": nil])

        let existence = try await pact.run { mock in
            try await CodesAPI.client(mock.url).exists(lpa: "700000000047", actor: "700000000061")
        }
        XCTAssertFalse(existence.exists)
    }

    func testCreatePaperVerificationCode() async throws {
        let lpa = "M-3456-7890-1234", actor = "9a619d46-8712-4bfb-a49f-c14914ff319d"
        pact.uponReceiving("a request to create a paper verification code for actor \(actor) on lpa \(lpa)")
            .withRequest(.post, "/v1/paper-verification-code", headers: Self.requestHeaders, body: ["lpa": .init(lpa), "actor": .init(actor)])
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: [
                "lpa": .init(lpa), "actor": .init(actor), "code": .regex(CodesAPI.paperCode, example: "P-7KCM-4QRT-9BXW-3D"),
            ])

        let created = try await pact.run { mock in
            try await CodesAPI.client(mock.url).createPaperVerificationCode(lpa: lpa, actor: actor)
        }
        XCTAssertEqual(created, CreatedPaperVerificationCode(lpa: lpa, actor: actor, code: "P-7KCM-4QRT-9BXW-3D"))
    }

    func testCreatePaperVerificationCodeForSiriusLpaIsBadRequest() async throws {
        let actor = "9a619d46-8712-4bfb-a49f-c14914ff319d"
        pact.uponReceiving("a request to create a paper verification code for a Sirius lpa")
            .withRequest(.post, "/v1/paper-verification-code", headers: Self.requestHeaders,
                         body: ["lpa": "700000000047", "actor": .init(actor)])
            .willRespondWith(status: 400, headers: Self.errorResponse,
                             body: .json(CodesAPI.errors(code: "OPGDATA-API-INVALIDREQUEST", title: "Bad payload")))

        let error = try await pact.run { mock in
            await caughtError { () async throws(CodesClientError) in
                try await CodesAPI.client(mock.url).createPaperVerificationCode(lpa: "700000000047", actor: actor)
            }
        }
        guard case .api(let status, _)? = error else { return XCTFail("expected an API error, got \(String(describing: error))") }
        XCTAssertEqual(status, 400)
        XCTAssertEqual(error?.apiErrors.first?.title, "Bad payload")
    }
}
