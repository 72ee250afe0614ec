import Foundation

/// The pact files of a folder, by the one rule the mock and the verifier share: every regular file directly inside
/// whose name ends in `.json` in any case, except hidden ones (editors' and tools' scratch copies), sorted by name.
/// An empty folder lists nothing; whether that is an error is the caller's decision.
public enum PactFolder {
    /// The paths of the pact files in `directory` (`directory/name`, as the user gave the directory).
    public static func pactFiles(in directory: String) throws(PactFolderError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw PactFolderError(path: directory, reason: "no such directory")
        }
        guard isDirectory.boolValue else {
            throw PactFolderError(path: directory, reason: "not a directory (use --file for a file)")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw PactFolderError(path: directory, reason: "cannot list it: \(error.localizedDescription)")
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return names.filter(isPactName).sorted().map { base + $0 }.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }

    /// `*.json` in any case, not hidden.
    public static func isPactName(_ name: String) -> Bool {
        !name.hasPrefix(".") && name.lowercased().hasSuffix(".json")
    }
}

/// A pact folder that does not exist or cannot be listed.
public struct PactFolderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The folder, as given.
    public var path: String
    /// Why it cannot be read.
    public var reason: String

    /// Builds an error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `pacts/: no such directory`.
    public var description: String { "\(path): \(reason)" }
}
