import Foundation
import PactMockServer
import PactStandaloneMock
import PactModel
import XCTest

/// Reading pact files and directories, and re-reading them when they change.
final class StandaloneLoadingTests: XCTestCase {
    private func pactText(_ description: String, status: Int = 200, provider: String = "api") -> String {
        StandalonePacts.document("[\(StandalonePacts.interaction(description, path: "/thing", status: status))]",
                                 provider: provider)
    }

    func testAMissingFileIsAnErrorNamingIt() throws {
        let scratch = try StandaloneScratch()
        let missing = scratch.path("nope.json")
        XCTAssertThrowsError(try PactLibrary(sources: PactSources(files: [missing]))) { error in
            guard case .pact(let pactError) = error as? StandaloneLoadError else { return XCTFail("\(error)") }
            XCTAssertEqual(pactError.file, missing)
            XCTAssertEqual(pactError.jsonPath, "$")
            XCTAssertTrue("\(error)".hasPrefix("\(missing): $: cannot read the file"), "\(error)")
        }
    }

    func testAMalformedFileIsAnErrorNamingTheFileAndTheJSONPath() throws {
        let scratch = try StandaloneScratch()
        try scratch.write("bad.json", StandalonePacts.document(#"[{"type": "Synchronous/HTTP", "description": "x", "request": {"method": 7, "path": "/"}, "response": {"status": 200}}]"#))
        try scratch.write("syntax.json", #"{"consumer": {"name": "c"}, "#)
        XCTAssertThrowsError(try PactLibrary(sources: PactSources(files: [scratch.path("bad.json")]))) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(scratch.path("bad.json")): $.interactions[0].request.method:"), "\(error)")
        }
        XCTAssertThrowsError(try PactLibrary(sources: PactSources(files: [scratch.path("syntax.json")]))) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(scratch.path("syntax.json")): $: line 1"), "\(error)")
        }
    }

    func testADirectoryServesEveryJSONFileInNameOrder() throws {
        let scratch = try StandaloneScratch()
        try scratch.write("b.json", pactText("from b"))
        try scratch.write("a.json", pactText("from a"))
        try scratch.write(".hidden.json", pactText("hidden"))
        try scratch.write("notes.txt", "not a pact")
        let explicit = try StandaloneScratch()
        try explicit.write("first.json", pactText("explicit"))
        let sources = PactSources(files: [explicit.path("first.json"), scratch.path("b.json")], directories: [scratch.url.path])
        XCTAssertEqual(try sources.resolve().map(\.path),
                       [explicit.path("first.json"), scratch.path("b.json"), scratch.path("a.json")])
        let library = try PactLibrary(sources: sources)
        XCTAssertEqual(library.pacts.flatMap { $0.interactions.map(\.info.description) }, ["explicit", "from b", "from a"])
        XCTAssertThrowsError(try PactSources(directories: [scratch.path("missing")]).resolve()) { error in
            XCTAssertTrue("\(error)".contains("missing: no such directory"), "\(error)")
        }
    }

    func testAChangedFileIsReadOnceItHasSettled() throws {
        let scratch = try StandaloneScratch()
        try scratch.write("a.json", pactText("version 1"))
        var library = try PactLibrary(sources: PactSources(directories: [scratch.url.path]))
        XCTAssertFalse(library.refresh().changed)

        try scratch.write("a.json", pactText("version two"))
        XCTAssertFalse(library.refresh().changed, "read only when two looks agree")
        let change = library.refresh()
        XCTAssertEqual(change.reloaded, [scratch.path("a.json")])
        XCTAssertEqual(library.pacts.first?.interactions.first?.info.description, "version two")
        XCTAssertFalse(library.refresh().changed)
    }

    func testABrokenFileKeepsItsLastGoodVersion() throws {
        let scratch = try StandaloneScratch()
        try scratch.write("a.json", pactText("good"))
        var library = try PactLibrary(sources: PactSources(files: [scratch.path("a.json")]))
        try scratch.write("a.json", "{ broken")
        _ = library.refresh()
        let change = library.refresh()
        XCTAssertFalse(change.changed)
        XCTAssertEqual(change.problems.count, 1)
        XCTAssertTrue(change.problems[0].hasPrefix("\(scratch.path("a.json")): $: "), change.problems[0])
        XCTAssertTrue(change.problems[0].contains("still serving its last good version"), change.problems[0])
        XCTAssertEqual(library.pacts.first?.interactions.first?.info.description, "good")
        // Reported once, not on every poll.
        XCTAssertTrue(library.refresh().problems.isEmpty)
        // Fixed again: the new version is served.
        try scratch.write("a.json", pactText("fixed"))
        _ = library.refresh()
        XCTAssertTrue(library.refresh().changed)
        XCTAssertEqual(library.pacts.first?.interactions.first?.info.description, "fixed")
    }

    func testFilesAddedToAndRemovedFromADirectory() throws {
        let scratch = try StandaloneScratch()
        try scratch.write("a.json", pactText("a"))
        var library = try PactLibrary(sources: PactSources(directories: [scratch.url.path]))
        try scratch.write("b.json", pactText("b"))
        _ = library.refresh()
        XCTAssertEqual(library.refresh().reloaded, [scratch.path("b.json")])
        XCTAssertEqual(library.pacts.count, 2)
        try FileManager.default.removeItem(atPath: scratch.path("a.json"))
        XCTAssertEqual(library.refresh().removed, [scratch.path("a.json")])
        XCTAssertEqual(library.pacts.map(\.file), [scratch.path("b.json")])
    }
}
