import HTTPServerCore
import XCTest

/// `ServerRequest` splits its target into the decoded path and the raw query (the plain ASCII targets by a quicker
/// pass, the others character by character): both ways must agree.
final class RequestTargetTests: XCTestCase {
    func testPathAndQueryOfTargets() {
        let cases: [(target: String, path: String, query: String?)] = [
            ("/", "/", nil),
            ("/v1/revoke", "/v1/revoke", nil),
            ("/items?q=1&r=a%20b", "/items", "q=1&r=a%20b"),
            ("/items?", "/items", ""),
            ("/a?b?c", "/a", "b?c"),
            ("/a%20b?x=%3F", "/a b", "x=%3F"),
            ("/a?x#frag", "/a", "x"),
            ("/a#frag?x", "/a", nil),
            ("/a+b", "/a+b", nil),
            ("http://host:8080/p?q=1", "/p", "q=1"),
            ("http://host", "/", nil),
            ("*", "*", nil),
            ("/caf\u{E9}?x=\u{E9}", "/caf\u{E9}", "x=\u{E9}"),
            ("/a?\u{301}b", "/a?\u{301}b", nil),
        ]
        for (target, path, query) in cases {
            let request = ServerRequest(method: "GET", target: target)
            XCTAssertEqual(request.path, path, target)
            XCTAssertEqual(request.rawQuery, query, target)
        }
    }
}
