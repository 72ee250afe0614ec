import Foundation
import PactModel

/// Writes a run's interactions into `<directory>/<consumer>-<provider>.json`, merging with what is there.
///
/// Interactions are identified by description and provider states, and by their explicit V4 `key` when they have
/// one: a new interaction replaces the old ones with the same description and states or the same key.
/// The file is sorted by description, then states, so the same interactions always give the same bytes. Writes go
/// to a temporary file in the same directory that is then renamed over the pact, under `PactFileLock`, so
/// concurrent tests and parallel processes never lose each other's interactions or see half a file.
enum PactFileWriter {
    struct Request: Sendable {
        var consumer: String
        var provider: String
        var version: PactSpecVersion
        var mode: PactWriteMode
        var directory: URL
        /// The interactions (HTTP or message) with the call that declared each.
        var interactions: [(Interaction, PactSourceLocation)]
        /// Receives the `Pact: wrote …` line of a successful write (`PactWriteFeedback`); standard error by default.
        var feedback: @Sendable (String) -> Void = PactWriteFeedback.emit
        /// Whether the file is checked for interactions no run declared when the process ends.
        var warnsAtExit = true
    }

    /// Writes the file, says so through `request.feedback`, and returns what was written. Every write says it once,
    /// so a process whose tests write one pact file several times prints a line per write, each counting that
    /// write's interactions; interactions the file keeps but no run declared are named once, when the process ends
    /// (`PactWriteFeedback.warnAtExit`), since a later test of the process may still declare them.
    @discardableResult
    static func write(_ request: Request) throws(PactFileError) -> PactWriteSummary {
        let file = request.directory.appendingPathComponent(
            PactFileLocation.fileName(consumer: request.consumer, provider: request.provider))
        do {
            try FileManager.default.createDirectory(at: request.directory, withIntermediateDirectories: true)
        } catch {
            throw PactFileError(file: file.path, reason: "cannot create the directory: \(error.localizedDescription)")
        }
        let (added, conflicts) = InteractionRegistry.register(request.interactions, file: file.path)
        if let (earlier, later) = conflicts.first, let key = later.interaction.info.key,
           earlier.interaction.info.key == key,
           InteractionIdentity(earlier.interaction.info) != InteractionIdentity(later.interaction.info) {
            throw PactFileError(
                file: file.path,
                reason: "interactions '\(earlier.interaction.description)' (at \(earlier.location)) and "
                    + "'\(later.interaction.description)' (at \(later.location)) both have the key '\(key)' in this "
                    + "run; a key identifies one interaction of the pact, give each its own")
        }
        if let (earlier, later) = conflicts.first {
            let identity = InteractionIdentity(later.interaction.info)
            throw PactFileError(
                file: file.path,
                reason: "interaction '\(identity.description)' with \(identity.describedStates) is declared differently "
                    + "at \(earlier.location) and at \(later.location) in this run; one pact file cannot hold both. "
                    + "Give one a different description or provider state, or make them the same")
        }
        let summary: PactWriteSummary
        do {
            let lock = try PactFileLock(for: file)
            defer { lock.unlock() }
            let run = RunIdentity.current.replacingOccurrences(of: "\n", with: " ")
            let record = lock.runRecord()
            let sameRun = record.run == run
            let fresh = request.mode == .overwrite && !sameRun
            // Overwriting a file that cannot be read is how to get past it; it is then counted as empty.
            let onDisk = fresh ? ((try? read(file)) ?? nil) : try read(file)
            let pact = try merged(request, into: fresh ? nil : onDisk, file: file)
            try replace(file, with: pact, version: request.version)
            let declared = request.interactions.map { InteractionIdentity($0.0.info).recordLine }
            lock.record(run: run, declared: (sameRun ? record.declared : []).union(declared))
            // An overwrite counts against the file as the run found it, not the emptied file: a run that changed
            // nothing says so, and what it dropped is said once at exit.
            let before = request.mode == .overwrite
                ? PactWriteFeedback.overwriteBaseline(of: file, startedAfresh: fresh, onDisk: onDisk)
                : onDisk
            summary = PactWriteSummary(
                file: file, pact: pact, version: request.version,
                declared: request.interactions.map(\.0), before: before)
        } catch {
            InteractionRegistry.forget(added, file: file.path)
            throw error
        }
        if request.warnsAtExit { PactWriteFeedback.warnAtExit(about: file) }
        request.feedback(summary.line)
        return summary
    }

    private static func read(_ file: URL) throws(PactFileError) -> Pact? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do {
            return try PactReader.read(contentsOf: file)
        } catch {
            throw PactFileError(file: file.path, reason: "the existing pact file cannot be read, so it cannot be merged "
                                + "(\(error.description)); delete it or use writeMode: .overwrite")
        }
    }

    private static func merged(_ request: Request, into existing: Pact?, file: URL) throws(PactFileError) -> Pact {
        var pact = Pact(consumer: request.consumer, provider: request.provider, specVersion: request.version)
        var byIdentity: [InteractionIdentity: Interaction] = [:]
        if let existing {
            guard existing.consumer == request.consumer, existing.provider == request.provider else {
                throw PactFileError(file: file.path, reason: "the file holds the pact between '\(existing.consumer)' and "
                                    + "'\(existing.provider)', not '\(request.consumer)' and '\(request.provider)'")
            }
            guard existing.specVersion == request.version else {
                throw PactFileError(file: file.path, reason: "the file is a \(existing.specVersion) pact but this test "
                                    + "writes \(request.version); use one version per pact file, or writeMode: .overwrite")
            }
            pact.metadata = existing.metadata
            for interaction in existing.interactions { byIdentity[InteractionIdentity(interaction.info)] = interaction }
        }
        for (interaction, _) in request.interactions {
            // Like pact-reference's V4 merge, which joins interactions by key: an explicit key replaces the
            // interaction the file holds under it, whatever its description (a renamed interaction stays one).
            if let key = interaction.info.key {
                for (identity, old) in byIdentity where old.info.key == key { byIdentity[identity] = nil }
            }
            byIdentity[InteractionIdentity(interaction.info)] = interaction
        }
        pact.interactions = byIdentity.sorted { $0.key.sortKey < $1.key.sortKey }.map(\.value)
        return pact
    }

    /// Writes a temporary file next to `file` and renames it over `file`, which is atomic within a file system.
    private static func replace(_ file: URL, with pact: Pact, version: PactSpecVersion) throws(PactFileError) {
        let data: Data
        do {
            data = try PactWriter.data(for: pact, version: version)
        } catch {
            throw PactFileError(file: file.path, reason: "cannot write the pact as \(version): \(error.description)")
        }
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            throw PactFileError(file: file.path, reason: "cannot write \(temporary.path): \(error.localizedDescription)")
        }
        guard rename(temporary.path, file.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw PactFileError(file: file.path, reason: "cannot rename \(temporary.path) over it: \(reason)")
        }
    }
}
