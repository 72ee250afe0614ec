import Foundation
import PactModel
import XCTest

@testable import PactMatching

final class XMLBodyMatcherTests: XCTestCase {
    private func match(
        _ expected: String, _ actual: String, rules: [String: [MatchingRule]] = [:], allowUnexpectedKeys: Bool = false
    ) -> [Mismatch] {
        let selector = RuleSelector(rules.mapValues { RuleList($0) })
        return XMLBodyMatcher.match(expected: expected, actual: actual, rules: selector, allowUnexpectedKeys: allowUnexpectedKeys)
    }

    // MARK: Elements, attributes, text

    func testEqualDocumentsMatchWhateverTheAttributeOrder() {
        let expected = #"<?xml version="1.0"?><alligator name="Mary" feet="4"><colour>red</colour></alligator>"#
        let actual = #"<alligator feet="4" name="Mary">  <colour> red </colour>  </alligator>"#
        XCTAssertEqual(match(expected, actual), [])
    }

    func testDifferentAttributeValueNamesTheAttribute() {
        let mismatches = match(#"<alligator name="Mary"/>"#, #"<alligator name="Fred"/>"#)
        XCTAssertEqual(mismatches.count, 1)
        XCTAssertEqual(mismatches.first?.kind, .body)
        XCTAssertEqual(mismatches.first?.path, "$.alligator['@name']")
        XCTAssertEqual(mismatches.first?.expected, "Mary")
        XCTAssertEqual(mismatches.first?.actual, "Fred")
        XCTAssertEqual(mismatches.first?.message, "Expected 'Fred' to be equal to 'Mary'")
    }

    func testMissingAttributeFailsInRequestsAndResponses() {
        for allow in [false, true] {
            let mismatches = match(#"<a name="Mary" age="3"/>"#, #"<a age="3"/>"#, allowUnexpectedKeys: allow)
            XCTAssertEqual(mismatches.map(\.message), ["Expected attribute 'name'='Mary' but was missing"])
            XCTAssertEqual(mismatches.first?.path, "$.a['@name']")
        }
    }

    func testUnexpectedAttributeFailsOnlyWhenUnexpectedKeysAreNotAllowed() {
        let expected = #"<a name="Mary"/>"#
        let actual = #"<a name="Mary" phoneNumber=""/>"#
        XCTAssertEqual(match(expected, actual).map(\.message), ["Unexpected attribute phoneNumber=''"])
        XCTAssertEqual(match(expected, actual, allowUnexpectedKeys: true), [])
    }

    func testTextIsComparedTrimmed() {
        XCTAssertEqual(match("<a>\n  x  \n</a>", "<a>x</a>"), [])
        let mismatches = match("<a><b>red</b></a>", "<a><b>blue</b></a>")
        XCTAssertEqual(mismatches.map(\.path), ["$.a.b['#text']"])
        XCTAssertEqual(mismatches.map(\.message), ["Expected 'blue' to be equal to 'red'"])
    }

    func testCDATAAndEntitiesCountAsText() {
        XCTAssertEqual(match("<a><![CDATA[x < y]]></a>", "<a>x &lt; y</a>"), [])
    }

    func testRootElementsMustHaveTheSameName() {
        let mismatches = match("<alligator/>", "<crocodile/>")
        XCTAssertEqual(mismatches.map(\.message), ["Expected root element <alligator> but received <crocodile>"])
    }

    // MARK: Children

    func testMissingChildIsReported() {
        let mismatches = match("<a><one/><two/></a>", "<a><one/></a>", allowUnexpectedKeys: true)
        XCTAssertEqual(mismatches.map(\.message), ["Expected child <two/> but was missing"])
        XCTAssertEqual(mismatches.first?.path, "$.a.two")
    }

    func testMissingRepeatedChildNamesItsIndex() {
        let mismatches = match("<a><c>red</c><c>blue</c></a>", "<a><c>red</c></a>")
        XCTAssertEqual(mismatches.map(\.message), ["Expected child <c/> but was missing"])
        XCTAssertEqual(mismatches.first?.path, "$.a.c[1]")
    }

    func testUnexpectedChildrenFailInRequestsButNotInResponses() {
        let expected = "<a><c>red</c></a>"
        let actual = "<a><c>red</c><c>taupe</c><d/></a>"
        XCTAssertEqual(match(expected, actual).map(\.message), ["Unexpected child <c/>", "Unexpected child <d/>"])
        XCTAssertEqual(match(expected, actual, allowUnexpectedKeys: true), [])
    }

    func testSameNamedChildrenKeepTheirOrderButDifferentNamesNeedNot() {
        XCTAssertFalse(match("<a><c>red</c><c>blue</c></a>", "<a><c>blue</c><c>red</c></a>").isEmpty)
        XCTAssertEqual(match("<a><red/><blue/></a>", "<a><blue/><red/></a>"), [])
    }

    // MARK: Namespaces

    func testPrefixesDoNotMatterButNamespacesDo() {
        let expected = #"<alligator xmlns="urn:alligators" xmlns:n="urn:names" n:name="Mary"><b xmlns:f="urn:f"><f:n>1</f:n></b></alligator>"#
        let actual = #"<a:alligator xmlns:a="urn:alligators" xmlns:x="urn:names" x:name="Mary"><a:b><n xmlns="urn:f">1</n></a:b></a:alligator>"#
        XCTAssertEqual(match(expected, actual), [])
        XCTAssertFalse(match(#"<a:x xmlns:a="urn:a"/>"#, #"<a:x xmlns:a="urn:b"/>"#, allowUnexpectedKeys: true).isEmpty)
    }

    func testUnexpectedNamespaceOnTheRootFails() {
        XCTAssertFalse(match("<alligator/>", #"<alligator xmlns="urn:alligators"/>"#, allowUnexpectedKeys: true).isEmpty)
    }

    func testNamespacedAttributesDifferFromUnprefixedOnes() {
        let mismatches = match(#"<a xmlns:n="urn:n" n:id="1"/>"#, #"<a id="1"/>"#, allowUnexpectedKeys: true)
        XCTAssertEqual(mismatches.map(\.message), ["Expected attribute 'n:id'='1' but was missing"])
    }

    // MARK: Rules

    func testMinimumOnAnElementCountsItsChildren() {
        let body = #"<animals><alligator name="Mary"/></animals>"#
        let mismatches = match(body, body, rules: ["$.animals": [.minType(2)]])
        XCTAssertEqual(mismatches.map(\.message), ["Expected 'animals' to have at least 2 children"])
        XCTAssertEqual(mismatches.first?.path, "$.animals")
        XCTAssertEqual(match(body, body, rules: ["$.animals": [.minType(1)]]), [])
    }

    func testMaximumOnAnElementCountsItsChildren() {
        let mismatches = match("<a><b/></a>", "<a><b/><b/><b/></a>", rules: ["$.a": [.maxType(2)]])
        XCTAssertEqual(mismatches.map(\.message), ["Expected 'a' to have at most 2 children"])
    }

    func testTypeRuleMakesLikeChildrenAList() {
        let expected = "<people><person>Fred</person></people>"
        let actual = "<people><person>Fred</person><person>Fred</person></people>"
        XCTAssertEqual(match(expected, actual, rules: ["$.people": [.type]]), [])
        // Without the rule the second person is unexpected in a request.
        XCTAssertEqual(match(expected, actual).map(\.message), ["Unexpected child <person/>"])
    }

    func testTypeRuleRejectsStrangerChildrenEvenInResponses() {
        let expected = "<people><person>Fred</person></people>"
        let actual = "<people><person>Fred</person><cat>Fred</cat></people>"
        let mismatches = match(expected, actual, rules: ["$.people": [.type]], allowUnexpectedKeys: true)
        XCTAssertEqual(mismatches.map(\.message), ["Unexpected child <cat/>"])
    }

    func testTypeRuleStillComparesAttributesOfEachMember() {
        let expected = #"<people><person id="1"/></people>"#
        let actual = #"<people><person id="2"/><person/></people>"#
        let mismatches = match(expected, actual, rules: ["$.people": [.type]], allowUnexpectedKeys: true)
        XCTAssertEqual(mismatches.map(\.message), ["Expected attribute 'id'='1' but was missing"])
        XCTAssertEqual(mismatches.first?.path, "$.people.person[1]['@id']")
    }

    func testEqualityRuleOnAnElementLeavesItsContentEqual() {
        let mismatches = match("<a><b>x</b></a>", "<a><b>y</b></a>", rules: ["$.a.b": [.equality]])
        XCTAssertEqual(mismatches.map(\.path), ["$.a.b['#text']"])
    }

    func testValueRuleOnAnElementChecksItsText() {
        let rules: [String: [MatchingRule]] = ["$.a.b": [.regex("red|blue")]]
        XCTAssertEqual(match("<a><b>red</b><b>blue</b></a>", "<a><b>blue</b><b>red</b></a>", rules: rules), [])
        XCTAssertEqual(match("<a><b>red</b></a>", "<a><b>green</b></a>", rules: rules).map(\.path), ["$.a.b['#text']"])
    }

    func testOnlyCascadingRulesReachBeyondTheElementTheyNamed() {
        let regex: [String: [MatchingRule]] = ["$.a": [.regex(".*")]]
        XCTAssertEqual(match("<a><b><c>red</c></b></a>", "<a><b><c>blue</c></b></a>", rules: regex).map(\.path), ["$.a.b.c['#text']"])
        let type: [String: [MatchingRule]] = ["$.a": [.type]]
        XCTAssertEqual(match("<a><b><c>red</c></b></a>", "<a><b><c>blue</c></b></a>", rules: type), [])
    }

    func testRulePathsMayUseLocalOrWrittenNames() {
        let expected = #"<a:alligator xmlns:a="urn:a" xmlns:n="urn:n" n:name="Mary"/>"#
        let actual = #"<alligator xmlns="urn:a" xmlns:x="urn:n" x:name="Harry"/>"#
        XCTAssertEqual(match(expected, actual, rules: ["$.alligator['@name']": [.regex("\\w+")]]), [])
        XCTAssertEqual(match(expected, actual, rules: ["$['a:alligator']['@n:name']": [.regex("\\w+")]]), [])
        XCTAssertEqual(match(expected, actual).count, 1)
    }

    // MARK: Rule paths

    private func node(_ names: [(String, Int)], attribute: String? = nil) -> XMLNodePath {
        var path = XMLNodePath()
        for (name, index) in names { path = path.child(XMLQualifiedName(namespaceURI: nil, localName: name), index: index) }
        if let attribute { path = path.attribute(XMLQualifiedName(namespaceURI: nil, localName: attribute)) }
        return path
    }

    private func weight(_ expression: String, _ path: XMLNodePath) throws -> Int? {
        path.match(try PathExpression(parsing: expression))?.weight
    }

    func testRulePathsMayLeaveOutElementIndexes() throws {
        let phone = node([("animals", 0), ("alligator", 1)], attribute: "phoneNumber")
        XCTAssertEqual(try weight("$.animals.alligator['@phoneNumber']", phone), 16)
        XCTAssertEqual(try weight("$.animals[*].alligator['@phoneNumber']", phone), 16)
        XCTAssertEqual(try weight("$.animals.alligator[*]['@phoneNumber']", phone), 16)
        XCTAssertEqual(try weight("$.animals.alligator[1]['@phoneNumber']", phone), 32)
        XCTAssertNil(try weight("$.animals.alligator[0]['@phoneNumber']", phone))
        XCTAssertEqual(try weight("$.animals.*['@phoneNumber']", phone), 8)
        XCTAssertEqual(try weight("$.animals", phone), 4)
        XCTAssertNil(try weight("$.animals.crocodile", phone))
        XCTAssertNil(try weight("$[*]", phone))
    }

    func testTextPathsAcceptBothNotations() throws {
        let text = node([("a", 0), ("b", 0)]).text
        XCTAssertEqual(try weight("$.a.b['#text']", text), 16)
        XCTAssertEqual(try weight("$.a.b.#text", text), 16)
    }

    // MARK: Malformed documents

    func testMalformedActualBodyIsAMismatchWithItsLine() {
        let mismatches = match("<a><b/></a>", "<a>\n<b>\n</a>")
        XCTAssertEqual(mismatches.count, 1)
        XCTAssertEqual(mismatches.first?.path, "$")
        let message = mismatches.first?.message ?? ""
        XCTAssertTrue(message.hasPrefix("Failed to parse the actual body as XML: "), message)
        XCTAssertTrue(message.contains("line 3"), message)
        let shifted = match("<a><b/></a>", "\n\n<a>\n<b>\n</a>").first?.message ?? ""
        XCTAssertTrue(shifted.contains("line 5"), shifted)
    }

    func testMalformedExpectedBodyIsReportedAsSuch() {
        let mismatches = match("<a x=1/>", "<a/>")
        XCTAssertEqual(mismatches.count, 1)
        XCTAssertTrue(mismatches.first?.message.hasPrefix("Failed to parse the expected body as XML: ") == true)
    }

    func testTruncatedAndNonXMLBodiesDoNotParse() {
        for actual in ["<a>", "<a><b></b>", "hello", "{\"a\": 1}", "<a/><b/>", "<a>&nbsp;</a>"] {
            let mismatches = match("<a/>", actual)
            XCTAssertEqual(mismatches.count, 1, actual)
            XCTAssertTrue(mismatches.first?.message.hasPrefix("Failed to parse the actual body as XML") == true, actual)
        }
    }

    func testDeepNestingIsRefusedNotACrash() {
        let nested = { (depth: Int) in String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) }
        XCTAssertEqual(match(nested(900), nested(900)), [])
        let mismatches = match(nested(900), nested(5_000))
        XCTAssertEqual(mismatches.count, 1)
        XCTAssertTrue(mismatches.first?.message.contains("nested more than 1000 levels") == true, mismatches.description)
    }

    func testEntityExpansionIsRefused() {
        var entities = #"<!ENTITY e0 "lol">"#
        for level in 1...9 {
            entities += "<!ENTITY e\(level) \"" + String(repeating: "&e\(level - 1);", count: 10) + "\">"
        }
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE bomb [\(entities)]><bomb>&e9;</bomb>"
        let mismatches = match("<bomb/>", bomb)
        XCTAssertEqual(mismatches.count, 1)
        XCTAssertTrue(mismatches.first?.message.hasPrefix("Failed to parse the actual body as XML") == true)
    }

    func testExternalEntitiesAreNotRead() {
        let document = #"<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/hostname">]><a>&x;</a>"#
        XCTAssertEqual(match("<a/>", document), [])
    }

    func testConcurrentMatchesAreIndependent() {
        let results = (0..<16).map { _ in ResultBox() }
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let actual = index.isMultiple(of: 2) ? "<a><b>\(index)</b></a>" : "<a><b>\(index)</b><c/></a>"
            let mismatches = XMLBodyMatcher.match(
                expected: "<a><b>\(index)</b></a>", actual: actual, rules: RuleSelector([:]), allowUnexpectedKeys: false)
            results[index].set(mismatches.count)
        }
        XCTAssertEqual(results.map(\.value), (0..<16).map { $0.isMultiple(of: 2) ? 0 : 1 })
    }

    func testEmptyBodies() {
        XCTAssertEqual(match("", ""), [])
        XCTAssertEqual(match("<a/>", "").map(\.message), ["Expected an XML body but the actual body was empty"])
        XCTAssertEqual(match("", "<a/>").count, 1)
    }

    func testDeclaredEncodingDoesNotGarbleText() {
        let expected = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>Zürich</a>"
        XCTAssertEqual(match(expected, "\u{FEFF}  <a>Zürich</a>"), [])
    }
}

/// One slot written by one concurrent iteration.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = -1

    func set(_ value: Int) { lock.withLock { stored = value } }
    var value: Int { lock.withLock { stored } }
}
