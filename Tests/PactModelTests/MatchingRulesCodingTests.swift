import Foundation
import PactModel
import XCTest

final class MatchingRulesCodingTests: XCTestCase {
    private func decode(_ text: String, at path: String = "$.request.matchingRules") throws -> MatchingRules {
        try MatchingRules.decode(try JSONParser.parse(text), at: path)
    }

    func testV2FlatForm() throws {
        let rules = try decode(#"""
        {
          "$.body": {"match": "type"},
          "$.body.animals[*].name": {"match": "regex", "regex": "\\w+"},
          "$.body[0]": {"min": 1},
          "$.body['a b']": {"match": "type", "max": 2},
          "$.headers.Accept": {"match": "regex", "regex": "json"},
          "$.header.X-Test": {"match": "regex", "regex": "\\d+"},
          "$.headers['X-Y.Z']": {"match": "type"},
          "$.query.name": {"match": "regex", "regex": "\\w+"},
          "$.query['a b']": {"match": "type"},
          "$.path": {"match": "regex", "regex": "/api/\\d+"},
          "$.somethingElse": {"match": "type"}
        }
        """#)
        XCTAssertEqual(rules[.body], [
            "$": RuleList([.type]),
            "$.animals[*].name": RuleList([.regex("\\w+")]),
            "$[0]": RuleList([.minType(1)]),
            "$['a b']": RuleList([.maxType(2)]),
        ])
        XCTAssertEqual(rules[.header], [
            "Accept": RuleList([.regex("json")]), "X-Test": RuleList([.regex("\\d+")]), "X-Y.Z": RuleList([.type]),
        ])
        XCTAssertEqual(rules[.query], ["name": RuleList([.regex("\\w+")]), "a b": RuleList([.type])])
        XCTAssertEqual(rules[.path], ["": RuleList([.regex("/api/\\d+")])])
        XCTAssertEqual(rules.categories.count, 4)
    }

    func testV3CategoryForm() throws {
        let rules = try decode(#"""
        {
          "path": {"matchers": [{"match": "regex", "regex": "/api/\\d+"}], "combine": "AND"},
          "status": {"matchers": [{"match": "statusCode", "status": "success"}]},
          "method": {"matchers": [{"match": "regex", "regex": "GET|POST"}]},
          "query": {"Q1": {"matchers": [{"match": "regex", "regex": "\\d+"}]}},
          "headers": {"Accept": {"combine": "OR", "matchers": [{"match": "include", "value": "A"}, {"match": "include", "value": "B"}]}},
          "body": {"$.animals": {"matchers": [{"match": "type", "min": 1}]}, "a.b": {"matchers": [{"match": "type"}]}},
          "metadata": {"Origin": {"matchers": [{"match": "regex", "regex": "x"}]}},
          "pluginThing": {"whatever": 1}
        }
        """#)
        XCTAssertEqual(rules[.path], ["": RuleList([.regex("/api/\\d+")])])
        XCTAssertEqual(rules[.status], ["": RuleList([.statusCode(.success)])])
        XCTAssertEqual(rules[.method], ["": RuleList([.regex("GET|POST")])])
        XCTAssertEqual(rules[.query], ["Q1": RuleList([.regex("\\d+")])])
        XCTAssertEqual(rules[.header], ["Accept": RuleList([.include("A"), .include("B")], logic: .or)])
        XCTAssertEqual(rules[.body], ["$.animals": RuleList([.minType(1)]), "a.b": RuleList([.type])])
        XCTAssertEqual(rules[.metadata], ["Origin": RuleList([.regex("x")])])
        XCTAssertEqual(try MatchingRules.decode(try XCTUnwrap(rules.encode()), at: "$"), rules)
    }

    func testContentAliases() throws {
        for name in ["content", "contents"] {
            let rules = try decode(#"{"\#(name)": {"$.a": {"matchers": [{"match": "integer"}]}}}"#)
            XCTAssertEqual(rules[.body], ["$.a": RuleList([.integer])], name)
        }
    }

    func testEncode() throws {
        var rules = MatchingRules()
        rules.add(.regex("/a"), category: .path)
        rules.add(.integer, category: .body, key: "$.id")
        rules.add(.include("x"), category: .header, key: "H", logic: .or)
        rules[.query] = ["empty": RuleList([])]
        XCTAssertEqual(rules.encode(), [
            "path": ["matchers": [["match": "regex", "regex": "/a"]], "combine": "AND"],
            "body": ["$.id": ["matchers": [["match": "integer"]], "combine": "AND"]],
            "header": ["H": ["matchers": [["match": "include", "value": "x"]], "combine": "OR"]],
        ])
        let content = try XCTUnwrap(rules.encode(bodyCategory: "content"))
        XCTAssertNotNil(content["content"])
        XCTAssertNil(content["body"])
        XCTAssertNil(MatchingRules().encode())
        XCTAssertNil(MatchingRules(categories: [.body: ["$": RuleList([])]]).encode())
    }

    func testRoundTripOfEveryCategory() throws {
        var rules = MatchingRules()
        for category in RuleCategoryName.allCases {
            let key = [.path, .status, .method].contains(category) ? "" : (category == .body ? "$.a[*].b" : "name")
            rules[category] = [key: RuleList([.type, .minType(2)], logic: .or)]
        }
        let encoded = try XCTUnwrap(rules.encode())
        XCTAssertEqual(try MatchingRules.decode(encoded, at: "$"), rules)
        let asContent = try XCTUnwrap(rules.encode(bodyCategory: "content"))
        XCTAssertEqual(try MatchingRules.decode(asContent, at: "$"), rules)
    }

    func testErrors() {
        assertCodingError({ try self.decode(#"{"body": {"$.a[x]": {"matchers": []}}}"#) },
                        path: "$.request.matchingRules.body['$.a[x]']", reason: "invalid path expression '$.a[x]'")
        assertCodingError({ try self.decode(#"{"$.body.a[": {"match": "type"}}"#) },
                        path: "$.request.matchingRules['$.body.a[']", reason: "invalid path expression")
        assertCodingError({ try self.decode(#"{"body": {"$.a": {"matchers": [{"match": "xyz"}]}}}"#) },
                        path: "$.request.matchingRules.body['$.a'].matchers[0].match", reason: "unknown matcher 'xyz'")
        assertCodingError({ try self.decode(#"{"body": {"$.a": {"matchers": [], "combine": "XOR"}}}"#) },
                        path: "$.request.matchingRules.body['$.a'].combine", reason: "expected 'AND' or 'OR'")
        assertCodingError({ try self.decode(#"{"body": {"$.a": {}}}"#) },
                        path: "$.request.matchingRules.body['$.a'].matchers", reason: "missing")
        assertCodingError({ try self.decode(#"{"query": []}"#) },
                        path: "$.request.matchingRules.query", reason: "expected an object, got List")
        assertCodingError({ try self.decode(#"{"$.headers": {"match": "type"}}"#) },
                        path: "$.request.matchingRules['$.headers']", reason: "does not name a header")
        assertCodingError({ try self.decode(#"[]"#) }, path: "$.request.matchingRules", reason: "expected an object")
    }

    /// Every `matchingRules` object in the specification testcases and example pacts must decode.
    func testFixturesDecode() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" } ?? []
        XCTAssertGreaterThan(files.count, 100)
        var decoded = 0
        for file in files {
            guard let json = try? JSONParser.parse(try Data(contentsOf: file)) else { continue }
            try visit(json, path: "$") { key, value, path in
                if key == "matchingRules" {
                    _ = try MatchingRules.decode(value, at: path)
                    decoded += 1
                } else if key == "generators" {
                    _ = try Generators.decode(value, at: path)
                }
            }
        }
        XCTAssertGreaterThan(decoded, 100)
    }

    private func visit(_ json: JSONValue, path: String, _ body: (String, JSONValue, String) throws -> Void) throws {
        switch json {
        case .object(let members):
            for (key, value) in members {
                try body(key, value, path + "." + key)
                try visit(value, path: path + "." + key, body)
            }
        case .array(let items):
            for (index, item) in items.enumerated() { try visit(item, path: "\(path)[\(index)]", body) }
        default: break
        }
    }
}
