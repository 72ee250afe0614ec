import Foundation
import PactModel
import XCTest

@testable import PactMatching

/// Runs the XML body testcases of the Pact specification (V2–V4) through `XMLBodyMatcher` alone, the way the full
/// engine will reach it: an absent expected body is not checked, differing content types fail, and XML bodies are
/// compared with unexpected keys allowed for responses and messages only.
final class XMLSpecTestcaseTests: XCTestCase {
    private static let specification = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PactMatchingTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Fixtures/pact-specification")

    private enum Part: String, CaseIterable { case request, response, message }

    private struct Side {
        var body: Body
        var contentType: ContentType?
        var rules: [String: RuleList]
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
                    let mismatches = Self.mismatches(expected, actual, allowUnexpectedKeys: part != .request)
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
        let headerType: ContentType?
        let rules: MatchingRules
        switch part {
        case .request:
            let request = try PactReader.request(from: json, version: version)
            (body, headerType, rules) = (request.body, request.headers.contentType, request.matchingRules)
        case .response:
            let response = try PactReader.response(from: json, version: version)
            (body, headerType, rules) = (response.body, response.headers.contentType, response.matchingRules)
        case .message:
            let message = try PactReader.message(from: json, version: version)
            (body, headerType, rules) = (message.contents, nil, message.matchingRules)
        }
        let contentType = body.contentType ?? headerType ?? ContentTypeDetector.detect(body.bytes)
        return Side(body: body, contentType: contentType, rules: rules[.body])
    }

    /// What the engine will do with these bodies, reduced to what matters for XML.
    private static func mismatches(_ expected: Side, _ actual: Side, allowUnexpectedKeys: Bool) -> [Mismatch] {
        if expected.body.isMissing { return [] }
        if let expectedType = expected.contentType, let actualType = actual.contentType, expectedType.essence != actualType.essence {
            return [Mismatch(kind: .bodyType, message: "Expected a body of '\(expectedType.essence)' but was '\(actualType.essence)'")]
        }
        let expectedText = text(of: expected.body)
        let actualText = text(of: actual.body)
        guard expected.contentType?.isXML == true else {
            return expectedText == actualText ? [] : [Mismatch(kind: .body, message: "not XML; bodies differ")]
        }
        return XMLBodyMatcher.match(
            expected: expectedText, actual: actualText, rules: RuleSelector(expected.rules), allowUnexpectedKeys: allowUnexpectedKeys)
    }

    private static func text(of body: Body) -> String {
        switch body {
        case .text(let text, _), .json(.string(let text), _): text
        default: String(decoding: body.bytes, as: UTF8.self)
        }
    }
}
