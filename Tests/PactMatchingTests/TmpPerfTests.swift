import Foundation
import PactMatching
import PactModel
import XCTest

final class TmpPerfTests: XCTestCase {
    func testPerf() throws {
        var items: [JSONValue] = []
        for i in 0..<4000 {
            items.append(.object(["id": .int(i), "name": .string("name \(i) with some text"), "price": .double(Double(i) + 0.5),
                                  "tags": .array([.string("a"), .string("b"), .string("c")]), "active": .bool(i % 2 == 0),
                                  "nested": .object(["x": .int(1), "y": .string("zzzzzzzzzzzzzz"), "z": .null])]))
        }
        let doc = JSONValue.object(["items": .array(items), "count": .int(4000)])
        let text = JSONWriter.compact(doc)
        print("size", text.utf8.count)
        let a = try JSONParser.parse(text)
        var rules = MatchingRules()
        rules.add(.minType(1), category: .body, key: "$.items")
        rules.add(.type, category: .body, key: "$.items[*].*")
        rules.add(.regex("\\d+"), category: .body, key: "$.items[*].id")
        var rules2 = MatchingRules()
        rules2.add(.minType(1), category: .body, key: "$.items")
        rules2.add(.type, category: .body, key: "$.items[*].*")
        for i in 0..<10 { rules2.add(.type, category: .body, key: "$.other\(i)") }
        for (label, r) in [("none", MatchingRules()), ("rules", rules), ("noregex", rules2)] {
            let start = Date()
            let m = BodyMatching.match(expected: .json(doc, contentType: .json), actual: .json(a, contentType: .json), expectedHeaders: [:], actualHeaders: [:], rules: r, allowUnexpectedKeys: false, version: .v4)
            print(label, m.count, Date().timeIntervalSince(start) * 1000, "ms")
        }
    }
}
