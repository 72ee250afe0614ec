import Foundation
import PactModel
import PactOpenAPI
import TestSupport
import XCTest

/// The codes service's committed pacts against its own OpenAPI document (Fixtures/codes-service-openapi).
final class CodesServicePactTests: XCTestCase {
    private func pact(_ file: String) throws -> Pact {
        try PactReader.read(contentsOf: PackageRoot.url.appendingPathComponent("pacts").appendingPathComponent(file))
    }

    private func comparison(_ pact: Pact) throws -> OpenAPIComparison {
        let document = try OpenAPIDocumentReader.read(path: fixture("codes-service-openapi/lpa-codes-openapi-v1.yml"))
        return OpenAPIComparator(document: document).compare(pact)
    }

    /// Compatible; the one warning is the X-Ray trace header use-an-lpa sends, which the document does not list
    /// (API Gateway handles it). Requests of interactions expecting 4XX are not checked.
    func testUseAnLPAIsCompatibleWithATraceHeaderWarning() throws {
        let comparison = try comparison(pact("use-an-lpa-data-lpa-codes.json"))
        XCTAssertFalse(comparison.hasErrors)
        XCTAssertEqual(Set(comparison.results.map(\.code)), [.requestHeaderUnknown])
        XCTAssertEqual(Set(comparison.results.map(\.message)), ["Request header is not defined in the spec file: x-amzn-trace-id"])
        XCTAssertEqual(comparison.results.map(\.mockDetails.location), [0, 1, 2, 3, 5, 6, 8, 9, 10, 11, 12].map {
            "[root].interactions[\($0)].request.headers.x-amzn-trace-id"
        })
    }

    /// The document requires the `sigv4` API key (`Authorization` header) on every operation. The 2020 Sirius pact's
    /// requests carried none (`request.authorization.missing` on each interaction expecting success); the Sirius suite
    /// now declares the SigV4 signature by pattern, so the pact is compatible without a single finding. Without the
    /// header the finding comes back: one error per interaction expecting success.
    func testSiriusIsCompatibleAndWouldNotBeWithoutItsSignature() throws {
        let sirius = try pact("sirius-data-lpa-codes.json")
        XCTAssertEqual(try comparison(sirius).results, [])

        var unsigned = sirius
        unsigned.interactions = sirius.interactions.map { interaction in
            guard case .http(var http) = interaction else { return interaction }
            http.request.headers["Authorization"] = nil
            return .http(http)
        }
        let comparison = try comparison(unsigned)
        XCTAssertEqual(comparison.errors.map(\.code), Array(repeating: .requestAuthorizationMissing, count: 11))
        XCTAssertEqual(comparison.results, comparison.errors)
        XCTAssertEqual(comparison.results.map(\.mockDetails.location), [0, 1, 2, 3, 6, 8, 9, 10, 12, 13, 14].map {
            "[root].interactions[\($0)].request.headers"
        })
        XCTAssertEqual(comparison.results.first?.specDetails.location, "[root].paths./create.post")
    }
}
