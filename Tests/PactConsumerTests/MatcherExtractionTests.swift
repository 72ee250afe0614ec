import PactConsumer
import PactModel
import XCTest

/// Each matcher yields its example for the mock provider, its rule at the right path and its generator.
final class MatcherExtractionTests: XCTestCase {
    func testPlainLiteralsHaveNoRules() throws {
        let (response, errors) = declaredResponse(["name": "Ada", "age": 36, "ratio": 0.5, "ok": true, "none": nil, "list": [1, "two"]])
        XCTAssertEqual(errors, [])
        let body = try XCTUnwrap(response?.body)
        XCTAssertEqual(body, .json(["name": "Ada", "age": 36, "ratio": 0.5, "ok": true, "none": nil, "list": [1, "two"]],
                                   contentType: .json))
        XCTAssertTrue(try XCTUnwrap(response).matchingRules.isEmpty)
        XCTAssertEqual(response?.headers["Content-Type"], ["application/json"])
    }

    func testLikeAndTypeAndString() throws {
        let (response, errors) = declaredResponse(["a": .like(["x": 1]), "b": .type("t"), "c": .string("s")])
        XCTAssertEqual(errors, [])
        let response_ = try XCTUnwrap(response)
        XCTAssertEqual(response_.body, .json(["a": ["x": 1], "b": "t", "c": "s"], contentType: .json))
        XCTAssertEqual(bodyRules(response_.matchingRules), [
            "$.a": [["match": "type"]], "$.b": [["match": "type"]], "$.c": [["match": "type"]],
        ])
    }

    func testEachLikeWithMinMaxPutsElementRulesAtWildcard() throws {
        let (response, errors) = declaredResponse([
            "items": .eachLike(["id": .integer(7), "tag": "x"], min: 2, max: 5),
            "one": .atLeastOneLike("a", count: 3),
            "few": .atMostLike(1, max: 4),
            "default": .eachLike("d"),
        ])
        XCTAssertEqual(errors, [])
        let response_ = try XCTUnwrap(response)
        XCTAssertEqual(response_.body, .json([
            "items": [["id": 7, "tag": "x"], ["id": 7, "tag": "x"]], "one": ["a", "a", "a"], "few": [1], "default": ["d"],
        ], contentType: .json))
        XCTAssertEqual(bodyRules(response_.matchingRules), [
            "$.items": [["match": "type", "min": 2, "max": 5]],
            "$.items[*].id": [["match": "integer"]],
            "$.one": [["match": "type", "min": 1]],
            "$.few": [["match": "type", "max": 4]],
            "$.default": [["match": "type", "min": 1]],
        ])
    }

    func testNestedEachLikeAndTopLevelMatcher() throws {
        let (response, errors) = declaredResponse(.json(.eachLike(["children": .eachLike(["name": .regex("[a-z]+", example: "ann")])])))
        XCTAssertEqual(errors, [])
        XCTAssertEqual(bodyRules(try XCTUnwrap(response).matchingRules), [
            "$": [["match": "type", "min": 1]],
            "$[*].children": [["match": "type", "min": 1]],
            "$[*].children[*].name": [["match": "regex", "regex": "[a-z]+"]],
        ])
    }

    func testScalarMatchers() throws {
        let (response, errors) = declaredResponse([
            "regex": .regex(#"\d{3}"#, example: "123"),
            "int": .integer(5),
            "dec": .decimal(2.5),
            "num": .number(3),
            "numd": .number(3.25),
            "bool": .boolean(false),
            "inc": .includes("lo", example: "hello"),
            "null": .null(),
            "equal": .equal(["a": 1]),
            "semver": .semver("1.2.3"),
            "notEmpty": .notEmpty(["x"]),
            "uuid": .uuid("1f0c2f3e-7b0a-4c39-9d6a-9a4f2b7c1d2e"),
            "hex": .hexadecimal("00ff"),
        ])
        XCTAssertEqual(errors, [])
        let response_ = try XCTUnwrap(response)
        XCTAssertEqual(response_.body, .json([
            "regex": "123", "int": 5, "dec": 2.5, "num": 3, "numd": 3.25, "bool": false, "inc": "hello", "null": nil,
            "equal": ["a": 1], "semver": "1.2.3", "notEmpty": ["x"], "uuid": "1f0c2f3e-7b0a-4c39-9d6a-9a4f2b7c1d2e",
            "hex": "00ff",
        ], contentType: .json))
        let uuidPattern = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
        XCTAssertEqual(bodyRules(response_.matchingRules), [
            "$.regex": [["match": "regex", "regex": #"\d{3}"#]],
            "$.int": [["match": "integer"]],
            "$.dec": [["match": "decimal"]],
            "$.num": [["match": "number"]],
            "$.numd": [["match": "number"]],
            "$.bool": [["match": "boolean"]],
            "$.inc": [["match": "include", "value": "lo"]],
            "$.null": [["match": "null"]],
            "$.equal": [["match": "equality"]],
            "$.semver": [["match": "semver"]],
            "$.notEmpty": [["match": "notEmpty"]],
            "$.uuid": [["match": "regex", "regex": .string(uuidPattern)]],
            "$.hex": [["match": "regex", "regex": "[0-9a-fA-F]+"]],
        ])
        XCTAssertTrue(response_.generators.isEmpty, "matchers with explicit examples generate nothing")
    }

    func testGeneratingMatchers() throws {
        let (response, errors) = declaredResponse([
            "id": .uuid(),
            "count": .integer(in: 1...9),
            "price": .decimal(digits: 4),
            "flag": .boolean(generate: true),
            "name": .randomString(size: 5),
            "hex": .hexadecimal(digits: 6),
            "code": .regex("[A-Z]{3}", example: "ABC", generate: true),
        ])
        XCTAssertEqual(errors, [])
        let response_ = try XCTUnwrap(response)
        XCTAssertEqual(response_.generators[.body], [
            "$.id": .uuid(format: .lowerCaseHyphenated),
            "$.count": .randomInt(min: 1, max: 9),
            "$.price": .randomDecimal(digits: 4),
            "$.flag": .randomBoolean,
            "$.name": .randomString(size: 5),
            "$.hex": .randomHexadecimal(digits: 6),
            "$.code": .regex("[A-Z]{3}"),
        ])
        guard case .json(let body, _) = response_.body else { return XCTFail("expected a JSON body") }
        XCTAssertEqual(body["count"], 1)
        XCTAssertEqual(body["name"]?.stringValue?.count, 5)
        XCTAssertEqual(body["hex"]?.stringValue?.count, 6)
        XCTAssertEqual(body["price"]?.numberValue?.literal.filter(\.isNumber).count, 4)
        XCTAssertEqual(response_.matchingRules[.body]["$.count"]?.rules, [.integer])
        XCTAssertEqual(response_.matchingRules[.body]["$.price"]?.rules, [.decimal])
    }

    func testDateTimeMatchers() throws {
        let (response, errors) = declaredResponse([
            "dob": .date("yyyy-MM-dd", example: "1960-06-05"),
            "at": .time("HH:mm", example: "13:45"),
            "when": .datetime("yyyy-MM-dd'T'HH:mm:ssXXX", example: "2024-02-29T10:00:00+01:00"),
            "now": .datetime("yyyy-MM-dd HH:mm:ss", generate: true),
            "tomorrow": .date("yyyy-MM-dd", expression: "today + 1 day"),
            "stamp": .timestamp("yyyy", example: "2020"),
        ])
        XCTAssertEqual(errors, [])
        let response_ = try XCTUnwrap(response)
        XCTAssertEqual(bodyRules(response_.matchingRules), [
            "$.dob": [["match": "date", "format": "yyyy-MM-dd"]],
            "$.at": [["match": "time", "format": "HH:mm"]],
            "$.when": [["match": "datetime", "format": "yyyy-MM-dd'T'HH:mm:ssXXX"]],
            "$.now": [["match": "datetime", "format": "yyyy-MM-dd HH:mm:ss"]],
            "$.tomorrow": [["match": "date", "format": "yyyy-MM-dd"]],
            "$.stamp": [["match": "datetime", "format": "yyyy"]],
        ])
        XCTAssertEqual(response_.generators[.body], [
            "$.now": .dateTime(format: "yyyy-MM-dd HH:mm:ss", expression: nil),
            "$.tomorrow": .date(format: "yyyy-MM-dd", expression: "today + 1 day"),
        ])
        guard case .json(let body, _) = response_.body else { return XCTFail("expected a JSON body") }
        XCTAssertEqual(body["dob"], "1960-06-05")
        let now = try XCTUnwrap(body["now"]?.stringValue)
        XCTAssertTrue(try JavaDateTimePattern("yyyy-MM-dd HH:mm:ss").matches(now), now)
        // Generated examples come from a fixed instant, so the pact file is the same on every run.
        XCTAssertEqual(declaredResponse(["now": .datetime("yyyy-MM-dd HH:mm:ss", generate: true)]).response?.body,
                       response_.body.jsonMember("now").map { .json(["now": $0], contentType: .json) })
    }

    func testProviderStateAndMockServerURL() throws {
        let (response, errors) = declaredResponse([
            "id": .fromProviderState("${id}", example: 42),
            "link": .fromProviderState("/orders/${id}", example: "/orders/42"),
            "self": .mockServerURL(path: "/orders/42"),
            "next": .mockServerURL(regex: #".*(/orders/\d+)$"#, example: "http://localhost:9/orders/43"),
        ])
        XCTAssertEqual(errors, [])
        let response_ = try XCTUnwrap(response)
        XCTAssertEqual(response_.generators[.body], [
            "$.id": .providerState(expression: "${id}", dataType: "INTEGER"),
            "$.link": .providerState(expression: "/orders/${id}", dataType: "STRING"),
            "$.self": .mockServerURL(regex: ".*(/orders/42)$", example: "http://localhost:8080/orders/42"),
            "$.next": .mockServerURL(regex: #".*(/orders/\d+)$"#, example: "http://localhost:9/orders/43"),
        ])
        XCTAssertEqual(bodyRules(response_.matchingRules), [
            "$.id": [["match": "type"]],
            "$.link": [["match": "type"]],
            "$.self": [["match": "regex", "regex": ".*(/orders/42)$"]],
            "$.next": [["match": "regex", "regex": #".*(/orders/\d+)$"#]],
        ])
    }

    func testArrayContainingKeepsVariantRulesRelative() throws {
        let (response, errors) = declaredResponse([
            "events": .arrayContaining([
                ["type": "created", "id": .integer(1)],
                ["type": "deleted", "at": .datetime("yyyy", example: "2020", generate: true)],
            ]),
        ])
        XCTAssertEqual(errors, [])
        let response_ = try XCTUnwrap(response)
        XCTAssertEqual(response_.body, .json(["events": [["type": "created", "id": 1], ["type": "deleted", "at": "2020"]]],
                                             contentType: .json))
        XCTAssertEqual(response_.matchingRules[.body]["$.events"]?.rules, [.arrayContains([
            ArrayContainsVariant(index: 0, rules: ["$.id": RuleList([.integer])]),
            ArrayContainsVariant(index: 1, rules: ["$.at": RuleList([.timestamp(format: "yyyy")])],
                                 generators: ["$.at": .dateTime(format: "yyyy", expression: nil)]),
        ])])
        XCTAssertEqual(response_.matchingRules[.body].count, 1, "variant rules stay inside the arrayContains rule")
    }

    func testEachKeyAndEachValue() throws {
        let (response, errors) = declaredResponse([
            "greetings": .eachKey(["en": "Hello", "fr": "Bonjour"], matching: .regex("[a-z]{2}", example: "en")),
            "scores": .eachValue(["ann": 3, "bob": 4], matching: .integer(1)),
            "people": .eachValue(["ann": ["age": 30]], matching: .like(["age": .integer(1)])),
        ])
        XCTAssertEqual(errors, [])
        let response_ = try XCTUnwrap(response)
        XCTAssertEqual(response_.body, .json([
            "greetings": ["en": "Hello", "fr": "Bonjour"], "scores": ["ann": 3, "bob": 4], "people": ["ann": ["age": 30]],
        ], contentType: .json))
        XCTAssertEqual(bodyRules(response_.matchingRules), [
            "$.greetings": [["match": "eachKey", "rules": [["match": "regex", "regex": "[a-z]{2}"]]]],
            "$.scores": [["match": "eachValue", "rules": [["match": "integer"]]]],
            "$.people": [["match": "eachValue", "rules": [["match": "type"]]]],
            "$.people.*.age": [["match": "integer"]],
        ])
    }

    func testCombinedMatchersStackAtOnePath() throws {
        let (response, errors) = declaredResponse(["code": .like(.regex("[A-Z]+", example: "AB"))])
        XCTAssertEqual(errors, [])
        XCTAssertEqual(response?.matchingRules[.body]["$.code"]?.rules, [.type, .regex("[A-Z]+")])
    }

    func testAwkwardKeysAreQuotedInPaths() throws {
        let (response, errors) = declaredResponse(["a.b": .integer(1), "with space": ["x y": .boolean()]])
        XCTAssertEqual(errors, [])
        XCTAssertEqual(Set(response?.matchingRules[.body].keys.map { $0 } ?? []), ["$['a.b']", "$['with space']['x y']"])
        for key in response?.matchingRules[.body].keys ?? [:].keys {
            XCTAssertNoThrow(try PathExpression(parsing: key), key)
        }
    }

    func testExampleProperty() {
        let value: PactValue = ["a": .eachLike(["b": .integer(2)], count: 2), "c": .arrayContaining(["x"])]
        XCTAssertEqual(value.example, ["a": [["b": 2], ["b": 2]], "c": ["x"]])
    }
}

extension Body {
    func jsonMember(_ key: String) -> JSONValue? {
        if case .json(let value, _) = self { return value[key] }
        return nil
    }
}
