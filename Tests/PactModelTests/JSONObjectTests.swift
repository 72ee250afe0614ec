import Foundation
import XCTest

@testable import PactModel

/// JSONObject keeps members sorted by key and must behave as the `[String: JSONValue]` it replaced.
final class JSONObjectTests: XCTestCase {
    func testARepeatedKeyKeepsItsLastValue() throws {
        let parsed = try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        XCTAssertEqual(parsed.objectValue?.count, 2)
        XCTAssertEqual(parsed["a"], 3)
        XCTAssertEqual(JSONWriter.compact(parsed), #"{"a":3,"b":2}"#)
        let literal: JSONObject = ["x": 1, "y": 2, "x": 5]
        XCTAssertEqual(literal.count, 2)
        XCTAssertEqual(literal["x"], 5)
        let value: JSONValue = ["k": "first", "k": "last"]
        XCTAssertEqual(value["k"], "last")
    }

    /// Small objects are sorted one way, large ones another: both must give what a dictionary gives.
    func testUnsortedMembersOfEverySizeAgreeWithADictionary() {
        for count in [2, 3, 7, 16, 17, 40] {
            // Keys out of order, a third of them repeated later with new values.
            let keys = (0..<count).map { "k\(($0 * 7919) % count % max(1, count * 2 / 3))" }
            let pairs = keys.enumerated().map { ($0.element, JSONValue.int($0.offset)) }
            let object = JSONObject(pairs)
            let dictionary = Dictionary(pairs, uniquingKeysWith: { _, last in last })
            XCTAssertEqual(object.keys, dictionary.keys.sorted(), "\(count) members")
            XCTAssertEqual(object.dictionary, dictionary, "\(count) members")
        }
    }

    func testMembersAreSortedAsTheWriterOrdersKeys() throws {
        let keys = ["b", "a", "B", "\u{E9}", "aa", "", "Z", "10", "9", "a b", "\u{1F600}"]
        let dictionary = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, JSONValue.int($0.offset)) })
        let object = JSONObject(dictionary)
        XCTAssertEqual(object.keys, dictionary.keys.sorted())
        XCTAssertEqual(object.map(\.key), dictionary.keys.sorted())
        for (key, value) in dictionary { XCTAssertEqual(object[key], value) }
        XCTAssertEqual(object.dictionary, dictionary)
        XCTAssertNil(object["missing"])
        // Parsing keys in any order gives the same object.
        let text = "{" + keys.reversed().enumerated().map { "\"\($0.element)\": \($0.offset)" }.joined(separator: ",") + "}"
        let parsed = try XCTUnwrap(try JSONParser.parse(text).objectValue)
        XCTAssertEqual(parsed.keys, dictionary.keys.sorted())
    }

    func testCanonicallyEquivalentKeysAreOneKeyAsInADictionary() throws {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        let dictionary = Dictionary([(composed, JSONValue.int(1)), (decomposed, .int(2))], uniquingKeysWith: { _, last in last })
        let object = JSONObject([(composed, JSONValue.int(1)), (decomposed, .int(2))])
        XCTAssertEqual(object.count, dictionary.count)
        XCTAssertEqual(object[composed], dictionary[composed])
        XCTAssertEqual(object[decomposed], .int(2))
        // The spelling kept is the one the dictionary keeps, so the written bytes do not change.
        XCTAssertEqual(Array(object.keys[0].utf8), Array(dictionary.keys.first!.utf8))

        let parsed = try JSONParser.parse("{\"\(composed)\": 1, \"\(decomposed)\": 2}")
        XCTAssertEqual(parsed.objectValue?.count, 1)
        XCTAssertEqual(parsed[composed], 2)
        XCTAssertEqual(Array(JSONWriter.compact(parsed).utf8), Array("{\"\(composed)\":2}".utf8))

        var mutable = JSONObject()
        mutable[composed] = 1
        mutable[decomposed] = 3
        XCTAssertEqual(mutable.count, 1)
        XCTAssertEqual(mutable[composed], 3)
        XCTAssertEqual(mutable.removeValue(forKey: decomposed), 3)
        XCTAssertTrue(mutable.isEmpty)
    }

    /// Large documents reuse the strings of keys read before: every object must still be what it is when read on
    /// its own (repeated, escaped, canonically equivalent, long and nearly equal keys).
    /// The key cache compares keys a word at a time: keys of every length up to past the cached 32 bytes, differing
    /// only in their last byte or only past the first 8 or 16, and keys in the document's last 16 bytes, still read
    /// as themselves.
    func testKeysDifferingAnywhereAreToldApartInALargeDocument() throws {
        var keys: [String] = []
        for length in 1...34 {
            let stem = String(repeating: "k", count: length - 1)
            keys += ["a", "b", "\u{7F}"].map { stem + $0 }
            if length > 9 { keys.append("z" + String(stem.dropFirst()) + "a") }
        }
        let objects = keys.indices.map { i in "{\"\(keys[i])\": \(i), \"\(keys[(i * 7) % keys.count])\": \"v\(i)\"}" }
        let document = "[" + (objects + objects.reversed()).joined(separator: ",") + ",{\"q\":1,\"kkkkkkb\":2}]"
        XCTAssertGreaterThan(document.utf8.count, 4096)
        let parsed = try XCTUnwrap(try JSONParser.parse(document).arrayValue)
        for (value, text) in zip(parsed, objects + objects.reversed() + ["{\"q\":1,\"kkkkkkb\":2}"]) {
            XCTAssertEqual(value, try JSONParser.parse(text), text)
            XCTAssertEqual(JSONWriter.compact(value), JSONWriter.compact(try JSONParser.parse(text)), text)
        }
        XCTAssertEqual(parsed.last?["kkkkkkb"], 2)
    }

    func testKeysOfALargeDocumentReadAsInASmallOne() throws {
        let objects = (0..<300).map { i in
            "{\"customerReferenceNumber\": \(i), \"k\(i % 7)\": \(i), \"a\\u0062\": 1, \"ab\": \(i), "
                + "\"caf\u{E9}\": 1, \"cafe\u{301}\": \(i), \"\": true, "
                + "\"a key longer than thirty-two bytes, not cached\": \(i), \"x\(i % 3)\": [\(i)], \"x\(i % 3)\": {\"x0\": \(i)}}"
        }
        let document = "[" + objects.joined(separator: ", ") + "]"
        XCTAssertGreaterThan(document.utf8.count, 4096)
        let parsed = try XCTUnwrap(try JSONParser.parse(document).arrayValue)
        XCTAssertEqual(parsed.count, objects.count)
        for (value, text) in zip(parsed, objects) {
            let alone = try JSONParser.parse(text)
            XCTAssertEqual(value, alone)
            XCTAssertEqual(Array(JSONWriter.compact(value).utf8), Array(JSONWriter.compact(alone).utf8))
        }
        XCTAssertEqual(parsed[10]["ab"], 10)
        XCTAssertEqual(parsed[10]["x1"], ["x0": 10])
        XCTAssertEqual(parsed[10]["caf\u{E9}"], 10)
    }

    func testObjectsOfOneShapeInALargeDocumentAreEachPutInKeyOrder() throws {
        // Items of one shape (unsorted keys) with nested objects of another between them; some items differ from the
        // shape in one key or repeat a key, with the same member count, so an order remembered for one must not be
        // reused for them.
        let objects = (0..<200).map { i -> String in
            let last = i % 5 == 0 ? "\"a\": \(i)" : i % 7 == 0 ? "\"z\": \(i)" : "\"m\": \(i)"
            return "{\"z\": \(i), \"y\": {\"q\": \(i), \"p\": [\(i)]}, \"b\": \"item \(i)\", \(last)}"
        }
        let document = "[" + objects.joined(separator: ", ") + "]"
        XCTAssertGreaterThan(document.utf8.count, 4096)
        let parsed = try XCTUnwrap(try JSONParser.parse(document).arrayValue)
        for (i, (value, text)) in zip(parsed, objects).enumerated() {
            let alone = try JSONParser.parse(text)
            XCTAssertEqual(value, alone, text)
            XCTAssertEqual(JSONWriter.compact(value), JSONWriter.compact(alone), text)
            let keys = value.objectValue.map { Array($0.keys) }
            XCTAssertEqual(keys, i % 5 == 0 ? ["a", "b", "y", "z"] : i % 7 == 0 ? ["b", "y", "z"] : ["b", "m", "y", "z"])
        }
        XCTAssertEqual(parsed[7]["z"], 7, "a repeated key keeps its last value")
    }

    func testEqualityAndHashIgnoreTheOrderMembersWereAdded() throws {
        let a = try JSONParser.parse(#"{"x": 1, "y": {"p": 1.0, "q": [1, 2]}}"#)
        let b = try JSONParser.parse(#"{"y": {"q": [1, 2], "p": 1.00}, "x": 1}"#)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.hashValue, b.hashValue)
        XCTAssertEqual(Set([a, b]).count, 1)
        XCTAssertNotEqual(a, try JSONParser.parse(#"{"x": 1, "y": {"p": 1, "q": [1, 2]}}"#))  // 1 is not 1.0
        XCTAssertNotEqual(a, try JSONParser.parse(#"{"x": 1}"#))
        XCTAssertNotEqual(a, try JSONParser.parse(#"{"x": 1, "z": {"p": 1.0, "q": [1, 2]}}"#))
        XCTAssertEqual(JSONValue.object(["a": 1, "b": 2]), JSONValue.object(JSONObject([("b", 2), ("a", 1)])))
    }

    func testDictionaryLikeEditing() {
        var object: JSONObject = ["m": 1]
        object["c"] = "c"
        object["x"] = true
        object["a"] = nil  // removing an absent key does nothing
        XCTAssertEqual(object.keys, ["c", "m", "x"])
        object["m"] = nil
        XCTAssertEqual(object.keys, ["c", "x"])
        XCTAssertEqual(object.updateValue(2, forKey: "c"), "c")
        XCTAssertNil(object.removeValue(forKey: "nope"))
        XCTAssertEqual(object.values, [2, true])
        XCTAssertEqual(object["none", default: .null], .null)

        let merged = object.merging(["c": 9, "d": 4]) { old, _ in old }
        XCTAssertEqual(merged, ["c": 2, "d": 4, "x": true])
        XCTAssertEqual(object.mapValues { _ in .null }, ["c": nil, "x": nil])
        XCTAssertEqual(object.filter { $0.key == "x" }, ["x": true])
        XCTAssertEqual(object.compactMapValues { $0 == .bool(true) ? JSONValue?.none : $0 }, ["c": 2])
        XCTAssertEqual([String: JSONValue](object), ["c": 2, "x": true])
        XCTAssertEqual(object.description, #"{"c":2,"x":true}"#)
    }

    func testNestedEmptyAndMixedContainersRoundTrip() throws {
        let text = #"[{"a":[1,{"b":[],"c":{}}],"d":[[],[{}]]},{},[],"s",-0.5e-3,null,false]"#
        let value = try JSONParser.parse(text)
        XCTAssertEqual(JSONWriter.compact(value), text)
        XCTAssertEqual(try JSONParser.parse(JSONWriter.pretty(value)), value)
        XCTAssertEqual(JSONWriter.pretty(["a": [], "b": [:], "c": [1, ["d": nil]]]), """
            {
              "a": [],
              "b": {},
              "c": [
                1,
                {
                  "d": null
                }
              ]
            }

            """)
        XCTAssertEqual(JSONWriter.prettyData(["k": "v"]), Data("{\n  \"k\": \"v\"\n}\n".utf8))
    }

    func testWriterEscapesControlCharactersAndKeepsOtherText() throws {
        let text = "a\u{01}b\u{1F}\"\\\n\r\t\u{08}\u{0C}/\u{E9}\u{1F600}\u{7F}"
        let written = JSONWriter.compact(.string(text))
        XCTAssertEqual(written, #""a\u0001b\u001f\"\\\n\r\t\b\f/"# + "\u{E9}\u{1F600}\u{7F}\"")
        XCTAssertEqual(try JSONParser.parse(written), .string(text))
        XCTAssertEqual(JSONWriter.compact(["k\"\u{02}": 1]), #"{"k\"\u0002":1}"#)
    }

    func testParseErrorsInsideNestedContainersStillNameTheirPlace() {
        XCTAssertThrowsError(try JSONParser.parse("{\"a\": [1, {\"b\": 2,}]}")) { error in
            XCTAssertEqual((error as? JSONParseError)?.description, "line 1, column 19: expected a string key, found '}'")
        }
        XCTAssertThrowsError(try JSONParser.parse("[[1, 2], [3 4]]")) { error in
            XCTAssertEqual((error as? JSONParseError)?.description, "line 1, column 13: expected ',' or ']' in array, found '4'")
        }
    }
}
