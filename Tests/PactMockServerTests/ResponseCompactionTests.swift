import Foundation
import PactModel
@testable import PactMockServer
import XCTest

/// A loader may keep a response as the bytes it is sent as; what the mock sends must not change by a byte.
final class ResponseCompactionTests: XCTestCase {
    private func rendered(_ response: HTTPResponse) -> MockResponse {
        var warnings: [String] = []
        let interaction = HTTPInteraction(info: InteractionInfo(description: "d"), request: HTTPRequest(),
                                          response: response)
        return ResponseTemplate(interaction).render(mockServerURL: nil, warnings: &warnings)
    }

    func testCompactedResponsesRenderTheSameBytesAndHeaders() throws {
        let withRules: HTTPResponse = {
            var response = HTTPResponse(status: 201, headers: ["X-Id": ["1"]],
                                        body: .json(["id": 7, "tags": ["a"]], contentType: nil))
            response.matchingRules.add(.type, category: .body, key: "$.id")
            return response
        }()
        let responses = [
            withRules,
            HTTPResponse(headers: ["Content-Type": ["application/hal+json"]], body: .json(["a": 1], contentType: nil)),
            HTTPResponse(body: .text("plain", contentType: nil)),
            HTTPResponse(body: .text("<a/>", contentType: ContentType("application/xml; charset=utf-8"))),
            HTTPResponse(body: .binary(Data([1, 2, 3]), contentType: nil)),
            HTTPResponse(status: 204), HTTPResponse(body: .empty), HTTPResponse(body: .null),
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
        var response = HTTPResponse(body: .json(["id": 1], contentType: .json))
        response.generators = Generators(categories: [.body: ["$.id": .randomInt(min: 1, max: 9)]])
        XCTAssertEqual(ResponseTemplate.compacted(response), response)
    }
}
