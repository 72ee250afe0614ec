import Foundation
import PactMatching
import PactModel

/// The Pact specification's matching testcases in Fixtures/pact-specification (version-*/testcases/**/*.json).
struct SpecTestcase {
    let versionFolder: String
    let version: PactSpecVersion
    /// `request`, `response` or `message`.
    let direction: String
    /// `body`, `headers`, `query`, ...
    let category: String
    let url: URL

    var name: String { "\(versionFolder)/\(direction)/\(category)/\(url.lastPathComponent)" }
}

/// What running one testcase gave.
struct SpecOutcome {
    let expectedMatch: Bool
    let comment: String
    let mismatches: [Mismatch]

    var passed: Bool { mismatches.isEmpty == expectedMatch }
}

struct SpecTestcaseError: Error, CustomStringConvertible {
    let description: String
}

enum SpecTestcases {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // PactMatchingTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    static let root = packageRoot.appendingPathComponent("Fixtures/pact-specification")

    static let versions: [(folder: String, version: PactSpecVersion)] = [
        ("version-1", .v1), ("version-1.1", .v1_1), ("version-2", .v2), ("version-3", .v3), ("version-4", .v4),
    ]

    /// Every testcase file of every version, sorted by name.
    static func all() throws -> [SpecTestcase] {
        var cases: [SpecTestcase] = []
        for (folder, version) in versions {
            let testcases = root.appendingPathComponent(folder).appendingPathComponent("testcases")
            guard let enumerator = FileManager.default.enumerator(at: testcases, includingPropertiesForKeys: nil) else {
                throw SpecTestcaseError(description: "cannot list \(testcases.path)")
            }
            for case let url as URL in enumerator where url.pathExtension == "json" {
                let relative = url.pathComponents.suffix(3)
                guard relative.count == 3 else { continue }
                let parts = Array(relative)
                cases.append(SpecTestcase(versionFolder: folder, version: version, direction: parts[0], category: parts[1], url: url))
            }
        }
        return cases.sorted { $0.name < $1.name }
    }

    /// The testcases of one version and direction.
    static func cases(_ folder: String, _ direction: String) throws -> [SpecTestcase] {
        try all().filter { $0.versionFolder == folder && $0.direction == direction }
    }

    /// Reads a testcase, builds both sides with the version's reader and matches them.
    static func run(_ testcase: SpecTestcase) throws -> SpecOutcome {
        var data = try Data(contentsOf: testcase.url)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        let json = try JSONParser.parse(data)
        guard let match = json["match"]?.boolValue, let expected = json["expected"], let actual = json["actual"] else {
            throw SpecTestcaseError(description: "\(testcase.name): no match/expected/actual")
        }
        let comment = json["comment"]?.stringValue ?? ""
        let file = testcase.name
        let version = testcase.version
        let mismatches: [Mismatch]
        switch testcase.direction {
        case "request":
            mismatches = RequestMatching.match(
                expected: try PactReader.request(from: expected, version: version, at: "$.expected", file: file),
                actual: try PactReader.request(from: actual, version: version, at: "$.actual", file: file),
                version: version)
        case "response":
            mismatches = ResponseMatching.match(
                expected: try PactReader.response(from: expected, version: version, at: "$.expected", file: file),
                actual: try PactReader.response(from: actual, version: version, at: "$.actual", file: file),
                version: version)
        case "message":
            mismatches = MessageMatching.match(
                expected: try PactReader.message(from: expected, version: version, at: "$.expected", file: file),
                actual: try PactReader.message(from: actual, version: version, at: "$.actual", file: file),
                version: version)
        default:
            throw SpecTestcaseError(description: "\(testcase.name): unknown direction '\(testcase.direction)'")
        }
        return SpecOutcome(expectedMatch: match, comment: comment, mismatches: mismatches)
    }
}
