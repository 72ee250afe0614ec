import Foundation
import PactModel
import XCTest

@testable import PactMatching

/// A prepared request (what the mock matches with) must report what `RequestMatching.match` reports, every time it
/// is used.
final class PreparedRequestTests: XCTestCase {
    func testEverySpecRequestCaseGivesTheSameMismatchesPrepared() throws {
        var compared = 0
        for testcase in try SpecTestcases.all() where testcase.direction == "request" {
            var data = try Data(contentsOf: testcase.url)
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
            let json = try JSONParser.parse(data)
            let version = testcase.version
            let expected = try PactReader.request(from: try XCTUnwrap(json["expected"]), version: version,
                                                  at: "$.expected", file: testcase.name)
            let actual = try PactReader.request(from: try XCTUnwrap(json["actual"]), version: version,
                                                at: "$.actual", file: testcase.name)
            let direct = RequestMatching.match(expected: expected, actual: actual, version: version)
            let prepared = PreparedRequest(expected)
            // Twice: the second use starts from the states the first one could have added.
            XCTAssertEqual(prepared.match(actual, version: version), direct, testcase.name)
            XCTAssertEqual(prepared.match(actual, version: version), direct, testcase.name)
            XCTAssertEqual(prepared.match(expected, version: version),
                           RequestMatching.match(expected: expected, actual: expected, version: version), testcase.name)
            compared += 1
        }
        XCTAssertEqual(compared, 41 + 54 + 93 + 98 + 98)
    }

    func testOnePreparedRequestJudgesBodiesOfOtherShapesAsBefore() throws {
        var rules = MatchingRules()
        rules[.body] = ["$.items[*].code": RuleList([.regex("P(-[A-Z0-9]{4}){3}-[A-Z0-9]{2}")]),
                        "$.items": RuleList([.minType(1)])]
        let expected = PactRequest(
            method: "POST", path: "/codes", headers: ["Content-Type": ["application/json"]],
            body: .json(["items": [["code": "P-1234-1234-1234-12"]]], contentType: .json), matchingRules: rules)
        let prepared = PreparedRequest(expected)
        let bodies: [JSONValue] = [
            ["items": [["code": "P-ABCD-1234-WXYZ-99"], ["code": "P-1234-1234-1234-1"], ["code": 7]]],
            ["items": [], "extra": true],
            ["items": [["code": "P-1234-1234-1234-12", "more": ["a", "b"]]]],
            ["items": [["code": "p-1234-1234-1234-12"]]],
        ]
        for body in bodies {
            let actual = PactRequest(method: "POST", path: "/codes", headers: ["Content-Type": ["application/json"]],
                                     body: .json(body, contentType: .json))
            let direct = RequestMatching.match(expected: expected, actual: actual, version: .v4)
            XCTAssertEqual(prepared.match(actual, version: .v4), direct, "\(body)")
        }
        let passing = PactRequest(method: "POST", path: "/codes", headers: ["Content-Type": ["application/json"]],
                                  body: .json(["items": [["code": "P-ABCD-1234-WXYZ-99"]]], contentType: .json))
        XCTAssertEqual(prepared.match(passing, version: .v4), [])
    }
}
