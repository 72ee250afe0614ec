/// The SQLite layout of the broker. `user_version` records the schema version so a later layout can migrate
/// older files. Row ids are `AUTOINCREMENT`, so a version's id is also its creation order. Indexes follow the
/// queries in `SQLiteBrokerTransaction`: the latest version per branch or tag, the latest revision per consumer
/// version, the verifications of one pact content, the current deployments of an environment, the webhooks
/// triggered for a consumer version's pact.
///
/// Version 2 added the webhook tables (`webhooks`, `webhook_events`, `triggered_webhooks`, `webhook_executions`) and
/// `deployed_versions_by_version` (deleting a version, as `pactkit broker clean` does, found its deployments by
/// scanning them all); every statement is `IF NOT EXISTS`, so opening a version-1 file creates them and raises
/// `user_version`. Version 3 added `labels` (a pacticipant's labels, pact_broker's table of that name) the same way.
/// Version 4 (selection speed) added `pact_publications_by_provider_time`: a provider's publications since a date,
/// the candidates of work-in-progress pacts, without reading all of its publications.
/// Version 5 added `triggered_webhooks_by_integration` (the index page's webhook status reads each integration's
/// latest triggered webhook per webhook and event from it).
/// Version 6 added `provider_contracts` (a provider version's OpenAPI document and self-verification) and
/// `contract_comparisons` (which verification results are comparisons of a pact with a contract, with the findings).
enum SQLiteBrokerSchema {
    static let version = 6

    /// WAL lets readers in other processes run during a write; the busy timeout waits out other processes' writes.
    ///
    /// Durability: in WAL mode `synchronous = NORMAL` writes each commit to the log before the commit returns (so
    /// `kill -9` of the broker loses nothing it acknowledged: the operating system still has the write) and syncs the
    /// log at checkpoints, not at every commit; only a power loss or an OS crash can lose the last commits, never
    /// corrupt the file. That is SQLite's recommended setting for WAL; `FULL` would add an fsync (2–30 ms on a busy
    /// disk) to every publish. pact_broker leaves this to its database: SQLite (for trying it out) with SQLite's
    /// defaults (a rollback journal, `FULL`), PostgreSQL (for production) with `synchronous_commit = on`, an fsync per
    /// commit that PactKit's PostgreSQL store keeps as it is.
    static let pragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA busy_timeout = 5000;
        PRAGMA foreign_keys = ON;
        """

    static let create = """
        CREATE TABLE IF NOT EXISTS pacticipants (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE,
            display_name TEXT,
            main_branch TEXT,
            repository_url TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE TABLE IF NOT EXISTS versions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            pacticipant_id INTEGER NOT NULL REFERENCES pacticipants (id) ON DELETE CASCADE,
            number TEXT NOT NULL,
            build_url TEXT,
            created_at REAL NOT NULL,
            UNIQUE (pacticipant_id, number)
        );
        CREATE INDEX IF NOT EXISTS versions_by_pacticipant ON versions (pacticipant_id, id);
        CREATE TABLE IF NOT EXISTS branches (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            pacticipant_id INTEGER NOT NULL REFERENCES pacticipants (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            created_at REAL NOT NULL,
            UNIQUE (pacticipant_id, name)
        );
        CREATE INDEX IF NOT EXISTS branches_by_name ON branches (name, pacticipant_id);
        CREATE TABLE IF NOT EXISTS branch_versions (
            branch_id INTEGER NOT NULL REFERENCES branches (id) ON DELETE CASCADE,
            version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
            created_at REAL NOT NULL,
            PRIMARY KEY (branch_id, version_id)
        );
        CREATE INDEX IF NOT EXISTS branch_versions_by_version ON branch_versions (version_id);
        CREATE TABLE IF NOT EXISTS tags (
            version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            created_at REAL NOT NULL,
            PRIMARY KEY (version_id, name)
        );
        CREATE INDEX IF NOT EXISTS tags_by_name ON tags (name, version_id);
        CREATE TABLE IF NOT EXISTS pact_contents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sha TEXT NOT NULL,
            consumer_id INTEGER NOT NULL REFERENCES pacticipants (id) ON DELETE CASCADE,
            provider_id INTEGER NOT NULL REFERENCES pacticipants (id) ON DELETE CASCADE,
            content TEXT NOT NULL,
            created_at REAL NOT NULL,
            UNIQUE (consumer_id, provider_id, sha)
        );
        CREATE TABLE IF NOT EXISTS pact_publications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            consumer_id INTEGER NOT NULL REFERENCES pacticipants (id) ON DELETE CASCADE,
            provider_id INTEGER NOT NULL REFERENCES pacticipants (id) ON DELETE CASCADE,
            consumer_version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
            pact_content_id INTEGER NOT NULL REFERENCES pact_contents (id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            created_at REAL NOT NULL,
            UNIQUE (consumer_version_id, provider_id, revision)
        );
        CREATE INDEX IF NOT EXISTS pact_publications_by_provider
            ON pact_publications (provider_id, consumer_id, consumer_version_id);
        CREATE INDEX IF NOT EXISTS pact_publications_by_content ON pact_publications (pact_content_id);
        CREATE TABLE IF NOT EXISTS verifications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            number INTEGER NOT NULL,
            pact_content_id INTEGER NOT NULL REFERENCES pact_contents (id) ON DELETE CASCADE,
            consumer_id INTEGER NOT NULL REFERENCES pacticipants (id) ON DELETE CASCADE,
            provider_id INTEGER NOT NULL REFERENCES pacticipants (id) ON DELETE CASCADE,
            provider_version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
            success INTEGER NOT NULL CHECK (success IN (0, 1)),
            build_url TEXT,
            details TEXT NOT NULL,
            created_at REAL NOT NULL
        );
        CREATE INDEX IF NOT EXISTS verifications_by_content ON verifications (pact_content_id, id);
        CREATE INDEX IF NOT EXISTS verifications_by_content_provider_version
            ON verifications (pact_content_id, provider_version_id, success);
        CREATE INDEX IF NOT EXISTS verifications_by_provider_version ON verifications (provider_version_id);
        CREATE TABLE IF NOT EXISTS environments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL UNIQUE,
            display_name TEXT,
            production INTEGER NOT NULL CHECK (production IN (0, 1)),
            contacts TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE TABLE IF NOT EXISTS deployed_versions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL UNIQUE,
            version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
            pacticipant_id INTEGER NOT NULL REFERENCES pacticipants (id) ON DELETE CASCADE,
            environment_id INTEGER NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
            application_instance TEXT,
            created_at REAL NOT NULL,
            undeployed_at REAL
        );
        CREATE INDEX IF NOT EXISTS deployed_versions_current
            ON deployed_versions (environment_id, pacticipant_id) WHERE undeployed_at IS NULL;
        CREATE INDEX IF NOT EXISTS deployed_versions_by_version ON deployed_versions (version_id);
        CREATE TABLE IF NOT EXISTS released_versions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL UNIQUE,
            version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
            pacticipant_id INTEGER NOT NULL REFERENCES pacticipants (id) ON DELETE CASCADE,
            environment_id INTEGER NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
            created_at REAL NOT NULL,
            support_ended_at REAL,
            UNIQUE (version_id, environment_id)
        );
        CREATE INDEX IF NOT EXISTS released_versions_current
            ON released_versions (environment_id, pacticipant_id) WHERE support_ended_at IS NULL;
        CREATE TABLE IF NOT EXISTS webhooks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL UNIQUE,
            description TEXT,
            consumer_id INTEGER REFERENCES pacticipants (id) ON DELETE CASCADE,
            consumer_label TEXT,
            provider_id INTEGER REFERENCES pacticipants (id) ON DELETE CASCADE,
            provider_label TEXT,
            enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
            method TEXT NOT NULL,
            url TEXT NOT NULL,
            headers TEXT NOT NULL,
            body TEXT,
            body_is_json INTEGER NOT NULL CHECK (body_is_json IN (0, 1)),
            username TEXT,
            password TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE TABLE IF NOT EXISTS webhook_events (
            webhook_id INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (webhook_id, name)
        );
        CREATE TABLE IF NOT EXISTS triggered_webhooks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL UNIQUE,
            webhook_uuid TEXT NOT NULL,
            event_name TEXT NOT NULL,
            trigger_type TEXT NOT NULL,
            status TEXT NOT NULL,
            context TEXT NOT NULL,
            consumer_id INTEGER REFERENCES pacticipants (id) ON DELETE CASCADE,
            provider_id INTEGER REFERENCES pacticipants (id) ON DELETE CASCADE,
            consumer_version_id INTEGER REFERENCES versions (id) ON DELETE CASCADE,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE INDEX IF NOT EXISTS triggered_webhooks_by_consumer_version
            ON triggered_webhooks (consumer_version_id, provider_id, id);
        CREATE TABLE IF NOT EXISTS webhook_executions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            triggered_webhook_id INTEGER NOT NULL REFERENCES triggered_webhooks (id) ON DELETE CASCADE,
            attempt INTEGER NOT NULL,
            success INTEGER NOT NULL CHECK (success IN (0, 1)),
            logs TEXT NOT NULL,
            details TEXT NOT NULL,
            created_at REAL NOT NULL
        );
        CREATE INDEX IF NOT EXISTS webhook_executions_by_triggered_webhook
            ON webhook_executions (triggered_webhook_id, id);
        CREATE TABLE IF NOT EXISTS labels (
            pacticipant_id INTEGER NOT NULL REFERENCES pacticipants (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            created_at REAL NOT NULL,
            PRIMARY KEY (pacticipant_id, name)
        );
        CREATE INDEX IF NOT EXISTS labels_by_name ON labels (name, pacticipant_id);
        CREATE INDEX IF NOT EXISTS pact_publications_by_provider_time
            ON pact_publications (provider_id, created_at, consumer_id, consumer_version_id);
        CREATE INDEX IF NOT EXISTS triggered_webhooks_by_integration
            ON triggered_webhooks (consumer_id, provider_id, webhook_uuid, event_name, id);
        CREATE TABLE IF NOT EXISTS provider_contracts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            provider_id INTEGER NOT NULL REFERENCES pacticipants (id) ON DELETE CASCADE,
            provider_version_id INTEGER NOT NULL UNIQUE REFERENCES versions (id) ON DELETE CASCADE,
            content TEXT NOT NULL,
            content_type TEXT NOT NULL,
            specification TEXT NOT NULL,
            self_verification_success INTEGER NOT NULL CHECK (self_verification_success IN (0, 1)),
            self_verification_content TEXT,
            self_verification_content_type TEXT,
            self_verification_format TEXT,
            verifier TEXT,
            verifier_version TEXT,
            build_url TEXT,
            created_at REAL NOT NULL
        );
        CREATE INDEX IF NOT EXISTS provider_contracts_by_provider ON provider_contracts (provider_id, provider_version_id);
        CREATE TABLE IF NOT EXISTS contract_comparisons (
            verification_id INTEGER PRIMARY KEY REFERENCES verifications (id) ON DELETE CASCADE,
            pact_content_id INTEGER NOT NULL REFERENCES pact_contents (id) ON DELETE CASCADE,
            provider_version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
            results TEXT NOT NULL,
            created_at REAL NOT NULL
        );
        CREATE INDEX IF NOT EXISTS contract_comparisons_by_pact
            ON contract_comparisons (pact_content_id, provider_version_id, verification_id);
        PRAGMA user_version = \(version);
        """
}
