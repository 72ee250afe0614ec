import Foundation
import PactModel
import XCTest

@testable import PactMatching

/// Runs the XML body testcases of the Pact specification (V2–V4) through the real body dispatch (`BodyMatching`, as
/// request, response and message matching call it): an absent expected body is not checked, differing content types
/// fail, and XML bodies are compared with unexpected keys allowed for responses and messages only.
final class XMLSpecTestcaseTests: XCTestCase {
    private static let specification = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PactMatchingTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Fixtures/pact-specification")

    private enum Part: String, CaseIterable { case request, response, message }

    private struct Side {
        var body: Body
        var headers: Headers
        var rules: MatchingRules
        /// Only to pick the XML testcases out.
        var contentType: ContentType?
    }

    func testEveryXMLBodyTestcase() throws {
        var checked: [String] = []
        var wrong: [String] = []
        for version in [("version-2", PactSpecVersion.v2), ("version-3", .v3), ("version-4", .v4)] {
            for part in Part.allCases {
                let folder = Self.specification.appendingPathComponent("\(version.0)/testcases/\(part.rawValue)/body")
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
                for name in names.sorted() where name.hasSuffix(".json") {
                    let url = folder.appendingPathComponent(name)
                    let testcase = try Self.load(url)
                    let expected = try Self.side(testcase["expected"], part: part, version: version.1)
                    let actual = try Self.side(testcase["actual"], part: part, version: version.1)
                    guard name.lowercased().contains("xml") || expected.contentType?.isXML == true
                        || actual.contentType?.isXML == true
                    else { continue }
                    let label = "\(version.0)/\(part.rawValue)/body/\(name)"
                    let mismatches = BodyMatching.match(
                        expected: expected.body, actual: actual.body, expectedHeaders: expected.headers,
                        actualHeaders: actual.headers, rules: expected.rules, allowUnexpectedKeys: part != .request,
                        version: version.1)
                    checked.append(label)
                    if mismatches.isEmpty != testcase["match"]?.boolValue {
                        wrong.append(label)
                        XCTFail("\(label): expected match=\(testcase["match"]?.boolValue.map(String.init) ?? "?"), mismatches: \(mismatches)")
                    }
                }
            }
        }
        // Every copy of the spec holds XML testcases; finding none would mean the fixtures moved.
        XCTAssertGreaterThan(checked.count, 100)
        print("XML spec testcases checked: \(checked.count); not as the testcase says: \(wrong.count)")
        for label in wrong { print("  not as expected: \(label)") }
    }

    private static func load(_ url: URL) throws -> JSONValue {
        var data = try Data(contentsOf: url)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        return try JSONParser.parse(data)
    }

    private static func side(_ json: JSONValue?, part: Part, version: PactSpecVersion) throws -> Side {
        let json = json ?? .object([:])
        let body: Body
        let headers: Headers
        let rules: MatchingRules
        switch part {
        case .request:
            let request = try PactReader.request(from: json, version: version)
            (body, headers, rules) = (request.body, request.headers, request.matchingRules)
        case .response:
            let response = try PactReader.response(from: json, version: version)
            (body, headers, rules) = (response.body, response.headers, response.matchingRules)
        case .message:
            let message = try PactReader.message(from: json, version: version)
            (body, headers, rules) = (message.contents, [:], message.matchingRules)
        }
        let contentType = body.contentType ?? headers.contentType ?? ContentTypeDetector.detect(body.bytes)
        return Side(body: body, headers: headers, rules: rules, contentType: contentType)
    }
}
