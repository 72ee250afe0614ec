import Foundation

/// Where a standalone mock reads pacts from: single files, and directories whose `*.json` files are all pacts.
public struct PactSources: Sendable, Hashable {
    /// Pact files, in the order given.
    public var files: [String]
    /// Directories; every `*.json` file directly inside (not in subfolders, not hidden) is read as a pact.
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
            for name in try Self.pactNames(in: directory) {
                add(directory.hasSuffix("/") ? directory + name : directory + "/" + name, explicit: false)
            }
        }
        return result
    }

    private static func pactNames(in directory: String) throws(StandaloneLoadError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw .directory(path: directory, reason: "no such directory")
        }
        guard isDirectory.boolValue else { throw .directory(path: directory, reason: "not a directory (use --file for a file)") }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .directory(path: directory, reason: "cannot list it: \(error.localizedDescription)")
        }
        // Hidden files are editors' and tools' scratch copies, not pacts.
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
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
