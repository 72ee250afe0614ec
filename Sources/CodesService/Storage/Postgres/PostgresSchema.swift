import PostgresSupport

/// The database layout, as numbered migrations. `codes_schema_migrations` records each applied version; `migrate`
/// applies the missing ones in one transaction under an advisory lock, so instances starting together take turns
/// and exactly one of them creates the tables.
enum PostgresSchema {
    /// The migrations as `PostgresMigrator` applies them, recorded in `codes_schema_migrations`.
    static var migrationsToApply: PostgresMigrations {
        PostgresMigrations(name: "codes", lockKey: migrationLockKey, steps: migrations)
    }

    /// Key of the session-wide advisory lock held while migrating ('codes' in ASCII, so it is recognisable in
    /// `pg_locks`).
    static let migrationLockKey: Int64 = 0x636F_6465_73

    /// Namespaces of the per-pair transaction locks (`pg_advisory_xact_lock(namespace, hashtext(lpa/actor))`).
    static let activationPairLock: Int32 = 1
    static let paperPairLock: Int32 = 2

    /// Migration `n` is `migrations[n - 1]`, one SQL statement per element (the extended protocol runs one at a
    /// time); append new ones, never edit applied ones.
    static let migrations: [[String]] = [
        // 1: both tables. `seq` orders codes oldest first (SQLite's rowid); PVC times are float8 seconds since 1970
        // so a Date round-trips exactly (timestamptz keeps only microseconds).
        ["""
        CREATE TABLE activation_codes (
            seq               BIGINT GENERATED ALWAYS AS IDENTITY,
            code              TEXT    NOT NULL PRIMARY KEY,
            lpa               TEXT    NOT NULL,
            actor             TEXT    NOT NULL,
            dob               TEXT    NOT NULL,
            active            BOOLEAN NOT NULL,
            status_details    TEXT    NOT NULL,
            generated_date    TEXT    NOT NULL,
            last_updated_date TEXT    NOT NULL,
            expiry_date       BIGINT  NOT NULL
        )
        """,
        "CREATE INDEX activation_codes_by_lpa_actor ON activation_codes (lpa, actor, seq)",
        """
        CREATE TABLE paper_verification_codes (
            seq           BIGINT GENERATED ALWAYS AS IDENTITY,
            code          TEXT             NOT NULL PRIMARY KEY,
            lpa           TEXT             NOT NULL,
            actor         TEXT             NOT NULL,
            updated_at    DOUBLE PRECISION NOT NULL,
            expires_at    DOUBLE PRECISION,
            expiry_reason TEXT
        )
        """,
        "CREATE INDEX paper_codes_by_lpa_actor ON paper_verification_codes (lpa, actor, seq)"],
    ]

    static var version: Int { migrations.count }
}
