import CodesClient
import Foundation
import PactConsumer
import PactModel
import XCTest

/// Sirius's contract with the codes service, activation-code creation first: the four `/create` interactions of the
/// real Sirius pact (SPEC.md Appendix C, same descriptions and matchers, with the current error body), then batching.
final class SiriusContractTests: XCTestCase {
    static let consumer = "sirius"

    /// The content type, and the AWS SigV4 signature every call to the codes service carries: its API Gateway
    /// requires IAM authentication (`security: sigv4` on every operation), so Sirius signs its requests. The
    /// signature changes with each request and its date, so the pact fixes its form, not its value. (The 2020 Sirius
    /// pact left the header out; `pactkit openapi-check` reports that as `request.authorization.missing`, see
    /// docs/openapi-check.md.)
    static let requestHeaders: [String: PactValue] = [
        "Content-Type": "application/json",
        "Authorization": .regex(CodesAPI.sigV4Authorization, example: CodesAPI.authorization),
    ]
    static let jsonResponse: [String: PactValue] = ["Content-Type": .init(CodesAPI.jsonContentType)]
    static let errorResponse: [String: PactValue] = ["Content-Type": .init(CodesAPI.errorContentType)]

    let pact = ContractPacts.builder(consumer: consumer)

    /// `{"lpa","actor","code"}` as the real pact matches a created code: Sirius UIDs by pattern, the code by type.
    static func createdCode(lpa: String, actor: String, code: String) -> PactValue {
        ["lpa": .regex(CodesAPI.siriusUID, example: lpa), "actor": .regex(CodesAPI.siriusUID, example: actor), "code": .like(.init(code))]
    }

    static func lpas(_ entries: [CodeRequest]) -> PactBody {
        ["lpas": PactValue(entries.map { PactValue(["lpa": .init($0.lpa), "actor": .init($0.actor), "dob": .init($0.dob)]) })]
    }

    static let donor = CodeRequest(lpa: "700003958294", actor: "700039164827", dob: "1987-01-05")
    static let attorney = CodeRequest(lpa: "700003958294", actor: "700039590384", dob: "1954-12-25")
    static let attorney1 = CodeRequest(lpa: "700003958294", actor: "700028424928", dob: "1987-01-05")
    static let attorney2 = CodeRequest(lpa: "700003958294", actor: "700038490382", dob: "1972-08-24")

    func testCreateMultipleCodes() async throws {
        pact.uponReceiving("A valid request to generate multiple codes")
            .withRequest(.post, "/v1/create", headers: Self.requestHeaders, body: Self.lpas([Self.donor, Self.attorney]))
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: ["codes": [
                Self.createdCode(lpa: Self.donor.lpa, actor: Self.donor.actor, code: "YRMGK7DP3QTV"),
                Self.createdCode(lpa: Self.attorney.lpa, actor: Self.attorney.actor, code: "H9CW4XBJ6RKP"),
            ]])

        let codes = try await pact.run { mock in try await CodesAPI.client(mock.url).createCodes([Self.donor, Self.attorney]) }
        XCTAssertEqual(codes, [
            CreatedCode(lpa: "700003958294", actor: "700039164827", code: "YRMGK7DP3QTV"),
            CreatedCode(lpa: "700003958294", actor: "700039590384", code: "H9CW4XBJ6RKP"),
        ])
    }

    /// The real pact's check that Sirius finds each actor's code by actor, not by position.
    func testCreateCodesAnsweredInAnotherOrder() async throws {
        pact.uponReceiving("A valid request to generate a codes, but in the wrong order")
            .withRequest(.post, "/v1/create", headers: Self.requestHeaders, body: Self.lpas([Self.attorney1, Self.attorney2]))
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: ["codes": [
                Self.createdCode(lpa: Self.attorney2.lpa, actor: Self.attorney2.actor, code: "MK4PQ9RT3VWX"),
                Self.createdCode(lpa: Self.attorney1.lpa, actor: Self.attorney1.actor, code: "D8FQ3MV7TGHC"),
            ]])

        let codes = try await pact.run { mock in
            try await CodesAPI.client(mock.url).createCodes([Self.attorney1, Self.attorney2])
        }
        XCTAssertEqual(codes.code(lpa: "700003958294", actor: "700028424928")?.code, "D8FQ3MV7TGHC")
        XCTAssertEqual(codes.code(lpa: "700003958294", actor: "700038490382")?.code, "MK4PQ9RT3VWX")
        XCTAssertNil(codes.code(lpa: "700003958294", actor: "700039164827"))
    }

    func testCreateWithEmptyActorIsBadRequest() async throws {
        let entry = CodeRequest(lpa: "700003958294", actor: "", dob: "1987-01-05")
        pact.uponReceiving("An invalid request to generate a code with empty strings")
            .withRequest(.post, "/v1/create", headers: Self.requestHeaders, body: Self.lpas([entry]))
            .willRespondWith(status: 400, headers: Self.errorResponse,
                             body: .json(CodesAPI.errors(code: "OPGDATA-API-INVALIDREQUEST", title: "Bad payload")))

        let error = try await pact.run { mock in
            await caughtError { () async throws(CodesClientError) in try await CodesAPI.client(mock.url).createCodes([entry]) }
        }
        guard case .api(let status, _)? = error else { return XCTFail("expected an API error, got \(String(describing: error))") }
        XCTAssertEqual(status, 400)
        XCTAssertEqual(error?.apiErrors.map(\.code), ["OPGDATA-API-INVALIDREQUEST"])
    }

    /// One request per batch: with a batch size of 1, two entries are two requests, and the codes come back in
    /// entry order. The first request is the real pact's single-code interaction.
    func testCreateCodesInBatches() async throws {
        pact.uponReceiving("A valid request to generate a code")
            .withRequest(.post, "/v1/create", headers: Self.requestHeaders, body: Self.lpas([Self.donor]))
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: ["codes": [
                Self.createdCode(lpa: Self.donor.lpa, actor: Self.donor.actor, code: "YRMGK7DP3QTV"),
            ]])
        pact.uponReceiving("A valid request to generate a code for a second actor of the same LPA")
            .withRequest(.post, "/v1/create", headers: Self.requestHeaders, body: Self.lpas([Self.attorney]))
            .willRespondWith(status: 200, headers: Self.jsonResponse, body: ["codes": [
                Self.createdCode(lpa: Self.attorney.lpa, actor: Self.attorney.actor, code: "H9CW4XBJ6RKP"),
            ]])

        let codes = try await pact.run { mock in
            try await CodesAPI.client(mock.url).createCodes([Self.donor, Self.attorney], batchSize: 1)
        }
        XCTAssertEqual(codes.map(\.code), ["YRMGK7DP3QTV", "H9CW4XBJ6RKP"])
        XCTAssertEqual(codes.map(\.actor), ["700039164827", "700039590384"])
    }
}
