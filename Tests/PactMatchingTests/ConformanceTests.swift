import PactMatching
import PactModel
import XCTest

/// Runs the 803 matching testcases of the Pact specification (V1–V4) and checks that each one matches, or not, as
/// its `match` flag says. Where pact-reference changed its copies (PACT-SPEC §9), the spec files win.
final class ConformanceTests: XCTestCase {
    func testAllTestcaseFilesAreFound() throws {
        let all = try SpecTestcases.all()
        XCTAssertEqual(all.count, 803, "every testcase file must be run; none may be skipped")
        let counts = Dictionary(grouping: all, by: \.versionFolder).mapValues(\.count)
        XCTAssertEqual(counts, ["version-1": 76, "version-1.1": 97, "version-2": 178, "version-3": 226, "version-4": 226])
    }

    func testVersion1Request() throws { try run("version-1", "request", expectedCount: 41) }
    func testVersion1Response() throws { try run("version-1", "response", expectedCount: 35) }
    func testVersion1_1Request() throws { try run("version-1.1", "request", expectedCount: 54) }
    func testVersion1_1Response() throws { try run("version-1.1", "response", expectedCount: 43) }
    func testVersion2Request() throws { try run("version-2", "request", expectedCount: 93) }
    func testVersion2Response() throws { try run("version-2", "response", expectedCount: 85) }
    func testVersion3Request() throws { try run("version-3", "request", expectedCount: 98) }
    func testVersion3Response() throws { try run("version-3", "response", expectedCount: 97) }
    func testVersion3Message() throws { try run("version-3", "message", expectedCount: 31) }
    func testVersion4Request() throws { try run("version-4", "request", expectedCount: 98) }
    func testVersion4Response() throws { try run("version-4", "response", expectedCount: 97) }
    func testVersion4Message() throws { try run("version-4", "message", expectedCount: 31) }

    private func run(_ folder: String, _ direction: String, expectedCount: Int) throws {
        let cases = try SpecTestcases.cases(folder, direction)
        XCTAssertEqual(cases.count, expectedCount, "\(folder)/\(direction): testcase files found")
        for testcase in cases {
            let outcome: SpecOutcome
            do {
                outcome = try SpecTestcases.run(testcase)
            } catch {
                XCTFail("\(testcase.name): could not be run: \(error)")
                continue
            }
            if !outcome.passed {
                let found = outcome.mismatches.map(\.description).joined(separator: "; ")
                XCTFail("\(testcase.name): expected match=\(outcome.expectedMatch), got mismatches: [\(found)]")
            }
        }
    }
}
