import Foundation
import PactModel
import PactMockServer
import XCTest

/// The engine without a server: request decoding, selection and recording.
final class EngineTests: XCTestCase {
    func testArrivedRequestBecomesTheModel() {
        let request = ActualRequest.make(
            method: "POST", path: "/a b", rawQuery: "tag=x&tag=y%20z&q=a+b&flag",
            headers: [("Accept", "text/plain"), ("accept", "application/json"), ("Content-Type", "application/json")],
            body: Data(#"{"a": [1, 2]}"#.utf8), hasBody: true)
        XCTAssertEqual(request.query, [
            QueryParameter(name: "tag", values: ["x", "y z"]), QueryParameter(name: "q", values: ["a b"]),
            QueryParameter(name: "flag", values: [nil]),
        ])
        XCTAssertEqual(request.rawQuery, "tag=x&tag=y%20z&q=a+b&flag")
        XCTAssertEqual(request.headers["Accept"], ["text/plain", "application/json"])
        XCTAssertEqual(request.body, .json(["a": [1, 2]], contentType: .json))
    }

    func testBodiesFollowTheContentType() {
        func body(_ bytes: [UInt8], _ contentType: String?, hasBody: Bool = true) -> Body {
            ActualRequest.make(method: "POST", path: "/", rawQuery: nil,
                               headers: contentType.map { [("Content-Type", $0)] } ?? [], body: Data(bytes),
                               hasBody: hasBody).body
        }
        let xml = ContentType("application/xml")
        XCTAssertEqual(body(Array("{oops".utf8), "application/json"), .text("{oops", contentType: .json))
        XCTAssertEqual(body(Array("<a/>".utf8), "application/xml"), .text("<a/>", contentType: xml))
        XCTAssertEqual(body([0xFF, 0x00], "image/png"), .binary(Data([0xFF, 0x00]), contentType: ContentType("image/png")))
        XCTAssertEqual(body(Array("plain".utf8), nil), .binary(Data("plain".utf8), contentType: nil))
        XCTAssertEqual(body([], "text/plain"), .empty)
        XCTAssertEqual(body([], nil, hasBody: false), .missing)
    }

    func testLargePactOnlyMatchesTheCandidatesForMethodAndPath() {
        let pact = (0..<1000).map { interaction("item \($0)", "GET", "/items/\($0)", body: "\($0)") }
        let engine = MockEngine(interactions: pact)
        let response = engine.respond(to: PactRequest(method: "get", path: "/items/777"))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "777")
        XCTAssertEqual(engine.verification().matched.map(\.interactionIndex), [777])
        XCTAssertEqual(engine.verification().missing.count, 999)
    }

    func testMatchedRequestsBeyondTheLimitAreCountedNotKept() {
        let engine = MockEngine(interactions: [interaction("a", "GET", "/a")], maxRecordedMatches: 3)
        for _ in 0..<5 { _ = engine.respond(to: PactRequest(method: "GET", path: "/a")) }
        _ = engine.respond(to: PactRequest(method: "GET", path: "/b"))
        let verification = engine.verification()
        XCTAssertEqual(verification.matched.count, 3)
        XCTAssertEqual(verification.matchedCount, 5)
        XCTAssertEqual(verification.unexpected.count, 1)
    }

    func testMockServerURLIsUsedOnceSet() throws {
        let json = """
        [{"type": "Synchronous/HTTP", "description": "link", "request": {"method": "GET", "path": "/l"},
          "response": {"status": 200, "body": {"contentType": "application/json", "content": {"next": "http://x:1/p/2"}},
            "generators": {"body": {"$.next": {"type": "MockServerURL", "regex": ".*(/p/\\\\d+)$", "example": "http://x:1/p/2"}}}}}]
        """
        let engine = MockEngine(interactions: try interactions(json))
        engine.setServerURL("http://127.0.0.1:9")
        let response = engine.respond(to: PactRequest(method: "GET", path: "/l"))
        XCTAssertEqual(try JSONParser.parse(response.body)["next"], "http://127.0.0.1:9/p/2")
    }
}
