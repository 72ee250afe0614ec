import Foundation
import HTTPServerCore
import PactModel
import PactVerifier
import XCTest

/// The Pact specification's 62 message testcases, black-box through `pactkit verify`: each testcase's expected
/// message becomes an interaction of a pact, and a message endpoint answers with the testcase's actual message (the
/// contents as the body, the content type in Content-Type, the metadata as base64 JSON in Pact-Message-Metadata). An
/// interaction must verify exactly when the testcase says the messages match. The same runs in process, with
/// producers answering the actual messages.
final class MessageConformanceCLITests: XCTestCase {
    struct Testcase {
        var name: String
        var match: Bool
        var expected: JSONValue
        var actual: MessagePayload
    }

    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/pact-specification")

    func testVersion3MessageTestcases() async throws { try await run("version-3", version: .v3, expectedCount: 31) }
    func testVersion4MessageTestcases() async throws { try await run("version-4", version: .v4, expectedCount: 31) }

    func testVersion3MessageTestcasesInProcess() async throws { try await runInProcess("version-3", version: .v3) }
    func testVersion4MessageTestcasesInProcess() async throws { try await runInProcess("version-4", version: .v4) }

    private func runInProcess(_ folder: String, version: PactSpecVersion) async throws {
        let testcases = try Self.load(folder, version: version)
        let pact = try PactReader.read(data: Data(JSONWriter.compact(Self.pact(testcases, version: version)).utf8))
        var configuration = VerifierConfiguration(providerBaseURL: URL(string: "http://127.0.0.1:1")!)
        for testcase in testcases {
            let actual = testcase.actual
            configuration.messages.producers[testcase.name] = MessageProducer { _ in actual }
        }
        let report = await (try Verifier(configuration: configuration)).verify(pacts: [pact])
        XCTAssertEqual(report.interactions.count, testcases.count)
        let byName = Dictionary(uniqueKeysWithValues: testcases.map { ($0.name, $0) })
        for result in report.interactions {
            let expected = byName[result.description]?.match
            XCTAssertEqual(result.status == .passed, expected, "\(folder)/\(result.description): \(result.mismatches) \(result.errors)")
        }
    }

    private func run(_ folder: String, version: PactSpecVersion, expectedCount: Int) async throws {
        let testcases = try Self.load(folder, version: version)
        XCTAssertEqual(testcases.count, expectedCount, "\(folder): message testcase files found")
        let byName = Dictionary(uniqueKeysWithValues: testcases.map { ($0.name, $0) })
        let provider = try await CLITestProvider { request in
            guard let description = (try? JSONParser.parse(request.body))?["description"]?.stringValue,
                  let testcase = byName[description]
            else { return ServerResponse(status: 404, body: Data("unknown message".utf8)) }
            return Self.answer(testcase.actual)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-message-conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pactFile = directory.appendingPathComponent("pact.json")
        try Data(JSONWriter.pretty(Self.pact(testcases, version: version)).utf8).write(to: pactFile)
        let reportFile = directory.appendingPathComponent("report.json")
        let result = try await PactkitBinary.verify([
            "--file", pactFile.path, "--provider-base-url", provider.url.absoluteString,
            "--message-path", "/pact-messages", "--json", reportFile.path, "--no-colour",
        ])
        await provider.stop()
        XCTAssertEqual(result.status, 1, "some testcases do not match, so the run fails: \(result.stderr)")
        let report = try JSONParser.parse(Data(contentsOf: reportFile))
        let interactions = report["pacts"]?.arrayValue?.first?["interactions"]?.arrayValue ?? []
        XCTAssertEqual(interactions.count, expectedCount)
        for interaction in interactions {
            let name = interaction["description"]?.stringValue ?? "?"
            guard let testcase = byName[name] else { XCTFail("unknown interaction \(name)"); continue }
            let status = interaction["status"]?.stringValue
            if testcase.match {
                XCTAssertEqual(status, "passed", "\(folder)/\(name) should match: \(interaction)")
            } else {
                XCTAssertTrue(status == "failed" || status == "error", "\(folder)/\(name) should not match: \(interaction)")
            }
        }
        XCTAssertEqual(Set(provider.requests.map(\.path)), ["/pact-messages"])
    }

    /// The provider's answer carrying `message`.
    static func answer(_ message: MessagePayload) -> ServerResponse {
        var headers: [(name: String, value: String)] = []
        if let contentType = message.contentType { headers.append(("Content-Type", contentType)) }
        if !message.metadata.isEmpty {
            headers.append(("Pact-Message-Metadata", Data(JSONWriter.compact(.object(message.metadata)).utf8).base64EncodedString()))
        }
        return ServerResponse(status: 200, headers: headers, body: message.contents)
    }

    /// One pact holding every testcase's expected message, described by the testcase's file name.
    static func pact(_ testcases: [Testcase], version: PactSpecVersion) -> JSONValue {
        let messages: [JSONValue] = testcases.map { testcase in
            var members = testcase.expected.objectValue ?? [:]
            members["description"] = .string(testcase.name)
            if version >= .v4 { members["type"] = "Asynchronous/Messages" }
            return .object(members)
        }
        return [
            "consumer": ["name": "spec-consumer"], "provider": ["name": "spec-provider"],
            version >= .v4 ? "interactions" : "messages": .array(messages),
            "metadata": ["pactSpecification": ["version": .string(version >= .v4 ? "4.0" : "3.0.0")]],
        ]
    }

    static func load(_ folder: String, version: PactSpecVersion) throws -> [Testcase] {
        let root = fixtures.appendingPathComponent(folder).appendingPathComponent("testcases/message")
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw TestFailure(reason: "cannot list \(root.path)")
        }
        var testcases: [Testcase] = []
        for case let url as URL in enumerator where url.pathExtension == "json" {
            var data = try Data(contentsOf: url)
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
            let json = try JSONParser.parse(data)
            guard let match = json["match"]?.boolValue, let expected = json["expected"], let actual = json["actual"] else {
                throw TestFailure(reason: "\(url.lastPathComponent): no match/expected/actual")
            }
            let name = url.deletingPathExtension().lastPathComponent
            let message = try PactReader.message(from: actual, version: version, at: "$.actual", file: url.lastPathComponent)
            testcases.append(Testcase(name: name, match: match, expected: expected, actual: MessagePayload(message)))
        }
        return testcases.sorted { $0.name < $1.name }
    }
}
