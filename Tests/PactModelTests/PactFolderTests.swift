import Foundation
import PactModel
import XCTest

/// The one rule for which files of a folder are pacts, shared by `pactkit mock --dir` and `pactkit verify --dir`.
final class PactFolderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pact-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func touch(_ name: String) throws {
        try Data("{}".utf8).write(to: folder.appendingPathComponent(name))
    }

    func testJSONFilesInAnyCaseSortedByNameHiddenAndFoldersLeftOut() throws {
        for name in ["b.json", "A.JSON", "c.Json", ".hidden.json", "notes.txt", "d.json.bak"] { try touch(name) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nested.json"),
                                                withIntermediateDirectories: true)
        let files = try PactFolder.pactFiles(in: folder.path)
        XCTAssertEqual(files.map { URL(fileURLWithPath: $0).lastPathComponent }, ["A.JSON", "b.json", "c.Json"])
        XCTAssertTrue(files.allSatisfy { $0.hasPrefix(folder.path + "/") })
    }

    func testAnEmptyFolderListsNothing() throws {
        XCTAssertEqual(try PactFolder.pactFiles(in: folder.path), [])
    }

    func testAMissingFolderOrAFileIsAnErrorNamingIt() throws {
        let missing = folder.appendingPathComponent("missing").path
        XCTAssertThrowsError(try PactFolder.pactFiles(in: missing)) { error in
            XCTAssertEqual("\(error)", "\(missing): no such directory")
        }
        try touch("a.json")
        let file = folder.appendingPathComponent("a.json").path
        XCTAssertThrowsError(try PactFolder.pactFiles(in: file)) { error in
            XCTAssertEqual("\(error)", "\(file): not a directory (use --file for a file)")
        }
    }
}
