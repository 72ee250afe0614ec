import Foundation
import HTTPServerCore
import PactMatching
import PactModel
import PactVerifier
import XCTest

/// Providers that answer, but not as the pact says.
final class ResponseMismatchTests: XCTestCase {
    private let codePact = Pacts.http(
        "a request for a code", states: #"[{"name": "a code exists", "params": {"code": "ABC123"}}]"#,
        request: #"{"method": "GET", "path": "/v1/codes/ABC123", "headers": {"Accept": ["application/json"]}}"#,
        response: """
            {"status": 200, "headers": {"Content-Type": ["application/json"], "X-Version": ["2"]},
             "body": {"contentType": "application/json", "content": {"actor": "700000000047", "used": false, "count": 3}},
             "matchingRules": {"body": {"$.count": {"combine": "AND", "matchers": [{"match": "integer"}]},
                                        "$.used": {"combine": "AND", "matchers": [{"match": "type"}]}}}}
            """)

    private func verify(answer: @escaping @Sendable (ServerRequest) -> ServerResponse) async throws -> VerificationReport {
        let provider = try await TestProvider.start(answer)
        let report = await (try Verifier.against(provider.url)).verify(pacts: [try Pacts.v4(codePact)])
        await provider.stop()
        return report
    }

    func testAMatchingResponsePasses() async throws {
        let report = try await verify { _ in
            .json(#"{"actor": "700000000047", "used": true, "count": 12, "extra": "allowed"}"#, headers: [("X-Version", "2")])
        }
        let result = try report.single()
        XCTAssertEqual(result.status, .passed, "\(result.mismatches) \(result.errors)")
        XCTAssertEqual(result.request, "GET /v1/codes/ABC123")
        XCTAssertEqual(report.exitCode, 0)
    }

    func testWrongStatusFailsWithExpectedAndActual() async throws {
        let report = try await verify { _ in .json(#"{"error": "not found"}"#, status: 404) }
        let result = try report.single()
        XCTAssertEqual(result.status, .failed)
        let status = try XCTUnwrap(result.mismatches.first { $0.kind == .status })
        XCTAssertEqual(status.expected, "200")
        XCTAssertEqual(status.actual, "404")
        XCTAssertEqual(report.exitCode, 1)
        XCTAssertTrue(report.renderConsole(colour: false).contains("status"), report.renderConsole(colour: false))
    }

    func testMissingKeyNamesItsPath() async throws {
        let report = try await verify { _ in .json(#"{"used": false, "count": 3}"#, headers: [("X-Version", "2")]) }
        let result = try report.single()
        XCTAssertEqual(result.status, .failed)
        XCTAssertEqual(result.mismatches.count, 1, "\(result.mismatches)")
        let mismatch = try XCTUnwrap(result.mismatches.first)
        XCTAssertEqual(mismatch.kind, .body)
        XCTAssertEqual(mismatch.path, "$")
        XCTAssertTrue(mismatch.message.contains("missing the following keys: actor"), mismatch.message)
        XCTAssertEqual(report.exitCode, 1)
        let console = report.renderConsole(colour: false)
        XCTAssertTrue(console.contains("body $: Actual map is missing the following keys: actor"), console)
        XCTAssertTrue(console.contains("FAILED"), console)
    }

    func testWrongTypeNamesPathExpectedAndActual() async throws {
        let report = try await verify { _ in
            .json(#"{"actor": "700000000047", "used": "no", "count": 3.5}"#, headers: [("X-Version", "2")])
        }
        let result = try report.single()
        XCTAssertEqual(result.status, .failed)
        let paths = Set(result.mismatches.map(\.path))
        XCTAssertEqual(paths, ["$.used", "$.count"], "\(result.mismatches)")
        let used = try XCTUnwrap(result.mismatches.first { $0.path == "$.used" })
        XCTAssertEqual(used.actual, #""no""#)
        XCTAssertTrue(used.message.contains("Boolean") || used.message.contains("type"), used.message)
        let console = report.renderConsole(colour: false)
        XCTAssertTrue(console.contains("body $.used: "), console)
        XCTAssertTrue(console.contains("expected: false"), console)
        XCTAssertTrue(console.contains(#"actual:   "no""#), console)
    }

    func testUnexpectedHeaderValueNamesTheHeader() async throws {
        let report = try await verify { _ in
            .json(#"{"actor": "700000000047", "used": false, "count": 3}"#, headers: [("X-Version", "3")])
        }
        let result = try report.single()
        XCTAssertEqual(result.status, .failed)
        let header = try XCTUnwrap(result.mismatches.first)
        XCTAssertEqual(result.mismatches.count, 1)
        XCTAssertEqual(header.kind, .header)
        XCTAssertEqual(header.path, "X-Version")
        XCTAssertEqual(header.expected, "2")
        XCTAssertEqual(header.actual, "3")
        XCTAssertEqual(report.exitCode, 1)
    }

    func testTheRequestIsSentAsThePactSays() async throws {
        let pact = try Pacts.v4(Pacts.http(
            "create codes",
            request: """
                {"method": "POST", "path": "/v1/codes/a b", "query": {"lpa": ["M-1234+5"], "flag": ["x", "y"]},
                 "headers": {"Authorization": ["Bearer consumer"], "X-Request-Id": ["r-1"]},
                 "body": {"contentType": "application/json", "content": {"lpas": ["M-1"]}}}
                """,
            response: #"{"status": 201}"#))
        let provider = try await TestProvider.start { _ in ServerResponse(status: 201) }
        let verifier = try Verifier.against(provider.url.appendingPathComponent("root")) { configuration in
            configuration.basePath = "api/"
            configuration.customHeaders = [("X-Extra", "yes")]
            configuration.requestFilter = { request in
                request.setHeader("Authorization", "Bearer provider-token")
            }
        }
        let report = await verifier.verify(pacts: [pact])
        await provider.stop()
        XCTAssertEqual(try report.single().status, .passed)
        let request = try XCTUnwrap(provider.requests.first)
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.path, "/root/api/v1/codes/a b")
        // A V4 query is a JSON object, read in name order.
        XCTAssertEqual(request.rawQuery, "flag=x&flag=y&lpa=M-1234%2B5")
        XCTAssertEqual(request.header("Authorization"), "Bearer provider-token")
        XCTAssertEqual(request.header("X-Request-Id"), "r-1")
        XCTAssertEqual(request.header("X-Extra"), "yes")
        XCTAssertEqual(request.header("Content-Type"), "application/json")
        XCTAssertEqual(try JSONParser.parse(request.body), ["lpas": ["M-1"]])
    }

    func testRedirectsAreReturnedNotFollowed() async throws {
        let pact = try Pacts.v4(Pacts.http(
            "an old address", request: #"{"method": "GET", "path": "/old"}"#,
            response: #"{"status": 301, "headers": {"Location": ["/new"]}}"#))
        let provider = try await TestProvider.start { request in
            request.path == "/old" ? ServerResponse(status: 301, headers: [("Location", "/new")]) : .json("{}")
        }
        let report = await (try Verifier.against(provider.url)).verify(pacts: [pact])
        await provider.stop()
        let result = try report.single()
        XCTAssertEqual(result.status, .passed, "\(result.mismatches)")
        XCTAssertEqual(provider.requests.map(\.path), ["/old"])
    }

    func testCookiesAreNeitherStoredNorSent() async throws {
        let pact = try Pacts.v4(Pacts.get("first", path: "/login"), Pacts.get("second", path: "/me"))
        let provider = try await TestProvider.start { _ in
            .json(#"{"ok": true}"#, headers: [("Set-Cookie", "session=secret; Path=/")])
        }
        let report = await (try Verifier.against(provider.url)).verify(pacts: [pact])
        await provider.stop()
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertEqual(provider.requests.count, 2)
        XCTAssertNil(provider.requests.last?.header("Cookie"))
    }
}
