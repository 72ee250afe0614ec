import Foundation

/// Runs one test class of this package's test binary in a child process whose working directory is a scratch folder,
/// so a documented example that writes `pacts/` (as a reader's copy would) can run as written without touching the
/// repository's `pacts/`. The example skips itself unless `isActive`, with a `// repo only` line.
public enum ScratchTestRun {
    /// Set to "1" in the child process.
    public static let variable = "PACTKIT_SCRATCH_RUN"

    /// Whether this process is such a child run.
    public static var isActive: Bool { ProcessInfo.processInfo.environment[variable] == "1" }

    /// What the child process did.
    public struct Outcome: Sendable {
        /// The child's exit status.
        public var status: Int32
        /// Its standard output and error, interleaved.
        public var output: String
    }

    /// The running test binary, when it can be started as a child process (the Linux test binary can).
    public static var testBinary: URL? {
        #if os(Linux)
        let binary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        return FileManager.default.isExecutableFile(atPath: binary.path) ? binary : nil
        #else
        return nil
        #endif
    }

    /// Runs `testClass` ("Target.Class") from `binary` in `directory`, without `PACT_OUTPUT_DIR`.
    public static func run(_ testClass: String, binary: URL, in directory: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = [testClass]
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment[variable] = "1"
        environment["PACT_OUTPUT_DIR"] = nil
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: output)
    }
}
