import Foundation
@testable import PactConsumer
import PactModel
import XCTest

/// Merging, ordering, run-level conflicts, overwrite mode and V3 output of pact files.
final class PactFileWriterTests: XCTestCase {
    static func interaction(
        _ description: String, states: [ProviderState] = [], path: String = "/", status: Int = 200, testName: String? = nil
    ) -> HTTPInteraction {
        var info = InteractionInfo(description: description, providerStates: states)
        if let testName { info.comments["testname"] = .string(testName) }
        return HTTPInteraction(info: info, request: PactRequest(method: "GET", path: path), response: PactResponse(status: status))
    }

    static func request(
        _ interactions: [HTTPInteraction], in directory: URL, mode: PactWriteMode = .merge, version: PactSpecVersion = .v4,
        line: UInt = #line
    ) -> PactFileWriter.Request {
        PactFileWriter.Request(
            consumer: "app", provider: "api", version: version, mode: mode, directory: directory,
            interactions: interactions.map { (.http($0), PactSourceLocation(line: line)) })
    }

    private func readPact(_ directory: URL) throws -> Pact {
        try PactReader.read(contentsOf: directory.appendingPathComponent("app-api.json"))
    }

    func testWritesANewV4FileNamedAfterConsumerAndProvider() throws {
        let directory = try temporaryDirectory(self).appendingPathComponent("nested/pacts")
        try PactFileWriter.write(Self.request([Self.interaction("b"), Self.interaction("a")], in: directory))
        let pact = try readPact(directory)
        XCTAssertEqual(pact.consumer, "app")
        XCTAssertEqual(pact.provider, "api")
        XCTAssertEqual(pact.specVersion, .v4)
        XCTAssertEqual(pact.interactions.map(\.description), ["a", "b"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [], "the temporary file is renamed, not left behind")
    }

    func testMergeReplacesSameDescriptionAndStatesAndKeepsTheRest() throws {
        let directory = try temporaryDirectory(self)
        let state = ProviderState(name: "user 1 exists", params: ["id": 1])
        // An earlier run (another process) wrote these.
        let earlier = Pact(consumer: "app", provider: "api", interactions: [
            .http(Self.interaction("get user", states: [state], path: "/old")),
            .http(Self.interaction("get user", states: [ProviderState(name: "user 1 exists", params: ["id": 2])], path: "/two")),
            .http(Self.interaction("list users")),
        ])
        try PactWriter.write(earlier, version: .v4, to: directory.appendingPathComponent("app-api.json"))

        try PactFileWriter.write(Self.request([Self.interaction("get user", states: [state], path: "/new"),
                                               Self.interaction("delete user")], in: directory))
        let pact = try readPact(directory)
        XCTAssertEqual(pact.httpInteractions.map(\.info.description), ["delete user", "get user", "get user", "list users"])
        let paths = pact.httpInteractions.filter { $0.info.description == "get user" }.map(\.request.path)
        XCTAssertEqual(Set(paths), ["/new", "/two"], "same description and states replaced; different params kept")
    }

    func testOrderAndBytesAreDeterministic() throws {
        let first = try temporaryDirectory(self)
        let second = try temporaryDirectory(self)
        let items = [Self.interaction("z"), Self.interaction("a", states: [ProviderState(name: "s2")]),
                     Self.interaction("a", states: [ProviderState(name: "s1")]), Self.interaction("m")]
        try PactFileWriter.write(Self.request(items, in: first))
        try PactFileWriter.write(Self.request(items.reversed(), in: second))
        let a = try Data(contentsOf: first.appendingPathComponent("app-api.json"))
        let b = try Data(contentsOf: second.appendingPathComponent("app-api.json"))
        XCTAssertEqual(a, b)
        XCTAssertEqual(try readPact(first).interactions.map { "\($0.description)|\($0.info.providerStates.map(\.name))" },
                       ["a|[\"s1\"]", "a|[\"s2\"]", "m|[]", "z|[]"])
    }

    func testDifferentInteractionsWithTheSameKeyInOneRunAreAnError() throws {
        let directory = try temporaryDirectory(self)
        try PactFileWriter.write(Self.request([Self.interaction("get user", path: "/a")], in: directory, line: 11))
        // The same interaction again (another test, another test name) is fine.
        try PactFileWriter.write(Self.request([Self.interaction("get user", path: "/a", testName: "other")], in: directory))
        XCTAssertThrowsError(try PactFileWriter.write(Self.request([Self.interaction("get user", path: "/b")], in: directory, line: 22))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("interaction 'get user' with no provider state is declared differently"), text)
            XCTAssertTrue(text.contains(":11") && text.contains(":22"), "names both declarations: \(text)")
        }
        XCTAssertEqual(try readPact(directory).httpInteractions.map(\.request.path), ["/a"], "the file is untouched")
    }

    func testOverwriteStartsAfreshOncePerRunThenMerges() throws {
        let directory = try temporaryDirectory(self)
        try PactFileWriter.write(Self.request([Self.interaction("stale")], in: directory))
        // Pretend the file was last written by an earlier run.
        try pretendAnEarlierRunWrote(directory.appendingPathComponent("app-api.json"))
        try PactFileWriter.write(Self.request([Self.interaction("first")], in: directory, mode: .overwrite))
        XCTAssertEqual(try readPact(directory).interactions.map(\.description), ["first"])
        try PactFileWriter.write(Self.request([Self.interaction("second")], in: directory, mode: .overwrite))
        XCTAssertEqual(try readPact(directory).interactions.map(\.description), ["first", "second"],
                       "later writes in the same run merge")
    }

    func testThePactFolderHoldsPactFilesOnly() throws {
        let directory = try temporaryDirectory(self)
        try PactFileWriter.write(Self.request([Self.interaction("first")], in: directory, mode: .overwrite))
        try PactFileWriter.write(Self.request([Self.interaction("second")], in: directory))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["app-api.json"],
                       "the lock and the run identity live outside the pact folder")
        let lock = PactFileLock.lockURL(for: directory.appendingPathComponent("app-api.json"))
        XCTAssertFalse(lock.path.hasPrefix(directory.path))
        let record = try String(contentsOf: lock, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(record.first, RunIdentity.current)
        XCTAssertEqual(record.count, 3, "the run, then each interaction it declared: \(record)")
    }

    func testMergeModeKeepsInteractionsFromEarlierRuns() throws {
        let directory = try temporaryDirectory(self)
        try PactFileWriter.write(Self.request([Self.interaction("old")], in: directory))
        try pretendAnEarlierRunWrote(directory.appendingPathComponent("app-api.json"))
        try PactFileWriter.write(Self.request([Self.interaction("new")], in: directory))
        XCTAssertEqual(try readPact(directory).interactions.map(\.description), ["new", "old"])
    }

    func testV3OutputAndVersionConflict() throws {
        let directory = try temporaryDirectory(self)
        try PactFileWriter.write(Self.request([Self.interaction("a")], in: directory, version: .v3))
        let json = try JSONParser.parse(Data(contentsOf: directory.appendingPathComponent("app-api.json")))
        XCTAssertEqual(json["metadata"]?["pactSpecification"]?["version"], "3.0.0")
        XCTAssertNil(json["interactions"]?.arrayValue?.first?["type"], "V3 interactions have no type")
        XCTAssertEqual(try readPact(directory).specVersion, .v3)
        XCTAssertThrowsError(try PactFileWriter.write(Self.request([Self.interaction("b")], in: directory, version: .v4))) {
            XCTAssertTrue("\($0)".contains("is a V3.0.0 pact but this test writes V4.0"), "\($0)")
        }
    }

    func testUnreadableOrForeignFilesAreNotClobbered() throws {
        let directory = try temporaryDirectory(self)
        let file = directory.appendingPathComponent("app-api.json")
        try Data("{ not json".utf8).write(to: file)
        XCTAssertThrowsError(try PactFileWriter.write(Self.request([Self.interaction("a")], in: directory))) {
            XCTAssertTrue("\($0)".contains("cannot be read"), "\($0)")
        }
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "{ not json")

        try PactWriter.write(Pact(consumer: "app-api", provider: "x"), version: .v4, to: file)
        XCTAssertThrowsError(try PactFileWriter.write(Self.request([Self.interaction("b")], in: directory))) {
            XCTAssertTrue("\($0)".contains("holds the pact between 'app-api' and 'x'"), "\($0)")
        }
    }

    func testOutputDirectoryResolution() {
        let cwd = FileManager.default.currentDirectoryPath
        XCTAssertEqual(PactFileLocation.directory(configured: nil, environment: [:]).path, cwd + "/pacts")
        XCTAssertEqual(PactFileLocation.directory(configured: nil, environment: ["PACT_OUTPUT_DIR": "/tmp/out"]).path, "/tmp/out")
        XCTAssertEqual(PactFileLocation.directory(configured: nil, environment: ["PACT_OUTPUT_DIR": "build/pacts"]).path,
                       cwd + "/build/pacts")
        XCTAssertEqual(PactFileLocation.directory(configured: URL(fileURLWithPath: "/x/y"), environment: ["PACT_OUTPUT_DIR": "/z"]).path,
                       "/x/y")
        XCTAssertEqual(PactFileLocation.fileName(consumer: "web/app", provider: "api"), "web_app-api.json")
    }
}
