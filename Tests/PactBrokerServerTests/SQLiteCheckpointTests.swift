import Foundation
@testable import PactBrokerServer
import Testing

/// While a SQLite store runs as a service, its write-ahead log is copied into the database file by a connection of
/// its own, not by the commits of requests.
@Suite struct SQLiteCheckpointTests {
    private static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    @Test func whileTheStoreRunsTheLogReachesTheDatabaseFileInTheBackground() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-checkpoint-\(UUID().uuidString).sqlite3").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteBrokerStore(path: path)
        let before = Self.size(path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await store.run() }
            // About 1 MB in one commit: a quarter of what makes a commit checkpoint by itself (1,000 pages), so only
            // the background checkpoint can move it into the database file.
            try await store.write { tx in
                let foo = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: nil, repositoryURL: nil, at: Date())
                _ = try await tx.ensurePactContent(sha: "big", consumerID: foo.id, providerID: foo.id,
                                                   content: String(repeating: "0123456789abcdef", count: 1 << 16), at: Date())
            }
            try await waitUntil("the database file holds the commit") { Self.size(path) > before + 1_000_000 }
            group.cancelAll()
        }
        #expect(try await store.read { try await $0.pacticipant(named: "Foo") } != nil)
        await store.close()
    }

    @Test func aStoreInMemoryRunsWithNothingToCheckpoint() async throws {
        let store = try SQLiteBrokerStore(path: ":memory:")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await store.run() }
            try await store.write { tx in
                _ = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: nil, repositoryURL: nil, at: Date())
            }
            group.cancelAll()
        }
        #expect(try await store.read { try await $0.pacticipants().map(\.name) } == ["Foo"])
        await store.close()
    }
}
