import Foundation
import PactModel
@testable import PactMockServer
import XCTest

/// A loader may keep a response as the bytes it is sent as; what the mock sends must not change by a byte.
final class ResponseCompactionTests: XCTestCase {
    private func rendered(_ response: PactResponse) -> MockResponse {
        var warnings: [String] = []
        let interaction = HTTPInteraction(info: InteractionInfo(description: "d"), request: PactRequest(),
                                          response: response)
        return ResponseTemplate(interaction).render(mockServerURL: nil, warnings: &warnings)
    }

    func testCompactedResponsesRenderTheSameBytesAndHeaders() throws {
        let withRules: PactResponse = {
            var response = PactResponse(status: 201, headers: ["X-Id": ["1"]],
                                        body: .json(["id": 7, "tags": ["a"]], contentType: nil))
            response.matchingRules.add(.type, category: .body, key: "$.id")
            return response
        }()
        let responses = [
            withRules,
            PactResponse(headers: ["Content-Type": ["application/hal+json"]], body: .json(["a": 1], contentType: nil)),
            PactResponse(body: .text("plain", contentType: nil)),
            PactResponse(body: .text("<a/>", contentType: ContentType("application/xml; charset=utf-8"))),
            PactResponse(body: .binary(Data([1, 2, 3]), contentType: nil)),
            PactResponse(status: 204), PactResponse(body: .empty), PactResponse(body: .null),
        ]
        for response in responses {
            let compact = ResponseTemplate.compacted(response)
            let (before, after) = (rendered(response), rendered(compact))
            XCTAssertEqual(after.status, before.status)
            XCTAssertEqual(after.body, before.body, "\(response.body)")
            XCTAssertEqual(after.headers.map { "\($0.name): \($0.value)" }, before.headers.map { "\($0.name): \($0.value)" })
        }
        XCTAssertTrue(ResponseTemplate.compacted(withRules).matchingRules[.body].isEmpty, "rules are not kept")
    }

    func testResponsesWithGeneratorsAreKeptWhole() {
        var response = PactResponse(body: .json(["id": 1], contentType: .json))
        response.generators = Generators(categories: [.body: ["$.id": .randomInt(min: 1, max: 9)]])
        XCTAssertEqual(ResponseTemplate.compacted(response), response)
    }
}
