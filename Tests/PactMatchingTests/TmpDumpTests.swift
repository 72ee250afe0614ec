import PactMatching
import PactModel
import XCTest

final class TmpDumpTests: XCTestCase {
    func testDump() throws {
        var out = ""
        var passed = 0
        for testcase in try SpecTestcases.all() {
            let outcome = try SpecTestcases.run(testcase)
            if outcome.passed { passed += 1 }
            out += "\(outcome.passed ? "OK " : "BAD") \(outcome.expectedMatch) \(testcase.name)\n"
            for m in outcome.mismatches { out += "      \(m.kind) [\(m.path)] \(m.message) | e=\(m.expected ?? "nil") a=\(m.actual ?? "nil")\n" }
        }
        out += "passed \(passed)\n"
        try out.write(toFile: "/tmp/dump.txt", atomically: true, encoding: .utf8)
    }
}
