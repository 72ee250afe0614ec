import PostgresNIO

/// Brings a database's schema up to `PostgresSchema.version`. Runs in one transaction under a transaction-scoped
/// advisory lock: instances starting together queue on the lock, the first applies the migrations, the others then
/// find nothing left to do. A failed migration rolls back whole, leaving the previous version intact.
enum PostgresMigrator {
    /// The database was migrated by a newer build; this one must not guess at the layout.
    struct NewerSchema: Error, CustomStringConvertible {
        var found: Int
        var description: String {
            "the database has codes schema version \(found); this build knows up to \(PostgresSchema.version)"
        }
    }

    /// Applies every missing migration; returns the version before migrating (0 for an empty database).
    @discardableResult
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws -> Int {
        try await connection.query("BEGIN", logger: logger)
        do {
            let before = try await applyMissing(connection, logger: logger)
            try await connection.query("COMMIT", logger: logger)
            return before
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    private static func applyMissing(_ connection: PostgresConnection, logger: Logger) async throws -> Int {
        try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLockKey))", logger: logger)
        try await connection.query("""
            CREATE TABLE IF NOT EXISTS codes_schema_migrations (
                version    INTEGER     NOT NULL PRIMARY KEY,
                applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )
            """, logger: logger)
        var current = 0
        for try await version in try await connection.query(
            "SELECT COALESCE(MAX(version), 0) FROM codes_schema_migrations", logger: logger
        ).decode(Int32.self) {
            current = Int(version)
        }
        guard current <= PostgresSchema.version else { throw NewerSchema(found: current) }
        for version in stride(from: current + 1, through: PostgresSchema.version, by: 1) {
            for statement in PostgresSchema.migrations[version - 1] {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.query(
                "INSERT INTO codes_schema_migrations (version) VALUES (\(Int32(version)))", logger: logger)
        }
        return current
    }
}
