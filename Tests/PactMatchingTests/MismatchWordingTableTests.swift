import Foundation
import PactMatching
import PactModel
import XCTest

/// Every kind of mismatch, PactKit's sentence beside pact-reference's (`pact_matching` and `pact_models`, and the
/// Pact compatibility suite's expectations), asserted. Users move between implementations and compare outputs, so the
/// sentences and paths are the same wherever the specification is silent; the second table lists where PactKit
/// deliberately says something else, and why.
final class MismatchWordingTableTests: XCTestCase {
    /// One row: what was compared, PactKit's mismatch, and the reference's path and sentence (with its source).
    private struct Row {
        var kind: String
        var pactKit: Mismatch?
        /// nil where the paths differ on purpose (listed in `differences`).
        var referencePath: String?
        var reference: String
        var source: String
    }

    private func body(_ expected: JSONValue, _ actual: JSONValue, rules: [String: [MatchingRule]] = [:], request: Bool = true) -> Mismatch? {
        JSONBodyMatcher.match(expected: expected, actual: actual, rules: RuleSelector(rules.mapValues { RuleList($0) }),
                              allowUnexpectedKeys: !request).first
    }

    private func bodies(_ expected: Body, _ actual: Body, headers expectedHeaders: Headers = [:], _ actualHeaders: Headers = [:],
                        rules: MatchingRules = MatchingRules()) -> Mismatch? {
        BodyMatching.match(expected: expected, actual: actual, expectedHeaders: expectedHeaders, actualHeaders: actualHeaders,
                           rules: rules, allowUnexpectedKeys: false, version: .v4).first
    }

    private func headers(_ expected: Headers, _ actual: Headers, rules: [String: [MatchingRule]] = [:]) -> [Mismatch] {
        HeaderMatching.match(expected: expected, actual: actual, rules: rules.mapValues { RuleList($0) })
    }

    private func query(_ expected: [(String, [String?])], _ actual: [(String, [String?])], rules: [String: [MatchingRule]] = [:]) -> [Mismatch] {
        QueryMatching.match(expected: expected.map { QueryParameter(name: $0.0, values: $0.1) },
                            actual: actual.map { QueryParameter(name: $0.0, values: $0.1) }, rules: rules.mapValues { RuleList($0) })
    }

    private func bodyRules(_ rules: [String: MatchingRule]) -> MatchingRules {
        var result = MatchingRules()
        for (key, rule) in rules { result.add(rule, category: .body, key: key) }
        return result
    }

    private var rows: [Row] {
        let basic: JSONValue = ["one": "a", "two": "b"]
        let jpeg = ContentType(type: "image", subtype: "jpeg")
        let bytes40 = Data((0..<40).map { UInt8($0) })
        let bytes36 = Data((0..<36).map { UInt8(255 - $0) })
        let statusRules: MatchingRules = {
            var rules = MatchingRules()
            rules.add(.statusCode(.success), category: .status)
            return rules
        }()
        return [
            // Bodies: values
            Row(kind: "body equality", pactKit: body(basic, ["one": "a", "two": "c"]), referencePath: "$.two",
                reference: "Expected 'c' (String) to be equal to 'b' (String)", source: "V1/http_consumer.feature"),
            Row(kind: "body type rule", pactKit: body(basic, ["one": 100, "two": "b"], rules: ["$.one": [.type]]), referencePath: "$.one",
                reference: "Expected 100 (Integer) to be the same type as 'a' (String)", source: "V2/http_consumer.feature"),
            Row(kind: "body type mismatch (list)", pactKit: body(["one": "a", "two": ["b"]], ["one": "a", "two": "b"],
                                                                 rules: ["$.two": [.notEmpty]]),
                referencePath: "$.two", reference: #"Type mismatch: Expected 'b' (String) to be the same type as ["b"] (Array)"#,
                source: "V4/matching_rules.feature"),
            Row(kind: "body type mismatch (map)", pactKit: body([:], [], request: false), referencePath: "$",
                reference: "Type mismatch: Expected [] (Array) to be the same type as {} (Object)", source: "json.rs tests"),
            Row(kind: "integer", pactKit: body(basic, ["one": [], "two": "b"], rules: ["$.one": [.integer]]), referencePath: "$.one",
                reference: "Expected [] (Array) to be an integer", source: "V3/matching_rules.feature"),
            Row(kind: "decimal", pactKit: body(basic, ["one": nil, "two": "b"], rules: ["$.one": [.decimal]]), referencePath: "$.one",
                reference: "Expected null (Null) to be a decimal number", source: "V3/matching_rules.feature"),
            Row(kind: "number", pactKit: body(basic, ["one": true, "two": "b"], rules: ["$.one": [.number]]), referencePath: "$.one",
                reference: "Expected true (Boolean) to be a number", source: "V3/matching_rules.feature"),
            Row(kind: "null", pactKit: body(basic, ["one": "", "two": "b"], rules: ["$.one": [.null]]), referencePath: "$.one",
                reference: "Expected '' (String) to be a null value", source: "V3/matching_rules.feature"),
            Row(kind: "boolean", pactKit: body(["one": true, "two": "b"], ["one": "", "two": "b"], rules: ["$.one": [.boolean]]),
                referencePath: "$.one", reference: "Expected '' (String) to match a boolean", source: "V3/matching_rules.feature"),
            Row(kind: "include", pactKit: body(basic, ["one": "dog", "two": "b"], rules: ["$.one": [.include("a")]]),
                referencePath: "$.one", reference: "Expected 'dog' to include 'a'", source: "V3/matching_rules.feature"),
            Row(kind: "regex", pactKit: body(basic, basic, rules: ["$.one": [.regex(#"\w{3}\d{3}"#)]]), referencePath: "$.one",
                reference: #"Expected 'a' to match '\w{3}\d{3}'"#, source: "V2/http_consumer.feature"),
            Row(kind: "equality reset", pactKit: body(["a": ["status": "OK"]], ["a": ["status": "Lovely"]],
                                                      rules: ["$": [.type], "$.a.status": [.equality]]),
                referencePath: "$.a.status", reference: "Expected 'Lovely' (String) to be equal to 'OK' (String)",
                source: "V3/matching_rules.feature"),
            Row(kind: "minimum size", pactKit: body(["ids": [1]], ["ids": []], rules: ["$.ids": [.minMaxType(min: 1, max: 4)]]),
                referencePath: "$.ids", reference: "Expected [] (size 0) to have minimum size of 1", source: "V3/matching_rules.feature"),
            Row(kind: "maximum size", pactKit: body(["ids": [1]], ["ids": [1, 2, 3, 4, 5]], rules: ["$.ids": [.minMaxType(min: 1, max: 4)]]),
                referencePath: "$.ids", reference: "Expected [1, 2, 3, 4, 5] (size 5) to have maximum size of 4",
                source: "V3/matching_rules.feature"),
            Row(kind: "notEmpty string", pactKit: body(["one": "a"], ["one": ""], rules: ["$.one": [.notEmpty]]), referencePath: "$.one",
                reference: "Expected '' (String) to not be empty", source: "V4/matching_rules.feature"),
            Row(kind: "notEmpty list", pactKit: body(["two": ["b"]], ["two": []], rules: ["$.two": [.notEmpty]]), referencePath: "$.two",
                reference: "Expected [] (Array) to not be empty", source: "V4/matching_rules.feature"),
            Row(kind: "notEmpty null", pactKit: body(["one": "a"], ["one": nil], rules: ["$.one": [.notEmpty]]), referencePath: "$.one",
                reference: "Expected non-empty value but got a NULL", source: "json.rs DoMatch NotEmpty"),
            Row(kind: "notEmpty bytes", pactKit: bodies(.binary(bytes40, contentType: jpeg), .empty, headers: ["Content-Type": ["image/jpeg"]],
                                                        ["Content-Type": ["image/jpeg"]], rules: bodyRules(["$": .notEmpty])),
                referencePath: "$", reference: "Expected [] (0 bytes) to not be empty", source: "V4/matching_rules.feature"),
            Row(kind: "eachKey", pactKit: body(basic, ["one": "a", "two": "b", "100": "d"],
                                               rules: ["$": [.eachKey(rules: [.regex("[a-z]+")], example: nil)]]),
                referencePath: "$[100]", reference: "Expected '100' to match '[a-z]+'", source: "V4/matching_rules.feature"),
            Row(kind: "eachValue", pactKit: body(basic, ["one": "x", "four": "100"],
                                                 rules: ["$": [.eachValue(rules: [.regex("[a-z]+")], example: nil)]]),
                referencePath: "$.four", reference: "Expected '100' to match '[a-z]+'", source: "V4/matching_rules.feature"),
            Row(kind: "arrayContains", pactKit: body([["a": 1], ["b": 2]], [["a": 1]], rules: ["$": [.arrayContains([ArrayContainsVariant(index: 1)])]]),
                referencePath: "$", reference: #"Variant at index 1 ({"b":2}) was not found in the actual list"#,
                source: "V4/matching_rules.feature"),
            Row(kind: "map keys (request)", pactKit: body(basic, ["one": "a"]), referencePath: "$",
                reference: "Expected a Map with keys [one, two] but received one with keys [one]", source: "V1/http_consumer.feature"),
            Row(kind: "map keys (response)", pactKit: body(basic, ["one": "a"], request: false), referencePath: "$",
                reference: "Actual map is missing the following keys: two", source: "lib.rs match_keys"),
            Row(kind: "empty map", pactKit: body([:], ["a": 1]), referencePath: "$",
                reference: #"Expected an empty Map but received {"a":1}"#, source: "json.rs compare_maps"),
            Row(kind: "empty list", pactKit: body([], [1]), referencePath: "$",
                reference: "Expected an empty List but received [1]", source: "json.rs compare_lists"),
            Row(kind: "missing list item", pactKit: body(["c": ["red", "blue"]], ["c": ["red"]]), referencePath: "$.c",
                reference: "Expected blue but was missing", source: "json.rs compare_list_content"),
            Row(kind: "list length", pactKit: JSONBodyMatcher.match(expected: ["c": [1, 2]], actual: ["c": [1]], rules: .empty,
                                                                    allowUnexpectedKeys: false).last,
                referencePath: "$.c", reference: "Expected a List with 2 elements but received 1 elements", source: "json.rs compare_lists"),
            Row(kind: "key needing quotes", pactKit: body(["a b": 1], ["a b": 2]), referencePath: "$['a b']",
                reference: "Expected 2 (Integer) to be equal to 1 (Integer)", source: "path_exp.rs write_obj_key_for_path"),
            // Bodies: whole
            Row(kind: "body type", pactKit: bodies(.json(["a": 1], contentType: .json), .text("<a/>", contentType: .xml),
                                                   headers: ["Content-Type": ["application/json"]], ["Content-Type": ["application/xml"]]),
                referencePath: "$", reference: "Expected a body of 'application/json' but the actual content type was 'application/xml'",
                source: "V1/http_consumer.feature"),
            Row(kind: "text body", pactKit: bodies(.text("Hello World!", contentType: .plainText), .text("Hello Mars!", contentType: .plainText)),
                referencePath: "$", reference: "Expected body 'Hello World!' to match 'Hello Mars!' using equality but did not match",
                source: "V1/http_consumer.feature"),
            Row(kind: "binary body (32-byte preview)", pactKit: bodies(.binary(bytes40, contentType: jpeg), .binary(bytes36, contentType: jpeg)),
                referencePath: "$",
                reference: "Actual body [image/jpeg, 36 bytes, starting with "
                    + "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0efeeedecebeae9e8e7e6e5e4e3e2e1e0] is not equal to the expected body "
                    + "[image/jpeg, 40 bytes, starting with 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f]",
                source: "binary_utils.rs match_octet_stream"),
            Row(kind: "contentType rule", pactKit: bodies(.binary(bytes40, contentType: jpeg), .binary(Data("%PDF-1.4\n".utf8), contentType: jpeg),
                                                          rules: bodyRules(["$": .contentType("image/jpeg")])),
                referencePath: "$", reference: "Expected binary contents to have content type 'image/jpeg' but detected contents was 'application/pdf'",
                source: "V3/matching_rules.feature"),
            Row(kind: "XML child", pactKit: bodies(.text("<values><one>A</one><two>B</two></values>", contentType: .xml),
                                                   .text("<values><one>A</one></values>", contentType: .xml)),
                referencePath: "$.values.two", reference: "Expected child <two/> but was missing", source: "V1/http_consumer.feature"),
            Row(kind: "XML attribute missing", pactKit: bodies(.text(#"<alligator name="Mary"/>"#, contentType: .xml),
                                                               .text("<alligator/>", contentType: .xml)),
                referencePath: "$.alligator['@name']", reference: "Expected attribute 'name'='Mary' but was missing", source: "xml.rs"),
            Row(kind: "XML attribute value", pactKit: bodies(.text(#"<alligator name="Mary"/>"#, contentType: .xml),
                                                             .text(#"<alligator name="Fred"/>"#, contentType: .xml)),
                referencePath: "$.alligator['@name']", reference: "Expected 'Fred' to be equal to 'Mary'", source: "xml.rs compare_value"),
            Row(kind: "XML text", pactKit: bodies(.text("<a>red</a>", contentType: .xml), .text("<a>blue</a>", contentType: .xml)),
                referencePath: "$.a['#text']", reference: "Expected 'blue' to be equal to 'red'", source: "xml.rs compare_text"),
            Row(kind: "XML element needing quotes", pactKit: bodies(.text("<a-b>x</a-b>", contentType: .xml), .text("<a-b>y</a-b>", contentType: .xml)),
                referencePath: "$['a-b']['#text']", reference: "Expected 'y' to be equal to 'x'", source: "xml.rs, path_exp.rs"),
            Row(kind: "XML children size", pactKit: bodies(.text("<animals><a/></animals>", contentType: .xml),
                                                           .text("<animals><a/></animals>", contentType: .xml),
                                                           rules: bodyRules(["$.animals": .minType(2)])),
                referencePath: "$.animals", reference: "Expected 'animals' to have at least 2 children", source: "xml.rs DoMatch<&Element>"),
            // Method, path, status
            Row(kind: "method", pactKit: MethodMatching.match(expected: "POST", actual: "GET").first, referencePath: "",
                reference: "expected POST but was GET", source: "lib.rs Mismatch::description"),
            Row(kind: "path", pactKit: PathMatching.match(expected: "/basic", actual: "/path").first, referencePath: "",
                reference: "Expected '/path' to be equal to '/basic'", source: "lib.rs match_path"),
            Row(kind: "status", pactKit: StatusMatching.match(expected: 200, actual: 404).first, referencePath: "",
                reference: "expected 200 but was 404", source: "lib.rs match_status"),
            Row(kind: "status class", pactKit: StatusMatching.match(expected: 200, actual: 400, rules: statusRules).first,
                referencePath: "", reference: "Expected status code 400 to be a Successful response (200–299)",
                source: "V4/matching_rules.feature"),
            // Headers
            Row(kind: "header missing", pactKit: headers(["X-TEST": ["Compatibility"]], ["X-OTHER": ["Something"]]).first,
                referencePath: "X-TEST", reference: "Expected a header 'X-TEST' but was missing", source: "V1/http_consumer.feature"),
            Row(kind: "header value", pactKit: headers(["HEADER": ["HEADER_VALUE"]], ["HEADER": ["HEADER2"]]).first, referencePath: "HEADER",
                reference: "Mismatch with header 'HEADER': Expected 'HEADER2' to be equal to 'HEADER_VALUE'", source: "headers.rs tests"),
            Row(kind: "header media type", pactKit: headers(["content-type": ["application/json;charset=UTF-8"]],
                                                            ["content-type": ["application/json"]]).first,
                referencePath: "content-type",
                reference: "Mismatch with header 'content-type': Expected header 'content-type' to have value "
                    + "'application/json;charset=UTF-8' but was 'application/json'", source: "V3/http_matching.feature"),
            Row(kind: "repeated header value", pactKit: headers(["c": ["d", "e"]], ["c": ["e"]]).first, referencePath: "c",
                reference: "Mismatch with header 'c': Expected 'e' to be equal to 'd' for value at index 0", source: "headers.rs tests"),
            Row(kind: "repeated header missing value", pactKit: headers(["c": ["d", "e"]], ["c": ["d"]]).first, referencePath: "c",
                reference: "Mismatch with header 'c': Expected value 'e' at index 1 but was missing (actual has 1 value(s))",
                source: "headers.rs tests"),
            Row(kind: "repeated header rule", pactKit: headers(["X-Test": ["1000"]], ["X-Test": ["1000", "9999ABC"]],
                                                               rules: ["x-test": [.regex(#"\d{1,4}"#)]]).first,
                referencePath: "X-Test", reference: #"Mismatch with header 'X-Test': Expected '9999ABC' to match '\d{1,4}' for value at index 1"#,
                source: "headers.rs match_header_value"),
            Row(kind: "repeated header size", pactKit: headers(["id": ["1", "2", "3", "4"]], ["id": ["1"]], rules: ["id": [.minType(2)]]).first,
                referencePath: nil, reference: "Expected [1] (size 1) to have minimum size of 2", source: "headers.rs tests"),
            Row(kind: "empty header", pactKit: headers(["c": []], ["c": ["d"]]).first, referencePath: "c",
                reference: "Expected an empty header 'c' but actual value was 'd'", source: "headers.rs tests"),
            // Query
            Row(kind: "query missing", pactKit: query([("a", ["1"]), ("b", ["2"])], [("a", ["1"])]).first, referencePath: "b",
                reference: "Expected query parameter 'b' but was missing", source: "V1/http_consumer.feature"),
            Row(kind: "query unexpected", pactKit: query([("a", ["1"])], [("a", ["1"]), ("c", ["3"])]).first, referencePath: "c",
                reference: "Unexpected query parameter 'c' received", source: "V1/http_consumer.feature"),
            Row(kind: "query value", pactKit: query([("a", ["1"])], [("a", ["2"])]).first, referencePath: "a",
                reference: "Expected query parameter 'a' with value '1' but was '2'", source: "query.rs compare_query_parameter_value"),
            Row(kind: "query value missing", pactKit: query([("a", ["1", "2"])], [("a", ["1"])]).first, referencePath: "a",
                reference: "Expected query parameter 'a' value '2' but was missing", source: "query.rs compare_query_parameter_values"),
            Row(kind: "query count", pactKit: query([("a", ["1", "2"])], [("a", ["1"])]).last, referencePath: "a",
                reference: "Expected query parameter 'a' with 2 value(s) but received 1 value(s)", source: "query.rs match_query_values"),
            Row(kind: "query rule", pactKit: query([("a", ["1"])], [("a", ["123", "9999X"])], rules: ["a": [.regex(#"\d{1,4}"#)]]).first,
                referencePath: "a", reference: #"Expected '9999X' to match '\d{1,4}'"#, source: "V2/http_consumer.feature"),
            Row(kind: "query number rule", pactKit: query([("a", ["1"])], [("a", ["abc"])], rules: ["a": [.number]]).first,
                referencePath: "a", reference: "Expected 'abc' to match a number", source: "matchingrules.rs DoMatch<&str>"),
            Row(kind: "query integer rule", pactKit: query([("a", ["1"])], [("a", ["1.5"])], rules: ["a": [.integer]]).first,
                referencePath: "a", reference: "Expected '1.5' to match an integer number", source: "matchingrules.rs DoMatch<&str>"),
            Row(kind: "query date rule", pactKit: query([("d", ["2023-07-19"])], [("d", ["23/07/19"])], rules: ["d": [.date(format: nil)]]).first,
                referencePath: "d", reference: "Expected '23/07/19' to match a date pattern of 'yyyy-MM-dd'",
                source: "matchingrules.rs DoMatch<&str>"),
            Row(kind: "query datetime rule without a format", pactKit: query([("t", ["x"])], [("t", ["2020-05-01T10:11:12"])],
                                                                           rules: ["t": [.timestamp(format: nil)]]).first,
                referencePath: "t", reference: "Expected '2020-05-01T10:11:12' to match a timestamp pattern of 'yyyy-MM-dd'T'HH:mm:ssXXX'",
                source: "matchingrules.rs DoMatch<&str>"),
            Row(kind: "query size", pactKit: query([("id", ["1", "2"])], [("id", ["3"])], rules: ["id": [.minType(2)]]).first,
                referencePath: nil, reference: "Expected [3] (size 1) to have minimum size of 2", source: "matchingrules.rs display"),
            // Form bodies: pact-reference's query sentences with "form post parameter"
            Row(kind: "form parameter missing", pactKit: bodies(.text("a=1&b=2", contentType: .formURLEncoded),
                                                                .text("a=1", contentType: .formURLEncoded)),
                referencePath: "$.b", reference: "Expected form post parameter 'b' but was missing", source: "form_urlencoded.rs"),
            Row(kind: "form parameter value", pactKit: bodies(.text("a=1", contentType: .formURLEncoded),
                                                              .text("a=2", contentType: .formURLEncoded)),
                referencePath: "$.a", reference: "Expected form post parameter 'a' with value '1' but was '2'", source: "form_urlencoded.rs"),
            Row(kind: "form parameter size", pactKit: bodies(.text("tag=a", contentType: .formURLEncoded),
                                                             .text("tag=b", contentType: .formURLEncoded), rules: bodyRules(["$.tag": .minType(2)])),
                referencePath: "$.tag", reference: "Expected [b] (size 1) to have minimum size of 2", source: "form_urlencoded.rs"),
            // Metadata
            Row(kind: "metadata missing", pactKit: MetadataMatching.match(expected: ["X": "1"], actual: [:]).first, referencePath: "X",
                reference: "Expected message metadata 'X' but was missing", source: "lib.rs match_message_metadata"),
            Row(kind: "metadata value", pactKit: MetadataMatching.match(expected: ["X": "a"], actual: ["X": "b"]).first, referencePath: "X",
                reference: #"Expected metadata key 'X' to have value '"a"' but was '"b"' - Expected 'b' to be equal to 'a'"#,
                source: "lib.rs match_metadata_value"),
            Row(kind: "message content type",
                pactKit: MessageMatching.match(expected: MessageContents(contents: .json(["a": 1], contentType: nil), metadata: ["contentType": "application/json"]),
                                               actual: MessageContents(contents: .text("<a/>", contentType: nil), metadata: ["contentType": "application/xml"]),
                                               version: .v3).first,
                referencePath: "$", reference: "Expected message with content type application/json but was application/xml",
                source: "lib.rs match_message_contents"),
            // Multipart
            Row(kind: "multipart part missing", pactKit: multipart(["a", "b"], ["a"]).first, referencePath: "$",
                reference: "Expected a MIME part 'b' but was missing", source: "binary_utils.rs match_mime_multipart_inner"),
            Row(kind: "multipart field", pactKit: multipart(["a"], ["a"], actualValue: "2").first, referencePath: "$.a",
                reference: "MIME part 'a': Expected '2' to be equal to '1'", source: "binary_utils.rs match_field"),
        ]
    }

    /// A multipart/form-data body of fields named `names`, each with the value "1" (or `actualValue`).
    private func multipart(_ expectedNames: [String], _ actualNames: [String], actualValue: String = "1") -> [Mismatch] {
        func body(_ names: [String], _ value: String) -> Data {
            Data((names.map { "--b\r\nContent-Disposition: form-data; name=\"\($0)\"\r\n\r\n\(value)\r\n" }.joined() + "--b--\r\n").utf8)
        }
        let type = "multipart/form-data; boundary=b"
        return BodyMatching.match(expected: .binary(body(expectedNames, "1"), contentType: ContentType(type)),
                                  actual: .binary(body(actualNames, actualValue), contentType: ContentType(type)),
                                  expectedHeaders: ["Content-Type": [type]], actualHeaders: ["Content-Type": [type]],
                                  rules: MatchingRules(), allowUnexpectedKeys: false, version: .v4)
    }

    /// A multipart/mixed body whose only part has no name and lacks an expected header.
    private func unnamedPartHeader() -> [Mismatch] {
        let type = "multipart/mixed; boundary=b"
        let expected = Data("--b\r\nX-Part: 1\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n".utf8)
        let actual = Data("--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n".utf8)
        return BodyMatching.match(expected: .binary(expected, contentType: ContentType(type)), actual: .binary(actual, contentType: ContentType(type)),
                                  expectedHeaders: ["Content-Type": [type]], actualHeaders: ["Content-Type": [type]],
                                  rules: MatchingRules(), allowUnexpectedKeys: false, version: .v4)
    }

    func testEachMismatchKindReadsAsInTheReference() {
        for row in rows {
            XCTAssertEqual(row.pactKit?.message, row.reference, "\(row.kind) (\(row.source))")
            if let path = row.referencePath { XCTAssertEqual(row.pactKit?.path, path, "\(row.kind) path (\(row.source))") }
        }
    }

    /// Where PactKit deliberately says something else: its sentence, the reference's, and why.
    private var differences: [(kind: String, pactKit: String?, reference: String, reason: String)] {
        [
            ("date in a body", body(["d": "2023-07-19"], ["d": "23/07/19"], rules: ["$.d": [.date(format: "yyyy-MM-dd")]])?.message,
             "Expected '23/07/19' to match a date pattern of 'yyyy-MM-dd': <chrono's parse error>",
             "the reference appends its Rust date library's error text, which PactKit's parser cannot reproduce"),
            ("semver", body(["v": "1.0.0"], ["v": "1.0"], rules: ["$.v": [.semver]])?.message,
             "'1.0' is not a valid semantic version - <semver crate error>",
             "the reference appends its Rust semver crate's error text"),
            ("minimum size of a map", body(["m": ["a": 1]], ["m": [:]], rules: ["$.m": [.minType(1)]])?.message,
             "Expected {} (size 0) to have minimum size of 1 (maps in Rust debug form, e.g. {\"a\": Number(1)})",
             "the reference prints maps with Rust's debug formatting, naming Rust types; PactKit prints JSON"),
            ("repeated header rule index", headers(["X": ["1"]], ["X": ["1", "a"]], rules: ["X": [.regex(#"\d"#)]]).first?.message,
             #"Mismatch with header 'X': Expected 'a' to match '\d' for value at index 0"#,
             "the reference passes index 0 for every value checked under a rule; PactKit names the value's real index"),
            ("path of a header's or parameter's list-level mismatch", headers(["id": ["1", "2"]], ["id": ["1"]], rules: ["id": [.minType(2)]]).first?.path,
             "$.id",
             "the reference switches to its rule path for size and arrayContains mismatches; PactKit names the header, as for every header mismatch"),
            ("equality rule on bytes", bodies(.binary(Data([1, 2, 3]), contentType: .octetStream), .binary(Data([1, 2]), contentType: .octetStream),
                                              rules: bodyRules(["$": .equality]))?.message,
             "Expected '[1, 2, 3]...' (3 bytes) to be equal to '[1, 2]...' (2 bytes)",
             "the reference puts the expected bytes first, in Rust's debug form; PactKit puts the actual first, as every other equality sentence does"),
            ("invalid regex", body(["a": "x"], ["a": "x"], rules: ["$.a": [.regex("(unclosed")]])?.message,
             "'(unclosed' is not a valid regular expression - <Oniguruma's error>",
             "the reference appends its regex library's error text; PactKit appends its own reason"),
            ("XML root element", bodies(.text("<alligator/>", contentType: .xml), .text("<crocodile/>", contentType: .xml))?.message,
             "Expected 'alligator' to be equal to 'crocodile'",
             "the reference puts the expected name first in an equality sentence, the reverse of all its others"),
            ("unexpected XML attribute", bodies(.text("<a/>", contentType: .xml), .text(#"<a id="1"/>"#, contentType: .xml))?.message,
             "Did not expect any attributes but received {\"id\": \"1\"}",
             "the reference counts unexpected attributes (in Rust's debug form); PactKit names each one"),
            ("header of an unnamed multipart part", unnamedPartHeader().first?.message,
             "MIME part 'unknown part': Expected multipart header 'x-part' with value '1' but was missing",
             "the reference names a part without a name 'unknown part'; PactKit names it by its position"),
            ("missing body", bodies(.text("hello", contentType: .plainText), .missing)?.message,
             "Expected body Present(5 bytes, text/plain) but was missing",
             "the reference prints its Rust body type; PactKit shows the expected body itself"),
        ]
    }

    func testDeliberateDifferencesAreKnown() {
        let expected = [
            "Expected '23/07/19' to match a date pattern of 'yyyy-MM-dd'",
            "'1.0' is not a valid semantic version",
            "Expected {} (size 0) to have minimum size of 1",
            #"Mismatch with header 'X': Expected 'a' to match '\d' for value at index 1"#,
            "id",
            "Expected 2 bytes starting with 0102 to be equal to 3 bytes starting with 010203",
            "'(unclosed' is not a valid regular expression - unclosed group",
            "Expected root element <alligator> but received <crocodile>",
            "Unexpected attribute id='1'",
            "MIME part '0': Expected multipart header 'x-part' with value '1' but was missing",
            "Expected body 'hello' but was missing",
        ]
        XCTAssertEqual(differences.map(\.pactKit), expected)
        for difference in differences {
            XCTAssertNotEqual(difference.pactKit, difference.reference, difference.kind)
            XCTAssertFalse(difference.reason.isEmpty)
        }
    }
}
