import Foundation
import PactBroker
import PactModel
import Testing
import TestSupport

/// `pactkit broker clean` as a process, on a file a broker wrote.
@Suite struct BrokerCleanCommandTests {
    @Test func cleanListsInADryRunThenDeletes() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-broker-clean-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("broker.sqlite3").path
        let broker = try LoggedProcess("pactkit", ["broker", "--port", "0", "--db", database])
        let client = try PactBrokerClient(configuration: BrokerConfiguration(baseURL: try await broker.listeningURL()))
        let pactFile = directory.appendingPathComponent("pact.json")
        for number in ["1", "2", "3"] {
            let pact = #"{"consumer":{"name":"Foo"},"provider":{"name":"Bar"},"interactions":[{"description":"v\#(number)","request":{"method":"GET","path":"/"},"response":{"status":200}}],"metadata":{"pactSpecification":{"version":"2.0.0"}}}"#
            try Data(pact.utf8).write(to: pactFile)
            _ = try await client.publish(PactPublication(pacts: [try PactFileToPublish.read(path: pactFile.path)], consumerVersion: number, branch: "main"))
        }
        await client.shutdown()
        #expect(try await broker.stop() == 0)

        let keep = #"{"branch":"main","latest":true}"#
        let dryRun = try LoggedProcess("pactkit", ["broker", "clean", "--db", database, "--keep", keep, "--dry-run"])
        #expect(try await dryRun.exitStatus() == 0)
        #expect(dryRun.stdoutLines.contains { $0.hasPrefix("[DRY RUN]   Foo 1 (created ") })
        #expect(dryRun.stdoutLines.contains { $0.hasPrefix("[DRY RUN]   Foo 2 (created ") })
        #expect(!dryRun.stdout.contains("Foo 3"))
        // pact_broker's clean task's wording for branches: the one branch is young (and Foo's main branch).
        #expect(dryRun.stdoutLines.contains(
            #"[DRY RUN] Deleting stale branches that do not match the configured selectors (main branches are always kept): {"maxAge":90}"#))
        #expect(dryRun.stdoutLines.contains("[DRY RUN] 1 branches; would delete 0 stale ones"))
        let branchesOff = try LoggedProcess("pactkit", ["broker", "clean", "--db", database, "--keep", keep, "--dry-run", "--keep-all-branches"])
        #expect(try await branchesOff.exitStatus() == 0)
        #expect(branchesOff.stdoutLines.contains("[DRY RUN] Stale branch cleanup is disabled (no keep_branch_selectors configured)"))
        let named = try LoggedProcess("pactkit", ["broker", "clean", "--db", database, "--keep", keep, "--dry-run",
                                                  "--keep-branch", #"{"branch":["main","develop"]}"#, "--keep-branch", #"{"maxAge":0}"#])
        #expect(try await named.exitStatus() == 0)
        #expect(named.stdoutLines.contains(
            #"[DRY RUN] Deleting stale branches that do not match the configured selectors (main branches are always kept): {"branch":["main","develop"]} {"maxAge":0}"#))

        let clean = try LoggedProcess("pactkit", ["broker", "clean", "--db", database, "--keep", keep, "--limit", "1"])
        #expect(try await clean.exitStatus() == 0)
        #expect(clean.stdoutLines.contains("Deleted 1 versions and 1 pact contents no longer used"))
        #expect(clean.stdoutLines.contains("Deleted 0 stale branches"))
        let again = try LoggedProcess("pactkit", ["broker", "clean", "--db", database, "--keep", keep, "--dry-run"])
        #expect(try await again.exitStatus() == 0)
        #expect(!again.stdout.contains("Foo 1") && again.stdout.contains("Foo 2"))
    }

    @Test func aBadKeepSelectorIsAUsageError() async throws {
        let process = try LoggedProcess("pactkit", ["broker", "clean", "--db", "x.sqlite3", "--keep", #"{"maxAge":"ten"}"#])
        #expect(try await process.exitStatus() == 64)
        #expect(process.stderr.contains("maxAge must be a number of days"))
        let branch = try LoggedProcess("pactkit", ["broker", "clean", "--db", "x.sqlite3", "--keep-branch", #"{"latest":true}"#])
        #expect(try await branch.exitStatus() == 64)
        #expect(branch.stderr.contains("unknown key latest (expected maxAge, branch)"))
        let both = try LoggedProcess("pactkit", ["broker", "clean", "--db", "x.sqlite3", "--keep-branch", #"{"maxAge":1}"#, "--keep-all-branches"])
        #expect(try await both.exitStatus() == 64)
        #expect(both.stderr.contains("--keep-all-branches and --keep-branch exclude each other"))
    }
}
