import Foundation
import TestSupport
import XCTest

/// `scripts/build-progress.sh`, through which the main job and the CI scripts show a build's progress instead of
/// staying silent for minutes: one line per tenth of the steps, compiler errors passed through, one closing line.
final class BuildProgressScriptTests: XCTestCase {
    /// Runs the script on `input` as `swift build` would pipe it, and returns its output lines.
    private func progress(_ input: String, label: String = "pactkit") throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [PackageRoot.url.appendingPathComponent("scripts/build-progress.sh").path, label]
        process.environment = ["PATH": "/usr/bin:/bin", "BUILD_PROGRESS_INTERVAL": "3600"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// A build of 200 steps: the lines of `swift build` when its output is not a terminal.
    private func build(steps: Int, inserting extra: [Int: String] = [:]) -> String {
        var lines = ["Building for debugging..."]
        for step in 1...steps {
            let module = step <= steps / 2 ? "NIOCore" : "PactModel"
            lines.append(step == steps ? "[\(step)/\(steps)] Linking pactkit"
                                       : "[\(step)/\(steps)] Compiling \(module) File\(step).swift")
            if let line = extra[step] { lines.append(line) }
        }
        lines.append("Build of product 'pactkit' complete! (95.20s)")
        return lines.joined(separator: "\n") + "\n"
    }

    func testALongBuildSaysHowFarItGotEachTenthAndWhenItIsDone() throws {
        let lines = try progress(build(steps: 200))
        XCTAssertEqual(lines.count, 11, lines.joined(separator: "\n"))
        XCTAssertTrue(lines[0].hasPrefix("    pactkit: 10% (20/200 steps, "), lines[0])
        XCTAssertTrue(lines[0].hasSuffix("; compiling NIOCore)"), lines[0])
        XCTAssertTrue(lines[5].hasPrefix("    pactkit: 60% (120/200 steps, "), lines[5])
        XCTAssertTrue(lines[5].hasSuffix("; compiling PactModel)"), lines[5])
        XCTAssertTrue(lines[9].hasSuffix("; linking pactkit)"), lines[9])
        XCTAssertTrue(lines[10].hasPrefix("    pactkit: built in "), lines[10])
    }

    func testABuildWithNothingToCompileSaysItIsUpToDate() throws {
        let input = "Building for debugging...\n[0/3] Write swift-version.txt\n[1/3] Write sources\n"
            + "Build of product 'pactkit' complete! (0.41s)\n"
        XCTAssertEqual(try progress(input, label: "codes-service"), ["    codes-service: up to date"])
    }

    func testCompilerErrorsPassThroughWithTheirContext() throws {
        let error = "/src/Sources/PactModel/Pact.swift:3:5: error: cannot find 'x' in scope\n  let a = x\n      ^"
        let input = build(steps: 20, inserting: [5: error])
            .replacingOccurrences(of: "Build of product 'pactkit' complete! (95.20s)\n", with: "error: fatalError\n")
        let lines = try progress(input)
        let errorLine = try XCTUnwrap(lines.firstIndex(of: "/src/Sources/PactModel/Pact.swift:3:5: error: cannot find 'x' in scope"))
        XCTAssertEqual(Array(lines[errorLine + 1...errorLine + 2]), ["  let a = x", "      ^"])
        XCTAssertTrue(lines[errorLine + 3].hasPrefix("    pactkit: 30% (6/20 steps"), lines.joined(separator: "\n"))
        XCTAssertEqual(lines.last, "error: fatalError")
        XCTAssertFalse(lines.contains { $0.contains("built in") })
    }
}
