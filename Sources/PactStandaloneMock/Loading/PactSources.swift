import Foundation
import PactModel

/// Where a standalone mock reads pacts from: single files, and directories whose `*.json` files are all pacts.
public struct PactSources: Sendable, Hashable {
    /// Pact files, in the order given.
    public var files: [String]
    /// Directories; their pact files are listed by `PactFolder` (the verifier's rule too).
    public var directories: [String]

    /// Builds a set of sources; both lists are empty by default.
    public init(files: [String] = [], directories: [String] = []) {
        self.files = files
        self.directories = directories
    }

    /// The pact files to read, in serving order: `files` as given, then each directory's `*.json` files sorted by
    /// name. A file named twice is read once. A directory that cannot be listed is an error; an empty one is not
    /// (its pacts may not have been written yet).
    public func resolve() throws(StandaloneLoadError) -> [PactFileReference] {
        var seen: Set<String> = []
        var result: [PactFileReference] = []
        func add(_ path: String, explicit: Bool) {
            let key = URL(fileURLWithPath: path).standardizedFileURL.path
            if seen.insert(key).inserted { result.append(PactFileReference(path: path, isExplicit: explicit)) }
        }
        for file in files { add(file, explicit: true) }
        for directory in directories {
            do throws(PactFolderError) {
                for path in try PactFolder.pactFiles(in: directory) { add(path, explicit: false) }
            } catch {
                throw .directory(path: error.path, reason: error.reason)
            }
        }
        return result
    }
}

/// One pact file to serve.
public struct PactFileReference: Sendable, Hashable {
    /// The path as given (or directory + name), so messages show what the user typed.
    public var path: String
    /// Named with `--file` rather than found in a directory: if it disappears, that is an error, not a removal.
    public var isExplicit: Bool

    /// Builds a reference; `isExplicit` is true for files named with `--file`.
    public init(path: String, isExplicit: Bool) {
        self.path = path
        self.isExplicit = isExplicit
    }
}
