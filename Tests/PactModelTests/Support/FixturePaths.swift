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

    /// The Ruby pact_broker-client's pact with the Pact Broker (regexes in Ruby's dialect).
    static let brokerClientPact = fixtures.appendingPathComponent("broker-client/pact_broker_client-pact_broker.json")

    /// Every example pact file (`*.json`), sorted by name.
    static func allExamplePacts() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: examplePacts, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
