import Foundation

/// Identifies one test run across the processes it spawns, so `overwrite` starts a file afresh once per run.
///
/// `swift test` runs the test binary as its child (twice when both XCTest and Swift Testing tests exist, and in
/// several workers with `--parallel`), so the parent process and its start time name the run. `PACT_RUN_ID`
/// overrides this, for runners that spawn processes differently.
enum RunIdentity {
    static let current: String = {
        if let explicit = ProcessInfo.processInfo.environment["PACT_RUN_ID"], !explicit.isEmpty { return explicit }
        let parent = getppid()
        return "parent \(parent) started \(startTime(of: parent) ?? "?")"
    }()

    /// The process's start time in clock ticks since boot (Linux), or nil where it cannot be read.
    private static func startTime(of pid: pid_t) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name start with field 3 (state); the start time is field 22.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : nil
    }
}
