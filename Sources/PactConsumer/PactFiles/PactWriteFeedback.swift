import Foundation
import PactModel

/// What a test run says about the pact files it writes: a `Pact: wrote …` line per write (`PactWriteSummary.line`),
/// and, when the process ends, a warning per file that still holds interactions no test of the run declared (a
/// renamed description leaves the old interaction behind, because files are merged).
///
/// Both go to standard error: they are diagnostics about the run, not results, so they stay out of the standard
/// output that test-report tools parse (XCTest's progress lines), appear unbuffered next to the test that wrote,
/// and are never a test failure. A process prints one line per write: tests writing one file one after another each
/// print theirs, counting their own interactions against the file as they found it. The stale warning waits for the
/// end of the process because a later test of the same process may still declare what an earlier write found.
enum PactWriteFeedback {
    /// Where `emit` sends lines in this task instead of standard error (tests capture lines with it).
    @TaskLocal static var sink: (@Sendable (String) -> Void)?

    /// Sends `line` to the task's `sink`, else to standard error.
    static func emit(_ line: String) {
        if let sink { sink(line) } else { standardError(line) }
    }

    /// Writes `line` and a newline to standard error.
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The most stale interactions a warning names; the rest are counted.
    static let namedAtMost = 5

    /// The warning for `file` when it holds interactions that neither this process's runs nor earlier processes of
    /// the same test run (`RunIdentity`; `swift test` runs XCTest and Swift Testing tests in two) declared; nil when
    /// it holds none, or cannot be read. Test processes running in parallel (`--parallel`) only see what the others
    /// declared before, so one may name interactions another declares later.
    static func staleWarning(for file: URL) -> String? {
        readPact(file).flatMap { staleWarning(for: file, holding: $0) }
    }

    /// `staleWarning(for:)` of `file` as read into `pact`.
    private static func staleWarning(for file: URL, holding pact: Pact) -> String? {
        var declared = InteractionRegistry.declaredLines(file: file.path)
        let record = PactFileLock.peekRecord(for: file)
        if record.run == RunIdentity.current.replacingOccurrences(of: "\n", with: " ") {
            declared.formUnion(record.declared)
        }
        let stale = pact.interactions.map { InteractionIdentity($0.info) }.filter { !declared.contains($0.recordLine) }
        guard !stale.isEmpty else { return nil }
        let (count, left) = stale.count == 1
            ? ("1 interaction", "It is left from an earlier run")
            : ("\(stale.count) interactions", "They are left from earlier runs")
        return "Pact: warning: \(displayPath(file)) holds \(count) that no test of this run declared: \(named(stale)). "
            + "\(left), because pact files are merged; to drop them, run the tests with PACT_OVERWRITE=true or give "
            + "the builder writeMode: .overwrite"
    }

    /// For each file this process started afresh (`writeMode: .overwrite`), the pact it held before.
    private static let baselines = Locked<[String: Pact]>([:])

    /// The pact an overwrite's counts compare with: what `file` held before this process started it afresh (recorded
    /// when `startedAfresh`), else what it holds now. A run's later processes only see the file as the first left it.
    static func overwriteBaseline(of file: URL, startedAfresh: Bool, onDisk: Pact?) -> Pact? {
        let key = file.standardizedFileURL.path
        return baselines.withLock { baselines in
            if startedAfresh {
                baselines[key] = onDisk
                return onDisk
            }
            return baselines[key] ?? onDisk
        }
    }

    /// What the overwrite of `file` dropped, said once when the process ends: the interactions it held before this
    /// process started it afresh that it no longer holds; nil when none.
    static func removalNote(for file: URL) -> String? {
        removalNote(for: file, holding: readPact(file))
    }

    /// `removalNote(for:)` of `file` as read into `pact` (nil when it cannot be read: everything was removed).
    private static func removalNote(for file: URL, holding pact: Pact?) -> String? {
        guard let baseline = baselines.withLock({ $0[file.standardizedFileURL.path] }) else { return nil }
        let kept = Set((pact?.interactions ?? []).map { InteractionIdentity($0.info) })
        let removed = baseline.interactions.map { InteractionIdentity($0.info) }.filter { !kept.contains($0) }
        guard !removed.isEmpty else { return nil }
        let count = removed.count == 1 ? "1 interaction" : "\(removed.count) interactions"
        return "Pact: \(displayPath(file)): the overwrite removed \(count) that no test of this run declared: "
            + named(removed)
    }

    /// The first `namedAtMost` interactions by name, then "and N more".
    private static func named(_ identities: [InteractionIdentity]) -> String {
        var names = identities.prefix(namedAtMost).map(\.named).joined(separator: ", ")
        if identities.count > namedAtMost { names += " and \(identities.count - namedAtMost) more" }
        return names
    }

    /// The pact in `file`; nil when there is none or it cannot be read.
    private static func readPact(_ file: URL) -> Pact? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return try? PactReader.read(contentsOf: file)
    }

    /// The files written by this process, checked by `staleWarning` when it exits, in the order first written.
    private static let filesToCheck = Locked<[URL]>([])

    /// Checks `file` for stale interactions when the process exits (once, however often it is written).
    static func warnAtExit(about file: URL) {
        _ = exitHook
        filesToCheck.withLock { files in
            if !files.contains(file) { files.append(file) }
        }
    }

    /// Installed once: test processes end by calling `exit`, which runs it after the last test.
    private static let exitHook: Void = {
        atexit { PactWriteFeedback.warnAboutStaleInteractions() }
    }()

    private static func warnAboutStaleInteractions() {
        for file in filesToCheck.withLock({ $0 }) {
            let pact = readPact(file)  // once for both lines
            if let note = removalNote(for: file, holding: pact) { standardError(note) }
            if let warning = pact.flatMap({ staleWarning(for: file, holding: $0) }) { standardError(warning) }
        }
    }

    /// `file` relative to the current directory when inside it (`pacts/a-b.json`), else its full path.
    static func displayPath(_ file: URL) -> String {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true).standardizedFileURL.path
        let path = file.standardizedFileURL.path
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
