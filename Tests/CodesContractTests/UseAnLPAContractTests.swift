import CodesClient
import Foundation
import PactConsumer
import PactModel
import XCTest

/// Use an LPA's contract with the codes service: every interaction of its consumer tests (SPEC.md §5.4, same
/// descriptions, provider states, bodies and matchers), then the calls and error cases its client also handles.
final class UseAnLPAContractTests: XCTestCase {
    static let consumer = "use-an-lpa"

    /// The headers of every Use an LPA request; the signature and trace id vary, so only their type is fixed.
    static let requestHeaders: [String: PactValue] = [
        "Accept": .init(CodesClient.acceptHeader),
        "Content-Type": "application/json",
        "Authorization": .like("AWS4-HMAC-SHA256"),
        "x-amzn-trace-id": .like("trace-id"),
    ]
    static let jsonResponse: [String: PactValue] = ["Content-Type": .init(CodesAPI.jsonContentType)]
    static let errorResponse: [String: PactValue] = ["Content-Type": .init(CodesAPI.errorContentType)]

    let pact = ContractPacts.builder(consumer: consumer)

    // MARK: SPEC.md §5.4, row by row

    func testValidateActivationKey() async throws {
        pact.uponReceiving("a request to validate the code ISAVALIDCODE")
            .given("the activation key ISAVALIDCODE exists")
            .withRequest(.post, "/v1/validate", headers: Self.requestHeaders, body: [
                "lpa": .regex(CodesAPI.siriusUID, example: "700000000001"),
                "dob": .date("yyyy-MM-dd", example: "1959-08-10"),
                "code": .like("ISAVALIDCODE"),
            ])
            .willRespondWith(status: 200, headers: Self.jsonResponse,
                             body: ["actor": .regex(CodesAPI.siriusUID, example: "700000000001")])

        let result = try await pact.run { mock in
            try await CodesAPI.client(mock.url).validate(lpa: "700000000001", dob: "1959-08-10", code: "ISAVALIDCODE")
        }
        XCTAssertEqual(result, CodeValidation(actor: "700000000001", hasPaperVerificationCode: false))
        XCTAssertTrue(result.isValid)
    }

    func testValidateActivationKeyOfActorWithPaperVerificationCode() async throws {
        pact.uponReceiving("a request to validate the code ISAVALIDCODE")
            .given("the activation key ISAVALIDCODE exists for an actor with a paper verification code")
            .withRequest(.post, "/v1/validate", headers: Self.requestHeaders, body: [
                "lpa": .regex(CodesAPI.lpaStoreUID, example: "M-1234-1234-1234"),
                "dob": .date("yyyy-MM-dd", example: "1959-08-10"),
                "code": .like("ISAVALIDCODE"),
            ])
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: [
                "actor": .uuid("74673c83-05ba-4886-beb1-daaa36fb7984"),
                "has_paper_verification_code": .like(true),
            ])

        let result = try await pact.run { mock in
            try await CodesAPI.client(mock.url).validate(lpa: "M-1234-1234-1234", dob: "1959-08-10", code: "ISAVALIDCODE")
        }
        XCTAssertEqual(result, CodeValidation(actor: "74673c83-05ba-4886-beb1-daaa36fb7984", hasPaperVerificationCode: true))
    }

    func testMarkActivationKeyUsed() async throws {
        pact.uponReceiving("a request to revoke the code ISAVALIDCODE")
            .given("the activation key ISAVALIDCODE exists")
            .withRequest(.post, "/v1/revoke", headers: Self.requestHeaders,
                         body: ["code": .regex(CodesAPI.activationCode, example: "ISAVALIDCODE")])
            .willRespondWith(status: 200, body: ["codes revoked": 1])

        let revoked = try await pact.run { mock in try await CodesAPI.client(mock.url).markUsed(code: "ISAVALIDCODE") }
        XCTAssertEqual(revoked, 1)
    }

    func testValidateUnusedPaperVerificationCode() async throws {
        pact.uponReceiving("a request to validate the code P-1234-1234-1234-12")
            .given("the paper verification code P-1234-1234-1234-12 is valid and unused")
            .withRequest(.post, "/v1/paper-verification-code/validate", headers: Self.requestHeaders,
                         body: ["code": .regex(CodesAPI.paperCode, example: "P-1234-1234-1234-12")])
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: [
                "lpa": .regex(CodesAPI.lpaStoreUID, example: "M-7890-0400-4000"),
                "actor": .uuid("ce118b6e-d8e1-11e7-9296-cec278b6b50a"),
            ])

        let result = try await pact.run { mock in
            try await CodesAPI.client(mock.url).validatePaperVerificationCode("P-1234-1234-1234-12")
        }
        XCTAssertEqual(result, PaperVerificationCodeValidation(lpa: "M-7890-0400-4000", actor: "ce118b6e-d8e1-11e7-9296-cec278b6b50a"))
    }

    func testValidateUsedPaperVerificationCode() async throws {
        pact.uponReceiving("a request to validate the code P-5678-5678-5678-56")
            .given("the paper verification code P-5678-5678-5678-56 is valid and was used 1 year ago")
            .withRequest(.post, "/v1/paper-verification-code/validate", headers: Self.requestHeaders,
                         body: ["code": .regex(CodesAPI.paperCode, example: "P-5678-5678-5678-56")])
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: [
                "lpa": .regex(CodesAPI.lpaStoreUID, example: "M-7890-0400-4000"),
                "actor": .uuid("ce118b6e-d8e1-11e7-9296-cec278b6b50a"),
                "expiry_date": .date("yyyy-MM-dd", example: "2024-11-20"),
                "expiry_reason": "first_time_use",
            ])

        let result = try await pact.run { mock in
            try await CodesAPI.client(mock.url).validatePaperVerificationCode("P-5678-5678-5678-56")
        }
        XCTAssertEqual(result.expiryReason, .firstTimeUse)
        XCTAssertEqual(result.expiryDate, "2024-11-20")
        XCTAssertEqual(result.actor, "ce118b6e-d8e1-11e7-9296-cec278b6b50a")
    }

    func testValidateMissingPaperVerificationCodeIsNotFound() async throws {
        pact.uponReceiving("a request to validate the code P-6789-6789-6789-67")
            .given("the paper verification code P-6789-6789-6789-67 does not exist")
            .withRequest(.post, "/v1/paper-verification-code/validate", headers: Self.requestHeaders,
                         body: ["code": .regex(CodesAPI.paperCode, example: "P-6789-6789-6789-67")])
            .willRespondWith(status: 404, headers: Self.errorResponse, body: [
                "errors": .eachLike(["code": "OPGDATA-API-NOTFOUND", "title": "Code not found"]),
            ])

        let error = try await pact.run { mock in
            await caughtError { () async throws(CodesClientError) in
                try await CodesAPI.client(mock.url).validatePaperVerificationCode("P-6789-6789-6789-67")
            }
        }
        XCTAssertEqual(error, .notFound)
    }

    func testExpirePaperVerificationCodeOnFirstUse() async throws {
        pact.uponReceiving("a request to expire the code P-1234-1234-1234-12 as a first_time_use")
            .given("the paper verification code P-1234-1234-1234-12 has not got an expiry date")
            .withRequest(.post, "/v1/paper-verification-code/expire", headers: Self.requestHeaders, body: [
                "code": .regex(CodesAPI.paperCode, example: "P-1234-1234-1234-12"),
                "expiry_reason": "first_time_use",
            ])
            .willRespondWith(status: 200, headers: Self.jsonResponse,
                             body: ["expiry_date": .date("yyyy-MM-dd", example: "2027-11-20")])

        let expiry = try await pact.run { mock in
            try await CodesAPI.client(mock.url).expirePaperVerificationCode("P-1234-1234-1234-12", reason: .firstTimeUse)
        }
        XCTAssertEqual(expiry, "2027-11-20")
    }

    func testExpirePaperVerificationCodeOnTransitionToDigital() async throws {
        pact.uponReceiving("a request to expire the code P-1234-1234-1234-12 as a paper_to_digital")
            .given("the paper verification code P-1234-1234-1234-12 has not got an expiry date")
            .withRequest(.post, "/v1/paper-verification-code/expire", headers: Self.requestHeaders, body: [
                "lpa": .regex(CodesAPI.lpaStoreUID, example: "M-7890-0400-4000"),
                "actor": .uuid("ce118b6e-d8e1-11e7-9296-cec278b6b50a"),
                "expiry_reason": "paper_to_digital",
            ])
            .willRespondWith(status: 200, headers: Self.jsonResponse,
                             body: ["expiry_date": .date("yyyy-MM-dd", example: "2025-12-20")])

        let expiry = try await pact.run { mock in
            try await CodesAPI.client(mock.url).expirePaperVerificationCode(
                lpa: "M-7890-0400-4000", actor: "ce118b6e-d8e1-11e7-9296-cec278b6b50a")
        }
        XCTAssertEqual(expiry, "2025-12-20")
    }
}
