import Foundation
import PactConsumer
import XCTest

/// Values held in Swift variables go straight into provider-state params, matcher examples and bodies.
final class PlainValueTests: XCTestCase {
    private struct Order: Encodable {
        var id: Int
        var lines: [String]
        var paid: Bool
    }

    func testVariablesNeedNoWrapping() throws {
        let code = "YSR5GNXKXAU3"
        let uses = 2
        let price = 9.5
        let active = true
        let tags = ["new", "gift"]
        let limits = ["daily": 3, "weekly": 10]
        let pact = PactBuilder(consumer: "app", provider: "api", reporter: CollectingFailureReporter())
        pact.uponReceiving("a code")
            .given("the code exists", ["code": code, "uses": uses, "price": price, "active": active, "tags": tags,
                                       "limits": limits, "literal": "x"])
            .withRequest(.get, .fromProviderState("/codes/${code}", example: "/codes/\(code)"))
            .willRespondWith(body: ["code": .equal(code), "uses": .like(uses), "price": .like(price),
                                    "active": .equal(active), "tags": .eachLike(tags[0]), "limits": .like(limits),
                                    "all": .arrayContaining(tags), "byKey": .eachValue(limits, matching: .integer(1)),
                                    "id": .fromProviderState("${code}", example: code)])
        XCTAssertEqual(pact.usageErrors, [])
        let interaction = try XCTUnwrap(pact.interactions.first)
        XCTAssertEqual(interaction.info.providerStates.first?.params,
                       ["code": "YSR5GNXKXAU3", "uses": 2, "price": 9.5, "active": true, "tags": ["new", "gift"],
                        "limits": ["daily": 3, "weekly": 10], "literal": "x"])
        guard case .json(let body, _) = interaction.response.body else { return XCTFail("\(interaction.response.body)") }
        XCTAssertEqual(body["code"], "YSR5GNXKXAU3")
        XCTAssertEqual(body["tags"], ["new"])
        XCTAssertEqual(body["all"], ["new", "gift"])
        XCTAssertEqual(interaction.response.matchingRules[.body]["$.code"]?.rules, [.equality])
        XCTAssertEqual(interaction.response.matchingRules[.body]["$.uses"]?.rules, [.type])
    }

    func testEncodableBodies() throws {
        let order = Order(id: 7, lines: ["tea"], paid: false)
        let (request, errors) = declaredRequest(.post, "/orders", body: .json(order))
        XCTAssertEqual(errors, [])
        guard case .json(let body, let contentType)? = request?.body else { return XCTFail("\(String(describing: request))") }
        XCTAssertEqual(body, ["id": 7, "lines": ["tea"], "paid": false])
        XCTAssertEqual(contentType?.description, "application/json")
    }

    func testAValueThatDoesNotEncodeIsAUsageErrorAtItsLine() {
        struct Broken: Encodable {
            func encode(to encoder: any Encoder) throws {
                throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "not today"))
            }
        }
        let line = #line + 1
        let (_, errors) = declaredRequest(.post, "/orders", body: .json(Broken()))
        XCTAssertEqual(errors.map(\.location.line), [UInt(line)])
        XCTAssertTrue(errors.first?.reason.contains("Broken cannot be encoded as JSON") ?? false, "\(errors)")
    }
}
