import PactModel
import XCTest

final class GeneratorCodingTests: XCTestCase {
    private func decode(_ text: String, at path: String = "$.g") throws -> Generator {
        try Generator.decode(try JSONParser.parse(text), at: path)
    }

    let forms: [(String, Generator)] = [
        (#"{"type":"RandomInt","min":1,"max":10}"#, .randomInt(min: 1, max: 10)),
        (#"{"type":"RandomInt"}"#, .randomInt(min: 0, max: 2_147_483_647)),
        (#"{"type":"RandomInt","min":-5}"#, .randomInt(min: -5, max: 2_147_483_647)),
        (#"{"type":"RandomDecimal","digits":6}"#, .randomDecimal(digits: 6)),
        (#"{"type":"RandomDecimal"}"#, .randomDecimal(digits: 10)),
        (#"{"type":"RandomHexadecimal","digits":8}"#, .randomHexadecimal(digits: 8)),
        (#"{"type":"RandomHexadecimal"}"#, .randomHexadecimal(digits: 10)),
        (#"{"type":"RandomString","size":20}"#, .randomString(size: 20)),
        (#"{"type":"RandomString"}"#, .randomString(size: 10)),
        (#"{"type":"Regex","regex":"\\d{1,8}"}"#, .regex(#"\d{1,8}"#)),
        (#"{"type":"Uuid"}"#, .uuid(format: nil)),
        (#"{"type":"Uuid","format":"simple"}"#, .uuid(format: .simple)),
        (#"{"type":"Uuid","format":"lower-case-hyphenated"}"#, .uuid(format: .lowerCaseHyphenated)),
        (#"{"type":"Uuid","format":"upper-case-hyphenated"}"#, .uuid(format: .upperCaseHyphenated)),
        (#"{"type":"Uuid","format":"URN"}"#, .uuid(format: .urn)),
        (#"{"type":"Date"}"#, .date(format: nil, expression: nil)),
        (#"{"type":"Date","format":"MM/dd/yyyy","expression":"today + 1 day"}"#,
         .date(format: "MM/dd/yyyy", expression: "today + 1 day")),
        (#"{"type":"Time","format":"HH:mm"}"#, .time(format: "HH:mm", expression: nil)),
        (#"{"type":"Time","expression":"now"}"#, .time(format: nil, expression: "now")),
        (#"{"type":"DateTime","format":"yyyy/MM/dd - HH:mm:ss.S"}"#,
         .dateTime(format: "yyyy/MM/dd - HH:mm:ss.S", expression: nil)),
        (#"{"type":"DateTime","format":"yyyy","expression":"tomorrow"}"#, .dateTime(format: "yyyy", expression: "tomorrow")),
        (#"{"type":"RandomBoolean"}"#, .randomBoolean),
        (#"{"type":"Boolean"}"#, .randomBoolean),
        (#"{"type":"ProviderState","expression":"/api/user/${id}"}"#,
         .providerState(expression: "/api/user/${id}", dataType: nil)),
        (#"{"type":"ProviderState","expression":"${id}","dataType":"INTEGER"}"#,
         .providerState(expression: "${id}", dataType: "INTEGER")),
        (#"{"type":"MockServerURL","regex":".*\\/(orders\\/\\d+)$","example":"http://localhost:1234/orders/5678"}"#,
         .mockServerURL(regex: #".*\/(orders\/\d+)$"#, example: "http://localhost:1234/orders/5678")),
    ]

    func testEveryFormDecodesAndRoundTrips() throws {
        for (text, expected) in forms {
            let generator = try decode(text)
            XCTAssertEqual(generator, expected, text)
            XCTAssertEqual(try Generator.decode(generator.json, at: "$"), generator, "round trip of \(text)")
        }
    }

    func testWrittenForms() {
        XCTAssertEqual(Generator.randomInt(min: 0, max: 9).json, ["type": "RandomInt", "min": 0, "max": 9])
        XCTAssertEqual(Generator.randomDecimal(digits: 6).json, ["type": "RandomDecimal", "digits": 6])
        XCTAssertEqual(Generator.randomString(size: 3).json, ["type": "RandomString", "size": 3])
        XCTAssertEqual(Generator.uuid(format: nil).json, ["type": "Uuid"])
        XCTAssertEqual(Generator.uuid(format: .urn).json, ["type": "Uuid", "format": "URN"])
        XCTAssertEqual(Generator.date(format: "yyyy", expression: nil).json, ["type": "Date", "format": "yyyy"])
        XCTAssertEqual(Generator.randomBoolean.json, ["type": "RandomBoolean"])
        XCTAssertEqual(Generator.providerState(expression: "${a}", dataType: "STRING").json,
                       ["type": "ProviderState", "expression": "${a}", "dataType": "STRING"])
    }

    func testErrors() {
        assertCodingError({ try self.decode(#"{"type":"Nope"}"#) }, path: "$.g.type", reason: "unknown generator type 'Nope'")
        assertCodingError({ try self.decode(#"{"min":1}"#) }, path: "$.g.type", reason: "missing")
        assertCodingError({ try self.decode(#"{"type":"Regex","regex":"[a"}"#) },
                        path: "$.g.regex", reason: "'[a' is not a valid regular expression - unclosed character class")
        assertCodingError({ try self.decode(#"{"type":"MockServerURL","regex":"(x","example":"e"}"#) },
                        path: "$.g.regex", reason: "'(x' is not a valid regular expression - unclosed group")
        assertCodingError({ try self.decode(#"{"type":"RandomInt","min":"1"}"#) },
                        path: "$.g.min", reason: "expected an integer, got String")
        assertCodingError({ try self.decode(#"{"type":"RandomInt","min":5,"max":1}"#) },
                        path: "$.g", reason: "min 5 is greater than max 1")
        assertCodingError({ try self.decode(#"{"type":"RandomString","size":-1}"#) }, path: "$.g.size", reason: "negative")
        assertCodingError({ try self.decode(#"{"type":"Uuid","format":"weird"}"#) },
                        path: "$.g.format", reason: "unknown UUID format 'weird'")
        assertCodingError({ try self.decode(#"{"type":"ProviderState"}"#) }, path: "$.g.expression", reason: "missing")
        assertCodingError({ try self.decode(#"[1]"#) }, path: "$.g", reason: "expected a generator object, got List")
    }

    func testCategories() throws {
        let json = try JSONParser.parse(#"""
        {
          "path": {"type": "Regex", "regex": "/a/\\d+"},
          "status": {"type": "RandomInt", "min": 200, "max": 299},
          "method": {"type": "Regex", "regex": "GET"},
          "query": {"q": {"type": "RandomString", "size": 4}},
          "headers": {"X-Id": {"type": "Uuid"}},
          "body": {"$.id": {"type": "RandomInt"}},
          "content": {"a": {"type": "Uuid"}},
          "metadata": {"m": {"type": "RandomBoolean"}},
          "unknown": {"x": 1}
        }
        """#)
        let generators = try Generators.decode(json, at: "$.generators")
        XCTAssertEqual(generators[.path], ["": .regex("/a/\\d+")])
        XCTAssertEqual(generators[.status], ["": .randomInt(min: 200, max: 299)])
        XCTAssertEqual(generators[.method], ["": .regex("GET")])
        XCTAssertEqual(generators[.query], ["q": .randomString(size: 4)])
        XCTAssertEqual(generators[.header], ["X-Id": .uuid(format: nil)])
        XCTAssertEqual(generators[.body], ["$.id": .randomInt(min: 0, max: 2_147_483_647), "a": .uuid(format: nil)])
        XCTAssertEqual(generators[.metadata], ["m": .randomBoolean])
        let encoded = try XCTUnwrap(generators.encode())
        XCTAssertEqual(encoded["path"], ["type": "Regex", "regex": "/a/\\d+"])
        XCTAssertEqual(encoded["header"], ["X-Id": ["type": "Uuid"]])
        XCTAssertEqual(try Generators.decode(encoded, at: "$"), generators)
        let asContent = try XCTUnwrap(generators.encode(bodyCategory: "content"))
        XCTAssertNil(asContent["body"])
        XCTAssertEqual(try Generators.decode(asContent, at: "$"), generators)
        XCTAssertNil(Generators().encode())
        XCTAssertNil(Generators(categories: [.body: [:]]).encode())
    }

    func testCategoryErrors() throws {
        assertCodingError({ try Generators.decode(try JSONParser.parse(#"{"body": {"$.[": {"type": "Uuid"}}}"#), at: "$.g") },
                        path: "$.g.body['$.[']", reason: "invalid path expression")
        assertCodingError({ try Generators.decode(try JSONParser.parse(#"{"query": {"q": {"type": "X"}}}"#), at: "$.g") },
                        path: "$.g.query.q.type", reason: "unknown generator type 'X'")
        assertCodingError({ try Generators.decode(try JSONParser.parse(#"{"path": "x"}"#), at: "$.g") },
                        path: "$.g.path", reason: "expected a generator object, got String")
    }
}
