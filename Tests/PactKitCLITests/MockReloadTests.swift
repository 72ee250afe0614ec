import Foundation
import TestSupport
import PactModel
import XCTest

/// `--watch`: pact files reloaded while clients stay connected.
final class MockReloadTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try MockCLI.scratch()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func write(_ name: String, _ text: String) throws {
        // Write-then-rename, as editors and pact writers do, so the watcher never sees half a file.
        let temporary = scratch.appendingPathComponent(".\(name).tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, scratch.appendingPathComponent(name).path) == 0 else {
            throw MockCLIError("cannot rename \(temporary.path)")
        }
    }

    private func version(_ number: Int) -> String {
        MockCLI.pact("[\(MockCLI.interaction("get the version", path: "/version", body: #"{"version": \#(number)}"#))]")
    }

    func testAChangedFileIsServedOnTheSameConnectionAndABrokenOneKeepsTheLastGoodVersion() throws {
        try write("api.json", version(1))
        let mock = try MockCLIProcess(["--dir", scratch.path, "--watch", "--watch-interval", "50"])
        let url = try mock.url()
        let port = try XCTUnwrap(url.port)
        let connection = try RawHTTPConnection(port: port, timeoutSeconds: 15)
        XCTAssertEqual(try connection.get("/version").json, ["version": 1])

        try write("api.json", version(2))
        try mock.waitForStderr(containing: "reloaded \(scratch.path)/api.json: serving 1 interactions from 1 pacts")
        XCTAssertEqual(try connection.get("/version").json, ["version": 2], "same keep-alive connection, new pact")

        try write("api.json", #"{"consumer": {"name": "app"}, "provider": "#)
        try mock.waitForStderr(containing: "reload: \(scratch.path)/api.json: $: ")
        XCTAssertTrue(mock.stderr.contains("still serving its last good version"), mock.stderr)
        XCTAssertEqual(try connection.get("/version").json, ["version": 2])
        let health = try connection.get("/__pactkit/health")
        XCTAssertTrue(health.json?["lastReloadProblem"]?.stringValue?.contains("api.json") ?? false, health.text)
        XCTAssertEqual(health.json?["reloads"], 1)

        // A new file in the directory is picked up too.
        try write("more.json", MockCLI.pact("[\(MockCLI.interaction("more", path: "/more", status: 201))]"))
        try mock.waitForStderr(containing: "reloaded \(scratch.path)/more.json")
        XCTAssertEqual(try connection.get("/more").status, 201)
        XCTAssertEqual(mock.stop(), 0)
    }

    func testAReloadThatWouldMakeProvidersCollideIsRefused() throws {
        try write("a.json", MockCLI.pact("[\(MockCLI.interaction("a thing", path: "/thing"))]", provider: "a"))
        let mock = try MockCLIProcess(["--dir", scratch.path, "--watch", "--watch-interval", "50"])
        let url = try mock.url()
        try write("b.json", MockCLI.pact("[\(MockCLI.interaction("b thing", path: "/thing", status: 202))]", provider: "b"))
        try mock.waitForStderr(containing: "reload refused: interactions of different providers collide")
        let connection = try RawHTTPConnection(port: try XCTUnwrap(url.port), timeoutSeconds: 15)
        XCTAssertEqual(try connection.get("/thing").status, 200)
        mock.stop()
    }
}
