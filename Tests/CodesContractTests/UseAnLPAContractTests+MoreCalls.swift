import CodesClient
import Foundation
import PactConsumer
import PactModel
import XCTest

/// Use an LPA calls and answers its client handles that its published pact does not cover (yet): `exists`, codes
/// that do not validate, and the 400 and 404 errors.
extension UseAnLPAContractTests {
    func testActorHasActivationKey() async throws {
        pact.uponReceiving("a request to check whether actor 700000000002 has an activation key for lpa 700000000001")
            .given("the activation key ISAVALIDCODE exists")
            .withRequest(.post, "/v1/exists", headers: Self.requestHeaders, body: [
                "lpa": .regex(CodesAPI.siriusUID, example: "700000000001"),
                "actor": .regex(CodesAPI.siriusUID, example: "700000000002"),
            ])
            .willRespondWith(status: 200, headers: Self.jsonResponse,
                             body: ["Created": .date("yyyy-MM-dd", example: "2025-11-11")])

        let existence = try await pact.run { mock in
            try await CodesAPI.client(mock.url).exists(lpa: "700000000001", actor: "700000000002")
        }
        XCTAssertEqual(existence, CodeExistence(created: "2025-11-11"))
        XCTAssertTrue(existence.exists)
    }

    func testActorHasNoActivationKey() async throws {
        pact.uponReceiving("a request to check whether actor 700000000003 has an activation key for lpa 700000000001")
            .given("no activation key exists for lpa 700000000001 and actor 700000000003")
            .withRequest(.post, "/v1/exists", headers: Self.requestHeaders, body: [
                "lpa": .regex(CodesAPI.siriusUID, example: "700000000001"),
                "actor": .regex(CodesAPI.siriusUID, example: "700000000003"),
            ])
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: ["Created": nil])

        let existence = try await pact.run { mock in
            try await CodesAPI.client(mock.url).exists(lpa: "700000000001", actor: "700000000003")
        }
        XCTAssertEqual(existence, CodeExistence(created: nil))
        XCTAssertFalse(existence.exists)
    }

    func testValidateUnknownActivationKeyGivesNoActor() async throws {
        pact.uponReceiving("a request to validate the code NOTAVALIDKEY")
            .given("the activation key NOTAVALIDKEY does not exist")
            .withRequest(.post, "/v1/validate", headers: Self.requestHeaders, body: [
                "lpa": .regex(CodesAPI.siriusUID, example: "700000000001"),
                "dob": .date("yyyy-MM-dd", example: "1959-08-10"),
                "code": .like("NOTAVALIDKEY"),
            ])
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: ["actor": nil])

        let result = try await pact.run { mock in
            try await CodesAPI.client(mock.url).validate(lpa: "700000000001", dob: "1959-08-10", code: "NOTAVALIDKEY")
        }
        XCTAssertEqual(result, CodeValidation(actor: nil))
        XCTAssertFalse(result.isValid)
    }

    func testMarkUnknownActivationKeyUsedRevokesNothing() async throws {
        pact.uponReceiving("a request to revoke the code NOTAVALIDKEY")
            .given("the activation key NOTAVALIDKEY does not exist")
            .withRequest(.post, "/v1/revoke", headers: Self.requestHeaders,
                         body: ["code": .regex(CodesAPI.activationCode, example: "NOTAVALIDKEY")])
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: ["codes revoked": 0])

        let revoked = try await pact.run { mock in try await CodesAPI.client(mock.url).markUsed(code: "NOTAVALIDKEY") }
        XCTAssertEqual(revoked, 0)
    }

    func testValidateWithEmptyCodeIsBadRequest() async throws {
        pact.uponReceiving("a request to validate an activation key with an empty code")
            .withRequest(.post, "/v1/validate", headers: Self.requestHeaders,
                         body: ["lpa": "700000000001", "dob": "1959-08-10", "code": ""])
            .willRespondWith(status: 400, headers: Self.errorResponse,
                             body: .json(CodesAPI.errors(code: "OPGDATA-API-INVALIDREQUEST", title: "Bad payload")))

        let error = try await pact.run { mock in
            await caughtError { () async throws(CodesClientError) in
                try await CodesAPI.client(mock.url).validate(lpa: "700000000001", dob: "1959-08-10", code: "")
            }
        }
        guard case .api(let status, _)? = error else { return XCTFail("expected an API error, got \(String(describing: error))") }
        XCTAssertEqual(status, 400)
        XCTAssertEqual(error?.apiErrors, [CodesAPIError(code: "OPGDATA-API-INVALIDREQUEST", title: "Bad payload")])
    }

    func testValidateMalformedPaperVerificationCodeIsBadRequest() async throws {
        pact.uponReceiving("a request to validate the malformed paper verification code P-1234")
            .withRequest(.post, "/v1/paper-verification-code/validate", headers: Self.requestHeaders, body: ["code": "P-1234"])
            .willRespondWith(status: 400, headers: Self.errorResponse,
                             body: .json(CodesAPI.errors(code: "OPGDATA-API-INVALIDREQUEST", title: "Bad payload")))

        let error = try await pact.run { mock in
            await caughtError { () async throws(CodesClientError) in
                try await CodesAPI.client(mock.url).validatePaperVerificationCode("P-1234")
            }
        }
        guard case .api(let status, _)? = error else { return XCTFail("expected an API error, got \(String(describing: error))") }
        XCTAssertEqual(status, 400)
        XCTAssertEqual(error?.apiErrors.map(\.code), ["OPGDATA-API-INVALIDREQUEST"])
    }

    func testExpireMissingPaperVerificationCodeIsNotFound() async throws {
        pact.uponReceiving("a request to expire the code P-6789-6789-6789-67 as a first_time_use")
            .given("the paper verification code P-6789-6789-6789-67 does not exist")
            .withRequest(.post, "/v1/paper-verification-code/expire", headers: Self.requestHeaders, body: [
                "code": .regex(CodesAPI.paperCode, example: "P-6789-6789-6789-67"),
                "expiry_reason": "first_time_use",
            ])
            .willRespondWith(status: 404, headers: Self.errorResponse,
                             body: .json(CodesAPI.errors(code: "OPGDATA-API-NOTFOUND", title: "Code not found")))

        let error = try await pact.run { mock in
            await caughtError { () async throws(CodesClientError) in
                try await CodesAPI.client(mock.url).expirePaperVerificationCode("P-6789-6789-6789-67", reason: .firstTimeUse)
            }
        }
        XCTAssertEqual(error, .notFound)
    }
}
