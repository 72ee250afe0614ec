import Dispatch
import SQLiteSupport

/// Copies a WAL-mode database's write-ahead log back into the database file from a connection and a queue of its
/// own, so that no request pays for it.
///
/// SQLite's automatic checkpoint runs inside the `COMMIT` that pushes the log past `wal_autocheckpoint` pages: that
/// commit writes the pages back and waits for two fsyncs (the log, then the database file), tens of milliseconds on a
/// busy disk, while the writes between cost a fraction of one. A passive checkpoint from another connection does the
/// same work beside the writer: it waits for no reader or writer, and readers and writers do not wait for it.
final class SQLiteCheckpointer: @unchecked Sendable {
    // Unchecked Sendable: `connection` is only touched on `queue`.
    private let queue: DispatchQueue
    private var connection: SQLiteConnection?

    /// Opens a second connection to the database at `path`, which must exist and be in WAL mode.
    init(path: String, label: String) throws {
        queue = DispatchQueue(label: label)
        let connection = try SQLiteConnection(path: path)
        // NORMAL, as the writer: the log is synced before its pages are copied back, the database file after.
        try connection.execute("PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 0")
        guard try connection.scalarText("PRAGMA journal_mode")?.lowercased() == "wal" else {
            connection.close()
            throw SQLiteError(code: 1 /* SQLITE_ERROR */, message: "\(path) is not in WAL mode", sql: nil)
        }
        self.connection = connection
    }

    deinit { connection?.close() }

    /// One passive checkpoint, on the checkpointer's queue: the frames of the log in use and how many of them are now
    /// in the database file (both 0 when the log is empty or was reset).
    @discardableResult
    func checkpoint() async throws -> (logFrames: Int, checkpointed: Int) {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    guard let connection = self.connection else {
                        throw SQLiteError(code: 21 /* SQLITE_MISUSE */, message: "checkpointer closed", sql: nil)
                    }
                    let row = try connection.statement("PRAGMA wal_checkpoint(PASSIVE)")
                        .query([]) { (Int($0.int64(1)), Int($0.int64(2))) }.first ?? (0, 0)
                    continuation.resume(returning: row)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Closes the connection (after a checkpoint under way).
    func close() {
        queue.sync {
            connection?.close()
            connection = nil
        }
    }
}
