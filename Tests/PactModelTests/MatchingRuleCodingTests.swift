import PactModel
import XCTest

/// Reads one matcher from JSON text.
func decodeCodingRule(_ text: String, at path: String = "$.m") throws -> MatchingRule {
    try MatchingRule.decode(try JSONParser.parse(text), at: path)
}

/// Asserts that decoding fails with a PactError at `path` whose reason contains `reason`.
func assertCodingError<T>(
    _ body: () throws -> T, path: String, reason: String, file: StaticString = #filePath, line: UInt = #line
) {
    do {
        let value = try body()
        XCTFail("expected a PactError, got \(value)", file: file, line: line)
    } catch let error as PactError {
        XCTAssertEqual(error.jsonPath, path, file: file, line: line)
        XCTAssertTrue(error.reason.contains(reason), "reason '\(error.reason)' lacks '\(reason)'", file: file, line: line)
    } catch {
        XCTFail("expected a PactError, got \(error)", file: file, line: line)
    }
}

final class MatchingRuleCodingTests: XCTestCase {
    /// Every matcher form and alias with the rule it must read as.
    let forms: [(String, MatchingRule)] = [
        (#"{"match":"equality"}"#, .equality),
        (#"{"match":"regex","regex":"\\d+"}"#, .regex(#"\d+"#)),
        (#"{"regex":"[a-z]"}"#, .regex("[a-z]")),
        (#"{"match":"type"}"#, .type),
        (#"{"match":"type","min":1}"#, .minType(1)),
        (#"{"match":"type","max":3}"#, .maxType(3)),
        (#"{"match":"type","min":1,"max":4}"#, .minMaxType(min: 1, max: 4)),
        (#"{"match":"type","min":2.0}"#, .minType(2)),
        (#"{"min":2}"#, .minType(2)),
        (#"{"max":5}"#, .maxType(5)),
        (#"{"min":1,"max":2}"#, .minMaxType(min: 1, max: 2)),
        (#"{"match":"min","min":1}"#, .minType(1)),
        (#"{"match":"max","max":9}"#, .maxType(9)),
        (#"{"match":"min-type","min":0}"#, .minType(0)),
        (#"{"match":"max-type","max":7}"#, .maxType(7)),
        (#"{"match":"include","value":"abc"}"#, .include("abc")),
        (#"{"match":"integer"}"#, .integer),
        (#"{"match":"decimal"}"#, .decimal),
        (#"{"match":"real"}"#, .decimal),
        (#"{"match":"number"}"#, .number),
        (#"{"match":"datetime","format":"yyyy-MM-dd HH:mm"}"#, .timestamp(format: "yyyy-MM-dd HH:mm")),
        (#"{"match":"timestamp","timestamp":"yyyy"}"#, .timestamp(format: "yyyy")),
        (#"{"match":"datetime","datetime":"HH"}"#, .timestamp(format: "HH")),
        (#"{"match":"datetime"}"#, .timestamp(format: nil)),
        (#"{"timestamp":"yyyy-MM-dd'T'HH:mm:ss"}"#, .timestamp(format: "yyyy-MM-dd'T'HH:mm:ss")),
        (#"{"datetime":"yyyy"}"#, .timestamp(format: "yyyy")),
        (#"{"match":"time","format":"HH:mm"}"#, .time(format: "HH:mm")),
        (#"{"match":"time","time":"HH"}"#, .time(format: "HH")),
        (#"{"time":"mm"}"#, .time(format: "mm")),
        (#"{"match":"date","format":"yyyy-MM-dd"}"#, .date(format: "yyyy-MM-dd")),
        (#"{"match":"date","date":"dd"}"#, .date(format: "dd")),
        (#"{"date":"MM"}"#, .date(format: "MM")),
        (#"{"match":"date"}"#, .date(format: nil)),
        (#"{"match":"null"}"#, .null),
        (#"{"match":"boolean"}"#, .boolean),
        (#"{"match":"contentType","value":"image/png"}"#, .contentType("image/png")),
        (#"{"match":"content-type","value":"text/plain"}"#, .contentType("text/plain")),
        (#"{"match":"values"}"#, .values),
        (#"{"match":"statusCode","status":"info"}"#, .statusCode(.information)),
        (#"{"match":"statusCode","status":"success"}"#, .statusCode(.success)),
        (#"{"match":"statusCode","status":"redirect"}"#, .statusCode(.redirect)),
        (#"{"match":"statusCode","status":"clientError"}"#, .statusCode(.clientError)),
        (#"{"match":"statusCode","status":"serverError"}"#, .statusCode(.serverError)),
        (#"{"match":"statusCode","status":"nonError"}"#, .statusCode(.nonError)),
        (#"{"match":"statusCode","status":"error"}"#, .statusCode(.error)),
        (#"{"match":"status-code","status":[200,201]}"#, .statusCode(.codes([200, 201]))),
        (#"{"match":"statusCode"}"#, .statusCode(.success)),
        (#"{"match":"notEmpty"}"#, .notEmpty),
        (#"{"match":"not-empty"}"#, .notEmpty),
        (#"{"match":"semver"}"#, .semver),
        (#"{"match":"eachKey","rules":[{"match":"regex","regex":"[a-z]+"}],"value":"one"}"#,
         .eachKey(rules: [.regex("[a-z]+")], example: "one")),
        (#"{"match":"each-key","rules":[]}"#, .eachKey(rules: [], example: nil)),
        (#"{"match":"eachValue","rules":[{"match":"type"}],"value":{"a":1}}"#,
         .eachValue(rules: [.type], example: ["a": 1])),
        (#"{"match":"each-value","rules":[{"min":1}]}"#, .eachValue(rules: [.minType(1)], example: nil)),
        (#"{"match":"arrayContains","variants":[{"index":0,"rules":{"$.id":{"matchers":[{"match":"integer"}],"combine":"OR"}},"generators":{"$.id":{"type":"RandomInt","min":1,"max":9}}},{"index":2,"rules":{}}]}"#,
         .arrayContains([
            ArrayContainsVariant(index: 0, rules: ["$.id": RuleList([.integer], logic: .or)],
                                 generators: ["$.id": .randomInt(min: 1, max: 9)]),
            ArrayContainsVariant(index: 2),
         ])),
        (#"{"match":"array-contains","variants":[{"rules":{"a":{"matchers":[{"match":"null"}]}}}]}"#,
         .arrayContains([ArrayContainsVariant(index: 0, rules: ["a": RuleList([.null])])])),
    ]

    func testEveryFormDecodesAndRoundTrips() throws {
        for (text, expected) in forms {
            let rule = try decodeCodingRule(text)
            XCTAssertEqual(rule, expected, text)
            XCTAssertEqual(try MatchingRule.decode(rule.json, at: "$"), rule, "round trip of \(text)")
        }
    }

    func testWrittenForms() throws {
        XCTAssertEqual(MatchingRule.minType(1).json, ["match": "type", "min": 1])
        XCTAssertEqual(MatchingRule.minMaxType(min: 1, max: 2).json, ["match": "type", "min": 1, "max": 2])
        XCTAssertEqual(MatchingRule.regex("\\d").json, ["match": "regex", "regex": "\\d"])
        XCTAssertEqual(MatchingRule.timestamp(format: "yyyy").json, ["match": "datetime", "format": "yyyy"])
        XCTAssertEqual(MatchingRule.date(format: nil).json, ["match": "date"])
        XCTAssertEqual(MatchingRule.include("x").json, ["match": "include", "value": "x"])
        XCTAssertEqual(MatchingRule.contentType("a/b").json, ["match": "contentType", "value": "a/b"])
        XCTAssertEqual(MatchingRule.statusCode(.information).json, ["match": "statusCode", "status": "info"])
        XCTAssertEqual(MatchingRule.statusCode(.codes([204])).json, ["match": "statusCode", "status": [204]])
        XCTAssertEqual(MatchingRule.eachKey(rules: [.type], example: nil).json,
                       ["match": "eachKey", "rules": [["match": "type"]]])
        XCTAssertEqual(MatchingRule.eachValue(rules: [], example: "v").json,
                       ["match": "eachValue", "rules": [], "value": "v"])
        let variant = ArrayContainsVariant(index: 1, rules: ["$.a": RuleList([.integer])], generators: ["$.a": .randomBoolean])
        XCTAssertEqual(MatchingRule.arrayContains([variant]).json, [
            "match": "arrayContains",
            "variants": [[
                "index": 1,
                "rules": ["$.a": ["matchers": [["match": "integer"]], "combine": "AND"]],
                "generators": ["$.a": ["type": "RandomBoolean"]],
            ]],
        ])
    }

    func testUnknownMatcher() {
        assertCodingError({ try decodeCodingRule(#"{"match":"xyz"}"#) }, path: "$.m.match", reason: "unknown matcher 'xyz'")
    }

    func testBadRegex() {
        assertCodingError({ try decodeCodingRule(#"{"match":"regex","regex":"(ab"}"#) },
                        path: "$.m.regex", reason: "'(ab' is not a valid regular expression - unclosed group")
        assertCodingError({ try decodeCodingRule(#"{"match":"regex"}"#) }, path: "$.m.regex", reason: "missing")
    }

    func testMinWrongType() {
        assertCodingError({ try decodeCodingRule(#"{"match":"type","min":"1"}"#) },
                        path: "$.m.min", reason: "expected an integer, got String")
        assertCodingError({ try decodeCodingRule(#"{"match":"type","max":1.5}"#) },
                        path: "$.m.max", reason: "expected an integer, got Decimal")
        assertCodingError({ try decodeCodingRule(#"{"match":"type","min":-1}"#) }, path: "$.m.min", reason: "negative")
        assertCodingError({ try decodeCodingRule(#"{"match":"min-type"}"#) }, path: "$.m.min", reason: "missing")
    }

    func testMinGreaterThanMax() {
        assertCodingError({ try decodeCodingRule(#"{"match":"type","min":5,"max":2}"#) },
                        path: "$.m", reason: "min 5 is greater than max 2")
    }

    func testOtherBadInput() {
        assertCodingError({ try decodeCodingRule(#""type""#) }, path: "$.m", reason: "expected a matcher object, got String")
        assertCodingError({ try decodeCodingRule(#"{"match":1}"#) }, path: "$.m.match", reason: "expected a string, got Integer")
        assertCodingError({ try decodeCodingRule(#"{"foo":1}"#) }, path: "$.m", reason: "no 'match' field")
        assertCodingError({ try decodeCodingRule(#"{"match":"include","value":3}"#) }, path: "$.m.value", reason: "expected a string")
        assertCodingError({ try decodeCodingRule(#"{"match":"statusCode","status":"weird"}"#) },
                        path: "$.m.status", reason: "unknown status class 'weird'")
        assertCodingError({ try decodeCodingRule(#"{"match":"statusCode","status":[200,"x"]}"#) },
                        path: "$.m.status[1]", reason: "expected an integer, got String")
        assertCodingError({ try decodeCodingRule(#"{"match":"eachKey"}"#) }, path: "$.m.rules", reason: "missing")
        assertCodingError({ try decodeCodingRule(#"{"match":"eachValue","rules":[{"match":"nope"}]}"#) },
                        path: "$.m.rules[0].match", reason: "unknown matcher 'nope'")
        assertCodingError({ try decodeCodingRule(#"{"match":"arrayContains"}"#) }, path: "$.m.variants", reason: "missing")
        assertCodingError({ try decodeCodingRule(#"{"match":"arrayContains","variants":[{"index":0,"rules":{"$.a[x]":{"matchers":[]}}}]}"#) },
                        path: "$.m.variants[0].rules['$.a[x]']", reason: "invalid path expression")
        assertCodingError({ try decodeCodingRule(#"{"match":"arrayContains","variants":[{"index":0,"generators":{"$.a":{"type":"Nope"}}}]}"#) },
                        path: "$.m.variants[0].generators['$.a'].type", reason: "unknown generator type 'Nope'")
    }
}
