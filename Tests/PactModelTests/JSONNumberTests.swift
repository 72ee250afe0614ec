import Foundation
import XCTest

@testable import PactModel

/// JSONNumber keeps short integers and plain decimals as digits, not text: the literal, the kind, the values and
/// equality must be what the text alone gives.
final class JSONNumberTests: XCTestCase {
    /// Literals of every shape the storage distinguishes: integers and decimals of up to 18 digits, longer ones,
    /// exponents, negative zeros, leading-zero fractions, trailing zeros.
    static let literals = [
        "0", "-0", "1", "-1", "7", "42", "-42", "100000", "999999999999999999", "-999999999999999999",
        "1000000000000000000", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "123456789012345678901234567890", "0.0", "-0.0", "-0.00", "0.5", "-0.5", "0.05", "-0.05", "9.99", "10.50",
        "1.0", "1.00", "3507.25", "0.000000000000000001", "0.1234567890123456789", "12345678901234567.8",
        "123456789012345678.9", "-1.5", "1e3", "1E3", "-1e-3", "1.5e10", "0e0", "1.0E+2", "4503599627370497.5",
        "9007199254740993.0", "0.30000000000000004",
    ]

    func testParsedNumbersKeepTheirLiteralKindAndValues() throws {
        for literal in Self.literals {
            let parsed = try XCTUnwrap(try JSONParser.parse("[\(literal)]").arrayValue?.first?.numberValue, literal)
            XCTAssertEqual(parsed.literal, literal)
            XCTAssertEqual(JSONWriter.compact(.number(parsed)), literal)
            let isInteger = !literal.contains(where: { ".eE".contains($0) })
            XCTAssertEqual(parsed.isInteger, isInteger, literal)
            XCTAssertEqual(parsed.int64Value, isInteger ? Int64(literal) : nil, literal)
            let double = try XCTUnwrap(Double(literal))
            XCTAssertEqual(parsed.doubleValue, double, literal)
            let fromText = try XCTUnwrap(JSONNumber(literal: literal))
            XCTAssertEqual(fromText.literal, literal)
            XCTAssertEqual(fromText, parsed, literal)
            XCTAssertEqual(fromText.hashValue, parsed.hashValue, literal)
        }
    }

    /// Equality and hashing over every pair agree with the rule written for literals: integers never equal
    /// decimals, integers are equal by value, decimals when their Double values are and both are exact.
    func testEqualityAndHashingAgreeWithTheLiteralRule() throws {
        let numbers = try Self.literals.map { try XCTUnwrap(JSONNumber(literal: $0)) }
        for a in numbers {
            for b in numbers {
                let expected: Bool
                if a.isInteger != b.isInteger {
                    expected = false
                } else if a.literal == b.literal {
                    expected = true
                } else if a.isInteger, let l = Int64(a.literal), let r = Int64(b.literal) {
                    expected = l == r
                } else if !a.isInteger {
                    let l = Double(a.literal)!, r = Double(b.literal)!
                    expected = l == r && String(l) == String(r) && Self.isExact(a.literal) && Self.isExact(b.literal)
                } else {
                    expected = false
                }
                XCTAssertEqual(a == b, expected, "\(a.literal) == \(b.literal)")
                if a == b { XCTAssertEqual(a.hashValue, b.hashValue, "\(a.literal) and \(b.literal) hash alike") }
            }
        }
    }

    /// Pact reading reuses a value decoded from JSON written exactly alike: two numbers have the same literal when,
    /// and only when, their texts are the same bytes (`1.0` and `1.00` are equal numbers with different literals).
    func testSameLiteralIsSameText() throws {
        let parsed = try Self.literals.map { try XCTUnwrap(try JSONParser.parse($0).numberValue) }
        let built = try Self.literals.map { try XCTUnwrap(JSONNumber(literal: $0)) }
        for (i, a) in parsed.enumerated() {
            for (j, b) in built.enumerated() {
                let (x, y) = (Self.literals[i], Self.literals[j])
                XCTAssertEqual(a.hasSameLiteral(as: b), x == y, "\(x) and \(y)")
            }
        }
        XCTAssertTrue(JSONNumber(7).hasSameLiteral(as: try XCTUnwrap(JSONNumber(literal: "7"))))
        XCTAssertFalse(JSONNumber(1.0).hasSameLiteral(as: try XCTUnwrap(JSONNumber(literal: "1.00"))))
    }

    func testNumbersMadeFromSwiftValues() {
        XCTAssertEqual(JSONNumber(42).literal, "42")
        XCTAssertEqual(JSONNumber(Int64.min).literal, "-9223372036854775808")
        XCTAssertEqual(JSONNumber(Int64.max).int64Value, Int64.max)
        XCTAssertEqual(JSONNumber(2.5).literal, "2.5")
        XCTAssertEqual(JSONNumber(3.0).literal, "3.0")
        XCTAssertEqual(JSONNumber(-0.25).literal, "-0.25")
        XCTAssertEqual(JSONNumber(1e-7).literal, "1e-07")
        XCTAssertEqual(JSONNumber(Double.nan).literal, "0.0")
        XCTAssertFalse(JSONNumber(3.0).isInteger)
        XCTAssertNotEqual(JSONNumber(3), JSONNumber(3.0))
        XCTAssertEqual(JSONNumber(3.0), JSONNumber(literal: "3.00"))
    }

    /// Random integers and decimals of 1 to 20 digits, with and without sign, read back exactly.
    func testRandomLiteralsReadBackExactly() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let digits = String((0..<Int.random(in: 1...20, using: &rng)).map { _ in "0123456789".randomElement(using: &rng)! })
            let whole = digits.count > 1 ? String(digits.drop(while: { $0 == "0" })) : digits
            let integerPart = whole.isEmpty ? "0" : whole
            let fraction = Bool.random(using: &rng)
                ? "." + String((0..<Int.random(in: 1...19, using: &rng)).map { _ in "0123456789".randomElement(using: &rng)! })
                : ""
            let literal = (Bool.random(using: &rng) ? "-" : "") + integerPart + fraction
            let parsed = try XCTUnwrap(try JSONParser.parse(literal).numberValue, literal)
            XCTAssertEqual(parsed.literal, literal)
            XCTAssertEqual(parsed.doubleValue, Double(literal)!, literal)
            XCTAssertEqual(parsed.int64Value, fraction.isEmpty ? Int64(literal) : nil, literal)
        }
    }

    private static func isExact(_ literal: String) -> Bool {
        let mantissa = literal.split(whereSeparator: { $0 == "e" || $0 == "E" }).first ?? ""
        return mantissa.filter(\.isNumber).drop(while: { $0 == "0" }).count <= 15
    }
}
