import Foundation
import XCTest

@testable import PactModel

/// What the reference readers accept, PactKit accepts (absent `method`, `path`, `status` take their defaults); what
/// could not be served or sent (a `null` path, a status outside 100–599, a header that would break the header block)
/// is an error naming the file and the JSON path.
final class ReaderLeniencyTests: XCTestCase {
    private let file = "pacts/consumer-provider.json"

    private func pact(request: String = #"{"method":"GET","path":"/"}"#, response: String = #"{"status":200}"#,
                      version: String = "3.0.0") -> Data {
        let type = version.hasPrefix("4") ? #""type":"Synchronous/HTTP","# : ""
        return Data(#"{"consumer":{"name":"c"},"provider":{"name":"p"},"metadata":{"pactSpecification":{"version":"\#(version)"}},"interactions":[{\#(type)"description":"d","request":\#(request),"response":\#(response)}]}"#.utf8)
    }

    private func read(_ data: Data) throws -> HTTPInteraction {
        let interactions = try PactReader.read(data: data, file: file).httpInteractions
        return try XCTUnwrap(interactions.first)
    }

    private func error(_ data: Data, line: UInt = #line) -> PactError? {
        do {
            let pact = try PactReader.read(data: data, file: file)
            XCTFail("expected an error, read \(pact)", line: line)
            return nil
        } catch {
            XCTAssertEqual(error.file, file, line: line)
            return error
        }
    }

    func testAbsentMethodPathAndStatusTakeTheReferenceDefaults() throws {
        for version in ["2.0.0", "3.0.0", "4.0"] {
            let interaction = try read(pact(request: #"{"headers":{"Accept":"text/plain"}}"#, response: #"{"body":"hi"}"#,
                                            version: version))
            XCTAssertEqual(interaction.request.method, "GET", version)
            XCTAssertEqual(interaction.request.path, "/", version)
            XCTAssertEqual(interaction.response.status, 200, version)
        }
        XCTAssertEqual(try read(pact(request: "{}", response: "{}")).request.path, "/")
    }

    func testNullIsNotAbsent() {
        let path = error(pact(request: #"{"method":"GET","path":null}"#))
        XCTAssertEqual(path?.jsonPath, "$.interactions[0].request.path")
        XCTAssertEqual(path?.reason, "expected a String, got Null")

        let method = error(pact(request: #"{"method":null,"path":"/"}"#))
        XCTAssertEqual(method?.jsonPath, "$.interactions[0].request.method")

        let status = error(pact(response: #"{"status":null}"#))
        XCTAssertEqual(status?.jsonPath, "$.interactions[0].response.status")
        XCTAssertEqual(status?.reason, "expected an Integer, got Null")
    }

    func testStatusOutsideTheHTTPRange() {
        for bad in ["9999999999", "0", "99", "600", #""1000""#] {
            let failure = error(pact(response: #"{"status":\#(bad)}"#, version: "4.0"))
            XCTAssertEqual(failure?.jsonPath, "$.interactions[0].response.status", bad)
            XCTAssertEqual(failure?.reason.hasSuffix("is not an HTTP status (100–599)"), true, failure?.reason ?? bad)
        }
        XCTAssertEqual(try read(pact(response: #"{"status":599}"#)).response.status, 599)
        XCTAssertEqual(try read(pact(response: #"{"status":"100"}"#)).response.status, 100)
    }

    func testHeaderNamesMustBeTokens() {
        for name in ["X Bad", "X:Y", "", "X\\r\\nInjected"] {
            let failure = error(pact(response: #"{"status":200,"headers":{"\#(name)":"v"}}"#))
            XCTAssertEqual(failure?.jsonPath.hasPrefix("$.interactions[0].response.headers"), true, failure?.jsonPath ?? name)
            XCTAssertEqual(failure?.reason.contains("is not an HTTP token"), true, failure?.reason ?? name)
        }
    }

    func testHeaderValuesWithoutCRLF() {
        let response = error(pact(response: #"{"status":200,"headers":{"X-A":"ok\r\nSet-Cookie: evil=1"}}"#, version: "4.0"))
        XCTAssertEqual(response?.jsonPath, "$.interactions[0].response.headers.X-A")
        XCTAssertEqual(response?.reason.contains("contains CR, LF or NUL"), true, response?.reason ?? "")

        let listed = error(pact(request: #"{"method":"GET","path":"/","headers":{"X-B":["fine","bad\n"]}}"#))
        XCTAssertEqual(listed?.jsonPath, "$.interactions[0].request.headers.X-B[1]")
    }
}
