/// The database layout. `user_version` records the schema version so a later layout can migrate older files.
enum SQLiteSchema {
    static let version = 1

    /// Connection settings: WAL lets readers in other processes run during a write; `synchronous = FULL` makes every
    /// acknowledged commit survive a power cut, not only a crash; the busy timeout waits out other processes' writes.
    static let pragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        PRAGMA busy_timeout = 5000;
        PRAGMA foreign_keys = ON;
        """

    static let create = """
        CREATE TABLE IF NOT EXISTS activation_codes (
            code              TEXT    NOT NULL PRIMARY KEY,
            lpa               TEXT    NOT NULL,
            actor             TEXT    NOT NULL,
            dob               TEXT    NOT NULL,
            active            INTEGER NOT NULL CHECK (active IN (0, 1)),
            status_details    TEXT    NOT NULL,
            generated_date    TEXT    NOT NULL,
            last_updated_date TEXT    NOT NULL,
            expiry_date       INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS activation_codes_by_lpa_actor ON activation_codes (lpa, actor);
        CREATE TABLE IF NOT EXISTS paper_verification_codes (
            code          TEXT NOT NULL PRIMARY KEY,
            lpa           TEXT NOT NULL,
            actor         TEXT NOT NULL,
            updated_at    REAL NOT NULL,
            expires_at    REAL,
            expiry_reason TEXT
        );
        CREATE INDEX IF NOT EXISTS paper_codes_by_lpa_actor ON paper_verification_codes (lpa, actor);
        PRAGMA user_version = \(version);
        """
}
