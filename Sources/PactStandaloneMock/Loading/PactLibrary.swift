import Foundation

/// The pact files of a set of sources with the last good version of each, for reloading: a file that changes is
/// read again once it has stopped changing (two polls alike), and if it no longer reads, its last good version stays.
public struct PactLibrary: Sendable {
    private struct FileState: Sendable {
        var reference: PactFileReference
        /// What the file looked like when `pact` was read (or last failed to read).
        var signature: FileSignature?
        var pact: ServedPact?
        /// A new look seen once; acted on when the next poll sees the same.
        var pending: FileSignature?
    }

    /// The files and directories the library reads, fixed at start-up.
    public let sources: PactSources
    private var files: [String: FileState] = [:]
    private var order: [String] = []

    /// Reads every pact of `sources`; any missing or malformed file is an error (start-up is strict).
    public init(sources: PactSources) throws(StandaloneLoadError) {
        self.sources = sources
        let references = try sources.resolve()
        // Signatures first: a change made while reading is then seen by the next poll.
        let signatures = references.map { FileSignature(path: $0.path) }
        let pacts = try ServedPact.read(references)
        for (position, reference) in references.enumerated() {
            files[reference.path] = FileState(reference: reference, signature: signatures[position], pact: pacts[position])
        }
        order = references.map(\.path)
    }

    /// The good pacts, in serving order.
    public var pacts: [ServedPact] { order.compactMap { files[$0]?.pact } }

    /// Looks at every file again and reads those that changed and have settled. Problems (unreadable files, a
    /// directory gone) are reported, never thrown: the last good version of everything stays.
    public mutating func refresh() -> LibraryChange {
        var change = LibraryChange()
        let references: [PactFileReference]
        do {
            references = try sources.resolve()
        } catch {
            change.problems.append("\(error); keeping the pacts read from it before")
            // Keep what is known, but still notice edits to the files.
            references = order.compactMap { files[$0]?.reference }
        }
        var seen: Set<String> = []
        for reference in references {
            seen.insert(reference.path)
            let signature = FileSignature(path: reference.path)
            var state = files[reference.path] ?? FileState(reference: reference, signature: nil, pact: nil, pending: nil)
            if files[reference.path] != nil, state.signature == signature {
                state.pending = nil
                files[reference.path] = state
                continue
            }
            guard state.pending == signature else {
                state.pending = signature
                files[reference.path] = state
                if !order.contains(reference.path) { order.append(reference.path) }
                continue
            }
            state.pending = nil
            state.signature = signature
            do {
                state.pact = try ServedPact.read(reference.path)
                change.reloaded.append(reference.path)
            } catch {
                change.problems.append(state.pact == nil
                    ? "\(error); not serving it until it reads"
                    : "\(error); still serving its last good version")
            }
            files[reference.path] = state
            if !order.contains(reference.path) { order.append(reference.path) }
        }
        for path in order where !seen.contains(path) {
            // Gone from its directory: drop it (explicit files stay in `references`, so they never land here).
            if files[path]?.pact != nil { change.removed.append(path) }
            files[path] = nil
        }
        order = references.map(\.path).filter { files[$0] != nil }
        return change
    }
}

/// What a refresh did.
public struct LibraryChange: Sendable {
    /// Files read again (or for the first time) successfully.
    public var reloaded: [String] = []
    /// Files no longer in their directory.
    public var removed: [String] = []
    /// Files that did not read, and other problems, as sentences.
    public var problems: [String] = []

    /// Whether the set of good pacts changed.
    public var changed: Bool { !reloaded.isEmpty || !removed.isEmpty }
}

/// What a file looks like from outside: existence, identity, size and modification time.
struct FileSignature: Sendable, Hashable {
    var exists: Bool
    var size: Int64
    var inode: UInt64
    var modified: TimeInterval

    init(path: String) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        exists = attributes != nil
        size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        inode = (attributes?[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSinceReferenceDate ?? 0
    }
}
