import Foundation
import XCTest

@testable import PactModel

/// Bad pact files give a PactError naming the file, the JSON path and the reason, and never crash the reader.
final class BadInputTests: XCTestCase {
    private let file = "bad.json"

    /// Reads `text` and returns the error it must produce.
    private func error(_ text: String, line: UInt = #line) -> PactError? {
        do {
            let pact = try PactReader.read(data: Data(text.utf8), file: file)
            XCTFail("expected an error, read \(pact)", line: line)
            return nil
        } catch {
            XCTAssertEqual(error.file, file, line: line)
            return error
        }
    }

    private func v4Pact(interaction: String) -> String {
        #"{"consumer":{"name":"c"},"provider":{"name":"p"},"metadata":{"pactSpecification":{"version":"4.0"}},"interactions":[\#(interaction)]}"#
    }

    private func v3Pact(request: String, interactions: Int = 1) -> String {
        let good = #"{"description":"ok","request":{"method":"GET","path":"/"},"response":{"status":200}}"#
        let bad = #"{"description":"bad","request":\#(request),"response":{"status":200}}"#
        let list = Array(repeating: good, count: interactions - 1) + [bad]
        return #"{"consumer":{"name":"c"},"provider":{"name":"p"},"metadata":{"pactSpecification":{"version":"3.0.0"}},"interactions":[\#(list.joined(separator: ","))]}"#
    }

    func testNotJSONReportsLineAndColumn() {
        let failure = error("{\n  \"consumer\": {\"name\": \"c\"},\n  oops\n}")
        XCTAssertEqual(failure?.jsonPath, "$")
        XCTAssertEqual(failure?.reason.hasPrefix("line 3, column 3: "), true, failure?.reason ?? "")
        XCTAssertEqual(error("")?.jsonPath, "$")
    }

    func testWrongTypes() {
        let method = error(v3Pact(request: #"{"method":42,"path":"/"}"#, interactions: 4))
        XCTAssertEqual(method?.jsonPath, "$.interactions[3].request.method")
        XCTAssertEqual(method?.reason, "expected a String, got Integer")

        let root = error("[1, 2]")
        XCTAssertEqual(root?.jsonPath, "$")
        XCTAssertEqual(root?.reason, "expected a Map, got List")

        let headers = error(v3Pact(request: #"{"method":"GET","path":"/","headers":{"X":{"a":1}}}"#))
        XCTAssertEqual(headers?.jsonPath, "$.interactions[0].request.headers.X")
        XCTAssertEqual(headers?.reason, "expected a String, got Map")

        let query = error(v3Pact(request: #"{"method":"GET","path":"/","query":7}"#))
        XCTAssertEqual(query?.jsonPath, "$.interactions[0].request.query")
        XCTAssertEqual(query?.reason, "expected a String or a Map, got Integer")

        let status = error(#"{"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":[{"description":"d","request":{"method":"GET","path":"/"},"response":{"status":"ok"}}]}"#)
        XCTAssertEqual(status?.jsonPath, "$.interactions[0].response.status")
        XCTAssertEqual(status?.reason, "expected an Integer, got String")

        let version = error(#"{"consumer":{"name":"c"},"provider":{"name":"p"},"metadata":{"pactSpecification":{"version":"banana"}}}"#)
        XCTAssertEqual(version?.jsonPath, "$.metadata.pactSpecification.version")
        XCTAssertEqual(version?.reason, "unknown specification version 'banana'")
    }

    func testMissingRequiredFields() {
        let description = error(#"{"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":[{"request":{"method":"GET","path":"/"},"response":{"status":200}}]}"#)
        XCTAssertEqual(description?.jsonPath, "$.interactions[0]")
        XCTAssertEqual(description?.reason, "missing required field 'description'")

        let consumer = error(#"{"consumer":{},"provider":{"name":"p"}}"#)
        XCTAssertEqual(consumer?.jsonPath, "$.consumer")
        XCTAssertEqual(consumer?.reason, "missing required field 'name'")

        let provider = error(#"{"consumer":{"name":"c"}}"#)
        XCTAssertEqual(provider?.jsonPath, "$")
        XCTAssertEqual(provider?.reason, "missing required field 'provider'")

        let type = error(v4Pact(interaction: #"{"description":"d","request":{"method":"GET","path":"/"},"response":{"status":200}}"#))
        XCTAssertEqual(type?.jsonPath, "$.interactions[0]")
        XCTAssertEqual(type?.reason, "missing required field 'type'")
    }

    func testUnknownV4InteractionType() {
        let failure = error(v4Pact(interaction: #"{"type":"Asynchronous/Carrier-Pigeon","description":"d"}"#))
        XCTAssertEqual(failure?.jsonPath, "$.interactions[0].type")
        XCTAssertEqual(failure?.reason.hasPrefix("unknown interaction type 'Asynchronous/Carrier-Pigeon'"), true, failure?.reason ?? "")
    }

    func testUnknownMatcherFromTheRulesCodec() {
        let failure = error(v3Pact(request: #"{"method":"GET","path":"/","matchingRules":{"body":{"$.a":{"matchers":[{"match":"telepathy"}]}}}}"#))
        XCTAssertEqual(failure?.jsonPath, "$.interactions[0].request.matchingRules.body['$.a'].matchers[0].match")
        XCTAssertEqual(failure?.reason, "unknown matcher 'telepathy'")
    }

    func testRegexThatDoesNotCompile() {
        let failure = error(v3Pact(request: #"{"method":"GET","path":"/","matchingRules":{"path":{"matchers":[{"match":"regex","regex":"(unclosed"}]}}}"#))
        XCTAssertEqual(failure?.jsonPath, "$.interactions[0].request.matchingRules.path.matchers[0].regex")
        XCTAssertEqual(failure?.reason, "'(unclosed' is not a valid regular expression - unclosed group")
    }

    func testBadBase64AndBadEncodings() {
        let base64 = error(v4Pact(interaction: #"{"type":"Synchronous/HTTP","description":"d","request":{"method":"GET","path":"/"},"response":{"status":200,"body":{"contentType":"image/gif","encoded":"base64","content":"not*base64!"}}}"#))
        XCTAssertEqual(base64?.jsonPath, "$.interactions[0].response.body.content")
        XCTAssertEqual(base64?.reason, "content is not valid base64")

        let encoding = error(v4Pact(interaction: #"{"type":"Synchronous/HTTP","description":"d","request":{"method":"GET","path":"/","body":{"encoded":"rot13","content":"x"}},"response":{"status":200}}"#))
        XCTAssertEqual(encoding?.jsonPath, "$.interactions[0].request.body.encoded")
        XCTAssertEqual(encoding?.reason.hasPrefix("unknown body encoding 'rot13'"), true)

        let json = error(v4Pact(interaction: #"{"type":"Synchronous/HTTP","description":"d","request":{"method":"GET","path":"/","body":{"encoded":"JSON","content":"{"}},"response":{"status":200}}"#))
        XCTAssertEqual(json?.jsonPath, "$.interactions[0].request.body.content")
        XCTAssertEqual(json?.reason.hasPrefix("content encoded as JSON is not valid JSON: line 1"), true, json?.reason ?? "")
    }

    func testFileErrorsNameThePath() {
        let url = FixturePaths.examplePacts.appendingPathComponent("no-such-pact.json")
        XCTAssertThrowsError(try PactReader.read(contentsOf: url)) { error in
            let failure = error as? PactError
            XCTAssertEqual(failure?.file, url.path)
            XCTAssertEqual(failure?.jsonPath, "$")
        }
    }

    /// Every prefix of a real pact file is read without crashing: either a pact or a PactError.
    func testTruncatedAndMangledFilesNeverCrash() throws {
        let data = try Data(contentsOf: FixturePaths.examplePact("v4-message-pact-comments.json"))
        for length in stride(from: 0, to: data.count, by: 7) {
            XCTAssertThrowsError(try PactReader.read(data: data.prefix(length)))
        }
        let source = try JSONParser.parse(data)
        for replacement: JSONValue in [.null, 1, "s", [], [:], true] {
            for mangled in replacingEachValue(in: source, with: replacement) {
                do { _ = try PactReader.read(json: mangled) } catch { XCTAssertFalse(error.reason.isEmpty) }
            }
        }
    }

    /// Copies of `value` with one node (at any depth) replaced.
    private func replacingEachValue(in value: JSONValue, with replacement: JSONValue) -> [JSONValue] {
        var results: [JSONValue] = [replacement]
        switch value {
        case .object(let members):
            for (key, member) in members {
                for variant in replacingEachValue(in: member, with: replacement) {
                    var copy = members
                    copy[key] = variant
                    results.append(.object(copy))
                }
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                for variant in replacingEachValue(in: item, with: replacement) {
                    var copy = items
                    copy[index] = variant
                    results.append(.array(copy))
                }
            }
        default:
            break
        }
        return results
    }
}
