#if BrokerServer
import ArgumentParser
import Foundation
import Logging
import PactBrokerServer

/// `pactkit broker clean`: deletes old versions by keep selectors, as pact_broker's incremental clean.
struct BrokerCleanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Delete old broker data.",
        discussion: """
            Deletes the oldest versions that no --keep selector matches (at most --limit per run), with their tags, \
            branch memberships, pact publications, the verification results they published as providers and their \
            deployments, then the pact contents nothing refers to any more (pact_broker's incremental clean). \
            Without --keep it keeps the latest version per tag, per branch and overall, deployed and released \
            versions and versions younger than 90 days; {"deployed":true} and {"released":true} are always added. \
            Selector keys: pacticipant, latest, tag (a name or true), branch (a name or true), mainBranch, deployed, \
            released, environment, maxAge (days). First it deletes stale branches (with their branch memberships, \
            not their versions): those no --keep-branch selector keeps, at most --branch-limit, never a main branch; \
            without --keep-branch it keeps branches a version was added to within 90 days; --keep-all-branches \
            deletes none. Branch selector keys: maxAge (days), branch (a name or an array of names). Run it while the broker is stopped or on the same file: SQLite \
            serialises the writes. --db names the SQLite file or the postgres:// URL, as for `pactkit broker` (default \
            broker.sqlite3).
            """)

    /// `--db` belongs to `pactkit broker`, which parses it wherever it stands: `pactkit broker clean --db FILE`.
    @ParentCommand var broker: BrokerCommand
    private var db: String { broker.db }

    @Option(name: .customLong("keep"), help: ArgumentHelp(
        "A JSON keep selector, e.g. '{\"branch\":\"main\",\"latest\":true}' or '{\"maxAge\":30}'; repeatable.", valueName: "json"))
    var keep: [String] = []

    @Option(help: "The most versions to delete in this run.")
    var limit = 1000

    @Option(name: .customLong("keep-branch"), help: ArgumentHelp(
        "A JSON branch keep selector, e.g. '{\"maxAge\":30}' or '{\"branch\":[\"develop\"]}'; repeatable.", valueName: "json"))
    var keepBranch: [String] = []

    @Flag(help: "Delete no branches (stale branch cleanup off).")
    var keepAllBranches = false

    @Option(help: "The most stale branches to delete in this run (default: --limit).")
    var branchLimit: Int?

    @Flag(help: "List what would be deleted; change nothing.")
    var dryRun = false

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        if let branchLimit, branchLimit < 1 { throw ValidationError("--branch-limit must be at least 1") }
        if keepAllBranches && !keepBranch.isEmpty { throw ValidationError("--keep-all-branches and --keep-branch exclude each other") }
        for value in keep {
            do { _ = try CleanKeepSelector.parse(value) } catch { throw ValidationError("\(error)") }
        }
        for value in keepBranch {
            do { _ = try CleanBranchSelector.parse(value) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() async throws {
        if PostgresStoreConfiguration.isURL(db) {
            let store: PostgresBrokerStore
            do {
                store = try await PostgresBrokerStore.connect(try PostgresStoreConfiguration.parse(url: db),
                                                              logger: Logger(label: "pactkit.broker.store"))
            } catch {
                // The error names the server, never the password.
                FileHandle.standardError.write(Data("pactkit broker clean: \(error)\n".utf8))
                throw ExitCode.failure
            }
            // The pool runs while the clean does, and stops when it is done.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await store.run() }
                defer { group.cancelAll() }
                try await clean(store)
            }
            return
        }
        guard db != ":memory:", FileManager.default.fileExists(atPath: db) else {
            FileHandle.standardError.write(Data("pactkit broker clean: no database at \(db)\n".utf8))
            throw ExitCode.failure
        }
        let store: SQLiteBrokerStore
        do {
            store = try SQLiteBrokerStore(path: db)
        } catch {
            FileHandle.standardError.write(Data("pactkit broker clean: cannot open \(db): \(error)\n".utf8))
            throw ExitCode.failure
        }
        try await clean(store)
    }

    /// Runs the clean on `store`, prints the report and closes the store.
    private func clean(_ store: any BrokerStore) async throws {
        let keepBranches = keepAllBranches ? nil
            : keepBranch.isEmpty ? CleanBranchSelector.defaults : try keepBranch.map(CleanBranchSelector.parse)
        let clean = BrokerClean(keep: try keep.map(CleanKeepSelector.parse), limit: limit, dryRun: dryRun,
                                keepBranches: keepBranches, branchLimit: branchLimit)
        let report: BrokerClean.Report
        do {
            report = try await clean.run(store)
        } catch {
            await store.close()
            FileHandle.standardError.write(Data("pactkit broker clean: \(error)\n".utf8))
            throw ExitCode.failure
        }
        await store.close()
        print(Self.text(report), terminator: "")
    }

    static func text(_ report: BrokerClean.Report) -> String {
        let prefix = report.dryRun ? "[DRY RUN] " : ""
        let formatter = ISO8601DateFormatter()
        var out = ""
        // pact_broker's clean task's wording.
        if let selectors = report.keepBranches {
            out += "\(prefix)Deleting stale branches that do not match the configured selectors (main branches are always kept): "
            out += selectors.map(\.description).joined(separator: " ") + "\n"
            out += "\(prefix)\(report.totalBranches) branches; \(report.dryRun ? "would delete" : "deleting") "
            out += "\(report.deletedBranches.count) stale ones\n"
            for branch in report.deletedBranches {
                out += "\(prefix)  \(branch.pacticipant) branch \(branch.name) (updated \(formatter.string(from: branch.updatedAt)))\n"
            }
        } else {
            out += "\(prefix)Stale branch cleanup is disabled (no keep_branch_selectors configured)\n"
        }
        out += "\(prefix)Keeping versions that match: " + report.keep.map(\.description).joined(separator: " ") + "\n"
        out += "\(prefix)\(report.totalVersions) versions, \(report.versionsToKeep) kept by the selectors; "
        out += "\(report.dryRun ? "would delete" : "deleting") the oldest \(report.deleted.count) of the others\n"
        for doomed in report.deleted {
            out += "\(prefix)  \(doomed.pacticipant) \(doomed.number) (created \(formatter.string(from: doomed.createdAt)))\n"
        }
        if !report.dryRun {
            out += "Deleted \(report.deleted.count) versions and \(report.orphanPactContentsDeleted) pact contents no longer used\n"
            if report.keepBranches != nil { out += "Deleted \(report.deletedBranches.count) stale branches\n" }
        }
        return out
    }
}
#endif
