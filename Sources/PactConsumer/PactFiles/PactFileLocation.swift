import Foundation

/// Where pact files go and what they are called.
enum PactFileLocation {
    /// The builder's directory, else `$PACT_OUTPUT_DIR`, else `pacts/` under the current directory (for `swift test`,
    /// the package root). Relative paths are taken from the current directory.
    static func directory(configured: URL?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        if let configured { return configured.standardizedFileURL }
        if let fromEnvironment = environment["PACT_OUTPUT_DIR"], !fromEnvironment.isEmpty {
            return URL(fileURLWithPath: fromEnvironment, isDirectory: true, relativeTo: cwd).standardizedFileURL
        }
        return cwd.appendingPathComponent("pacts", isDirectory: true).standardizedFileURL
    }

    /// `<consumer>-<provider>.json`, with path separators in the names replaced.
    static func fileName(consumer: String, provider: String) -> String {
        func safe(_ name: String) -> String {
            String(name.map { $0 == "/" || $0 == "\\" || $0 == "\0" || $0 == ":" ? "_" : $0 })
        }
        return "\(safe(consumer))-\(safe(provider)).json"
    }
}
