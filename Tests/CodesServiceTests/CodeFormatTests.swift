@testable import CodesService
import XCTest

final class CodeFormatTests: XCTestCase {
    func testTheAlphabetHas23UnambiguousSymbols() {
        let symbols = Set(CodeAlphabet.characters)
        XCTAssertEqual(symbols.count, 23)
        XCTAssertEqual(CodeAlphabet.characters.count, 23)
        for excluded in "0125AEIOULNSZ" { XCTAssertFalse(symbols.contains(excluded), "alphabet contains \(excluded)") }
    }

    func testActivationCodesAreTwelveAlphabetSymbolsAndUseTheWholeAlphabet() {
        let generator = CodeGenerator(random: SeededRandomSource(seed: 7))
        var seen = Set<Character>()
        for _ in 0..<2000 {
            let code = generator.activationCode()
            XCTAssertTrue(matches(code, "[346789BCDFGHJKMPQRTVWXY]{12}"), code)
            seen.formUnion(code)
        }
        XCTAssertEqual(seen, Set(CodeAlphabet.characters))
    }

    func testPaperCodesHaveTheDashedFormat() {
        let generator = CodeGenerator(random: SystemRandomSource())
        for _ in 0..<500 {
            let code = generator.paperVerificationCode()
            XCTAssertTrue(matches(code, "P(-[346789BCDFGHJKMPQRTVWXY]{4}){3}-[346789BCDFGHJKMPQRTVWXY]{2}"), code)
        }
    }

    func testASeededSourceRepeatsAndDifferentSeedsDiffer() {
        let first = CodeGenerator(random: SeededRandomSource(seed: 1))
        let again = CodeGenerator(random: SeededRandomSource(seed: 1))
        let other = CodeGenerator(random: SeededRandomSource(seed: 2))
        let codes = (0..<5).map { _ in first.activationCode() }
        XCTAssertEqual(codes, (0..<5).map { _ in again.activationCode() })
        XCTAssertNotEqual(codes, (0..<5).map { _ in other.activationCode() })
    }

    func testTheSystemSourceStaysInRange() {
        let source = SystemRandomSource()
        for bound in [1, 2, 23, 1000] {
            for _ in 0..<200 { XCTAssertTrue((0..<bound).contains(source.nextIndex(below: bound))) }
        }
    }

    func testUniqueCodesGiveUpAfterTenTakenCandidates() async {
        let generator = CodeGenerator(random: SeededRandomSource(seed: 3))
        var tried: [String] = []
        do {
            _ = try await generator.unique(generator.activationCode) { tried.append($0); return true }
            XCTFail("ten taken candidates gave a code")
        } catch {
            XCTAssertEqual(error as? CodesServiceError, .codeGenerationExhausted(attempts: 10))
        }
        XCTAssertEqual(tried.count, 10)
        var calls = 0
        let code = try? await generator.unique(generator.activationCode) { _ in calls += 1; return calls < 4 }
        XCTAssertNotNil(code)
        XCTAssertEqual(calls, 4)
    }
}
