import Foundation

/// Locates the package's `Fixtures` folder from this file's path (Tests/PactModelTests/Support/ → package root).
enum FixturePaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // PactModelTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    static let fixtures = packageRoot.appendingPathComponent("Fixtures")
    static let examplePacts = fixtures.appendingPathComponent("example-pacts")
    static let specification = fixtures.appendingPathComponent("pact-specification")

    static func examplePact(_ name: String) -> URL { examplePacts.appendingPathComponent(name) }

    /// Every example pact file (`*.json`), sorted by name.
    static func allExamplePacts() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: examplePacts, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
