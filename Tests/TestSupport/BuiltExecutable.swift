import Foundation

/// The package's executables (`pactkit`, `codes-service`) as the build left them, in the products directory next
/// to the test bundle, and runs of them with their output captured: one locator and one runner for every test target.
public enum BuiltExecutable {
    /// A finished run.
    public struct Result: Sendable {
        /// The exit status (or the signal number when killed).
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// A failure to find or start an executable.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The executable `name` in the build's products directory.
    public static func url(_ name: String) throws -> URL {
        var directories: [URL] = Bundle.allBundles.flatMap { [$0.bundleURL.deletingLastPathComponent(), $0.bundleURL] }
        if let executable = CommandLine.arguments.first {
            directories.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        for directory in directories {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Failure(description: "\(name) not found next to the test bundle in \(directories.map(\.path)) "
                      + "(swift build --product \(name))")
    }

    /// Runs `name arguments` to completion with exactly `environment`, in `directory` (the package root unless
    /// given), and returns its status and output.
    public static func run(
        _ name: String, _ arguments: [String], environment: [String: String],
        in directory: URL = PackageRoot.url
    ) async throws -> Result {
        let process = try LoggedProcess(name, arguments, environment: environment, in: directory)
        let status = try await process.exitStatus()
        return Result(status: status, stdout: process.stdout, stderr: process.stderr)
    }

    /// This process's environment without the variables named by `dropping`, plus `extra`.
    public static func environment(
        dropping drop: (String) -> Bool, adding extra: [String: String]
    ) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in environment.keys where drop(name) { environment[name] = nil }
        environment.merge(extra) { _, new in new }
        return environment
    }
}
