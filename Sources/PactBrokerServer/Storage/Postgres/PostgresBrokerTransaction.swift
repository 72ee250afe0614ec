import Foundation
import PostgresNIO
import PostgresSupport

/// The store's queries as PostgreSQL statements on one leased connection, inside a transaction
/// `PostgresBrokerStore` has begun. The same queries as `SQLiteBrokerTransaction`, in PostgreSQL's words: `RETURNING
/// id` for the new row's id, `ON CONFLICT DO NOTHING` for "insert unless present", `= ANY($n)` for a list of ids, and
/// names ordered `COLLATE "C"` (by code point, as SQLite orders them, whatever the database's locale).
final class PostgresBrokerTransaction: BrokerStoreTransaction {
    private let connection: PostgresConnection
    private let logger: Logger
    private let deadline: Duration

    init(connection: PostgresConnection, logger: Logger, deadline: Duration) {
        self.connection = connection
        self.logger = logger
        self.deadline = deadline
    }

    /// Sends one statement, bounded by the statement deadline.
    @discardableResult
    func run(_ query: PostgresQuery) async throws -> PostgresQueryResult {
        try await connection.query(query, logger: logger, deadline: deadline)
    }

    func rows<Row>(_ query: PostgresQuery, _ row: (inout PostgresColumns) throws -> Row) async throws -> [Row] {
        try await run(query).map { postgresRow in
            var columns = PostgresColumns(postgresRow.makeRandomAccess())
            return try row(&columns)
        }
    }

    /// The number of rows a statement with `RETURNING` produced.
    func count(_ query: PostgresQuery) async throws -> Int {
        try await run(query).rows.count
    }

    /// The first column of the first row.
    func scalar<Value: PostgresDecodable>(_ query: PostgresQuery, _ type: Value.Type) async throws -> Value? {
        try await rows(query) { try $0.next(Value.self) }.first
    }

    // MARK: Pacticipants

    static let pacticipantColumns = "id, name, display_name, main_branch, repository_url, created_at, updated_at"

    func pacticipant(named name: String) async throws -> PacticipantRecord? {
        try await rows("SELECT \(unescaped: Self.pacticipantColumns) FROM pacticipants WHERE name = \(name)", Self.pacticipant).first
    }

    func pacticipant(id: RowID) async throws -> PacticipantRecord? {
        try await rows("SELECT \(unescaped: Self.pacticipantColumns) FROM pacticipants WHERE id = \(id)", Self.pacticipant).first
    }

    func pacticipants() async throws -> [PacticipantRecord] {
        try await rows("SELECT \(unescaped: Self.pacticipantColumns) FROM pacticipants ORDER BY name COLLATE \"C\"", Self.pacticipant)
    }

    func insertPacticipant(name: String, displayName: String?, mainBranch: String?, repositoryURL: String?, at: Date) async throws -> PacticipantRecord {
        let id = try await unique("pacticipant \(name)") {
            try await scalar("""
                INSERT INTO pacticipants (name, display_name, main_branch, repository_url, created_at, updated_at)
                VALUES (\(name), \(displayName), \(mainBranch), \(repositoryURL), \(at.seconds), \(at.seconds)) RETURNING id
                """, Int64.self)
        }
        return PacticipantRecord(id: id ?? 0, name: name, displayName: displayName, mainBranch: mainBranch,
                                 repositoryURL: repositoryURL, createdAt: at, updatedAt: at)
    }

    func updatePacticipant(_ p: PacticipantRecord) async throws {
        try await unique("pacticipant \(p.name)") {
            try await run("""
                UPDATE pacticipants SET name = \(p.name), display_name = \(p.displayName), main_branch = \(p.mainBranch),
                    repository_url = \(p.repositoryURL), updated_at = \(p.updatedAt.seconds) WHERE id = \(p.id)
                """)
        }
    }

    func deletePacticipant(id: RowID) async throws {
        try await run("DELETE FROM pacticipants WHERE id = \(id)")
    }

    // MARK: Versions

    private static let versionColumns = "id, pacticipant_id, number, build_url, created_at"
    private static let versionColumnsOfV = "v.id, v.pacticipant_id, v.number, v.build_url, v.created_at"

    func version(pacticipantID: RowID, number: String) async throws -> VersionRecord? {
        try await rows("""
            SELECT \(unescaped: Self.versionColumns) FROM versions WHERE pacticipant_id = \(pacticipantID) AND number = \(number)
            """, Self.version).first
    }

    func version(id: RowID) async throws -> VersionRecord? {
        try await rows("SELECT \(unescaped: Self.versionColumns) FROM versions WHERE id = \(id)", Self.version).first
    }

    func insertVersion(pacticipantID: RowID, number: String, buildURL: String?, at: Date) async throws -> VersionRecord {
        let id = try await unique("version \(number)") {
            try await scalar("""
                INSERT INTO versions (pacticipant_id, number, build_url, created_at)
                VALUES (\(pacticipantID), \(number), \(buildURL), \(at.seconds)) RETURNING id
                """, Int64.self)
        } ?? 0
        return VersionRecord(id: id, pacticipantID: pacticipantID, number: number, order: id, buildURL: buildURL, createdAt: at)
    }

    func updateVersion(_ version: VersionRecord) async throws {
        try await run("UPDATE versions SET build_url = \(version.buildURL) WHERE id = \(version.id)")
    }

    func deleteVersion(id: RowID) async throws {
        // Foreign keys cascade to tags, branch versions, publications, verifications, deployments and releases.
        try await run("DELETE FROM versions WHERE id = \(id)")
    }

    func latestVersion(pacticipantID: RowID, tag: String?, branch: String?) async throws -> VersionRecord? {
        if let tag {
            return try await rows("""
                SELECT \(unescaped: Self.versionColumnsOfV) FROM versions v JOIN tags t ON t.version_id = v.id
                WHERE v.pacticipant_id = \(pacticipantID) AND t.name = \(tag) ORDER BY v.id DESC LIMIT 1
                """, Self.version).first
        }
        if let branch {
            return try await rows("""
                SELECT \(unescaped: Self.versionColumnsOfV) FROM versions v JOIN branch_versions bv ON bv.version_id = v.id
                JOIN branches b ON b.id = bv.branch_id
                WHERE b.pacticipant_id = \(pacticipantID) AND b.name = \(branch) ORDER BY v.id DESC LIMIT 1
                """, Self.version).first
        }
        return try await rows("""
            SELECT \(unescaped: Self.versionColumns) FROM versions WHERE pacticipant_id = \(pacticipantID) ORDER BY id DESC LIMIT 1
            """, Self.version).first
    }

    func versions(pacticipantID: RowID, limit: Int) async throws -> [VersionRecord] {
        try await rows("""
            SELECT \(unescaped: Self.versionColumns) FROM versions WHERE pacticipant_id = \(pacticipantID)
            ORDER BY id DESC LIMIT \(Int64(limit))
            """, Self.version)
    }

    // MARK: Branches and tags

    func branch(pacticipantID: RowID, name: String) async throws -> BranchRecord? {
        try await rows("""
            SELECT id, pacticipant_id, name, created_at FROM branches WHERE pacticipant_id = \(pacticipantID) AND name = \(name)
            """, Self.branch).first
    }

    func branches(pacticipantID: RowID) async throws -> [BranchRecord] {
        try await rows("""
            SELECT id, pacticipant_id, name, created_at FROM branches WHERE pacticipant_id = \(pacticipantID) ORDER BY id
            """, Self.branch)
    }

    func insertBranch(pacticipantID: RowID, name: String, at: Date) async throws -> BranchRecord {
        let id = try await unique("branch \(name)") {
            try await scalar("""
                INSERT INTO branches (pacticipant_id, name, created_at) VALUES (\(pacticipantID), \(name), \(at.seconds))
                RETURNING id
                """, Int64.self)
        } ?? 0
        return BranchRecord(id: id, pacticipantID: pacticipantID, name: name, createdAt: at)
    }

    func deleteBranch(id: RowID) async throws {
        try await run("DELETE FROM branches WHERE id = \(id)")
    }

    func addToBranch(branchID: RowID, versionID: RowID, at: Date) async throws -> Bool {
        try await count("""
            INSERT INTO branch_versions (branch_id, version_id, created_at) VALUES (\(branchID), \(versionID), \(at.seconds))
            ON CONFLICT DO NOTHING RETURNING 1
            """) > 0
    }

    func branchNames(versionID: RowID) async throws -> [String] {
        try await rows("""
            SELECT b.name FROM branch_versions bv JOIN branches b ON b.id = bv.branch_id WHERE bv.version_id = \(versionID)
            ORDER BY b.id
            """) { try $0.next(String.self) }
    }

    func tagNames(versionID: RowID) async throws -> [String] {
        try await rows("""
            SELECT name FROM tags WHERE version_id = \(versionID) ORDER BY created_at, name COLLATE "C"
            """) { try $0.next(String.self) }
    }

    func tagNames(pacticipantID: RowID) async throws -> [String] {
        try await rows("""
            SELECT DISTINCT t.name COLLATE "C" FROM tags t JOIN versions v ON v.id = t.version_id
            WHERE v.pacticipant_id = \(pacticipantID) ORDER BY 1
            """) { try $0.next(String.self) }
    }

    func insertTag(versionID: RowID, name: String, at: Date) async throws -> Bool {
        try await count("""
            INSERT INTO tags (version_id, name, created_at) VALUES (\(versionID), \(name), \(at.seconds))
            ON CONFLICT DO NOTHING RETURNING 1
            """) > 0
    }

    func deleteTag(versionID: RowID, name: String) async throws -> Bool {
        try await count("DELETE FROM tags WHERE version_id = \(versionID) AND name = \(name) RETURNING 1") > 0
    }

    // MARK: Pacts

    private static let contentColumns = "id, sha, consumer_id, provider_id, content, created_at"

    func pactContent(sha: String, consumerID: RowID, providerID: RowID) async throws -> PactContentRecord? {
        try await rows("""
            SELECT \(unescaped: Self.contentColumns) FROM pact_contents
            WHERE consumer_id = \(consumerID) AND provider_id = \(providerID) AND sha = \(sha)
            """, Self.content).first
    }

    func pactContent(id: RowID) async throws -> PactContentRecord? {
        try await rows("SELECT \(unescaped: Self.contentColumns) FROM pact_contents WHERE id = \(id)", Self.content).first
    }

    func insertPactContent(sha: String, consumerID: RowID, providerID: RowID, content: String, at: Date) async throws -> PactContentRecord {
        let id = try await unique("pact content \(sha)") {
            try await scalar("""
                INSERT INTO pact_contents (sha, consumer_id, provider_id, content, created_at)
                VALUES (\(sha), \(consumerID), \(providerID), \(content), \(at.seconds)) RETURNING id
                """, Int64.self)
        } ?? 0
        return PactContentRecord(id: id, sha: sha, consumerID: consumerID, providerID: providerID, content: content, createdAt: at)
    }

    /// One statement: the consumer from the version and the next revision are found inside the INSERT.
    func insertPublication(consumerVersionID: RowID, providerID: RowID, pactContentID: RowID, at: Date) async throws -> PublicationRecord {
        let inserted = try await unique("the next revision of the pact") {
            try await rows("""
                INSERT INTO pact_publications (consumer_id, provider_id, consumer_version_id, pact_content_id, revision, created_at)
                SELECT v.pacticipant_id, \(providerID), v.id, \(pactContentID),
                    COALESCE((SELECT MAX(revision) FROM pact_publications
                              WHERE consumer_version_id = \(consumerVersionID) AND provider_id = \(providerID)), 0) + 1,
                    \(at.seconds)
                FROM versions v WHERE v.id = \(consumerVersionID)
                RETURNING id, consumer_id, revision
                """) { (try $0.next(Int64.self), try $0.next(Int64.self), try $0.next(Int64.self)) }.first
        }
        guard let (id, consumerID, revision) = inserted else { throw BrokerStoreError.failed("no version with id \(consumerVersionID)") }
        return PublicationRecord(id: id, consumerID: consumerID, providerID: providerID, consumerVersionID: consumerVersionID,
                                 pactContentID: pactContentID, revision: Int(revision), createdAt: at)
    }

    private static let publicationColumns = PublicationSQL.columns
    private static let publicationJoins = PublicationSQL.joins
    private static let latestRevision = PublicationSQL.latestRevision
    private static let publicationSelect = PublicationSQL.select

    /// The publications of the consumer versions a scope selects: the heads per consumer come from
    /// `headsPerConsumer`, the other scopes from a subquery of `version_id` rows; only their publications are joined.
    func publications(providerID: RowID, consumerID: RowID?, scope: PublicationScope) async throws -> [PublicationView] {
        let head = Self.publicationColumns + " FROM ("
        let tail = ") h JOIN pact_publications p ON p.consumer_version_id = h.version_id AND p.provider_id = "
        let rest = Self.publicationJoins + " WHERE " + Self.latestRevision + " AND "
        let order = " ORDER BY c.name COLLATE \"C\", p.consumer_version_id"
        let query: PostgresQuery = switch scope {
        // The heads: per consumer, an index walk (PostgresSelectionQueries.swift).
        case .latest: Self.headsPerConsumer(providerID, consumerID, .newest)
        case .latestForBranch(let branch): Self.headsPerConsumer(providerID, consumerID, .branch(branch))
        case .latestForMainBranch: Self.headsPerConsumer(providerID, consumerID, .mainBranch)
        case .latestForTag(let tag): Self.headsPerConsumer(providerID, consumerID, .tag(tag))
        case .allForTag(let tag):
            """
            \(unescaped: head)SELECT t.version_id AS version_id FROM tags t JOIN versions tv ON tv.id = t.version_id
                WHERE t.name = \(tag) AND (\(consumerID)::bigint IS NULL OR tv.pacticipant_id = \(consumerID))
                AND EXISTS (SELECT 1 FROM pact_publications p3 WHERE p3.consumer_version_id = t.version_id
                            AND p3.provider_id = \(providerID))
                \(unescaped: tail)\(providerID) \(unescaped: rest)TRUE\(unescaped: order)
            """
        case .consumerVersions(let ids):
            """
            \(unescaped: head)SELECT DISTINCT unnest(\(ids)::bigint[]) AS version_id\(unescaped: tail)\(providerID)
                \(unescaped: rest)(\(consumerID)::bigint IS NULL OR p.consumer_id = \(consumerID))\(unescaped: order)
            """
        }
        return try await rows(query, Self.publicationView)
    }

    func publications(consumerVersionID: RowID) async throws -> [PublicationView] {
        try await rows("""
            \(unescaped: Self.publicationSelect) AND p.consumer_version_id = \(consumerVersionID) ORDER BY pr.name COLLATE "C"
            """, Self.publicationView)
    }

    /// The heads come first from a grouped MAX over `pact_publications_by_provider` (one row per integration, which
    /// the planner estimates well); a correlated MAX per publication made it expect one row and join `versions` by
    /// sequential scans (103 ms on 5,000 publications, against 1.7 ms so).
    func latestPublicationsOfEveryIntegration() async throws -> [PublicationView] {
        try await rows("""
            \(unescaped: Self.publicationColumns) FROM (SELECT provider_id, MAX(consumer_version_id) AS version_id
                FROM pact_publications GROUP BY provider_id, consumer_id) h
            JOIN pact_publications p ON p.consumer_version_id = h.version_id AND p.provider_id = h.provider_id
            \(unescaped: Self.publicationJoins) WHERE \(unescaped: Self.latestRevision)
            ORDER BY c.name COLLATE "C", pr.name COLLATE "C"
            """, Self.publicationView)
    }

    func publications(pactContentID: RowID) async throws -> [PublicationView] {
        try await rows("""
            \(unescaped: Self.publicationSelect) AND p.pact_content_id = \(pactContentID) ORDER BY p.consumer_version_id
            """, Self.publicationView)
    }

    func consumerIDs(providerID: RowID) async throws -> [RowID] {
        try await rows("""
            SELECT DISTINCT consumer_id FROM pact_publications WHERE provider_id = \(providerID) ORDER BY consumer_id
            """) { try $0.next(Int64.self) }
    }

    func deleteOrphanPactContents() async throws -> Int {
        try await count("""
            DELETE FROM pact_contents c WHERE NOT EXISTS (SELECT 1 FROM pact_publications p WHERE p.pact_content_id = c.id)
            AND NOT EXISTS (SELECT 1 FROM verifications v WHERE v.pact_content_id = c.id)
            RETURNING c.id
            """)
    }

    // MARK: Verifications

    private static let verificationColumns =
        "id, number, pact_content_id, consumer_id, provider_id, provider_version_id, success, build_url, details, created_at"

    /// One statement: the integration from the content and the next number (numbers grow with ids, so the newest
    /// row's number is the largest: one index seek) are found inside the INSERT.
    func insertVerification(pactContentID: RowID, providerVersionID: RowID, success: Bool, buildURL: String?, details: String, at: Date) async throws -> VerificationRecord {
        let inserted = try await rows("""
            INSERT INTO verifications (number, pact_content_id, consumer_id, provider_id, provider_version_id, success,
                build_url, details, created_at)
            SELECT COALESCE((SELECT number FROM verifications WHERE pact_content_id = pc.id ORDER BY id DESC LIMIT 1), 0) + 1,
                pc.id, pc.consumer_id, pc.provider_id, \(providerVersionID), \(Int32(success ? 1 : 0)), \(buildURL), \(details),
                \(at.seconds)
            FROM pact_contents pc WHERE pc.id = \(pactContentID)
            RETURNING id, number, consumer_id, provider_id
            """) { (try $0.next(Int64.self), try $0.next(Int64.self), try $0.next(Int64.self), try $0.next(Int64.self)) }.first
        guard let (id, number, consumerID, providerID) = inserted else { throw BrokerStoreError.duplicate("no pact content") }
        return VerificationRecord(id: id, number: Int(number), pactContentID: pactContentID, consumerID: consumerID,
                                  providerID: providerID, providerVersionID: providerVersionID, success: success,
                                  buildURL: buildURL, details: details, createdAt: at)
    }

    func verifications(pactContentID: RowID) async throws -> [VerificationRecord] {
        try await rows("""
            SELECT \(unescaped: Self.verificationColumns) FROM verifications WHERE pact_content_id = \(pactContentID) ORDER BY id
            """, Self.verification)
    }

    func verification(id: RowID) async throws -> VerificationRecord? {
        try await rows("SELECT \(unescaped: Self.verificationColumns) FROM verifications WHERE id = \(id)", Self.verification).first
    }

    func verifications(pactContentID: RowID, providerVersionIDs: [RowID]) async throws -> [VerificationRecord] {
        try await rows("""
            SELECT \(unescaped: Self.verificationColumns) FROM verifications WHERE pact_content_id = \(pactContentID)
            AND provider_version_id = ANY(\(providerVersionIDs)::bigint[]) ORDER BY id
            """, Self.verification)
    }

    func hasSuccessfulVerification(pactContentID: RowID, _ filter: VerificationFilter) async throws -> Bool {
        let query: PostgresQuery = switch filter {
        case .any:
            "SELECT EXISTS (SELECT 1 FROM verifications WHERE pact_content_id = \(pactContentID) AND success = 1)"
        case .onBranch(let branch):
            """
            SELECT EXISTS (SELECT 1 FROM verifications v JOIN branch_versions bv ON bv.version_id = v.provider_version_id
                JOIN branches b ON b.id = bv.branch_id
                WHERE v.pact_content_id = \(pactContentID) AND v.success = 1 AND b.name = \(branch))
            """
        case .onOtherBranch(let branch, let before):
            """
            SELECT EXISTS (SELECT 1 FROM verifications v JOIN branch_versions bv ON bv.version_id = v.provider_version_id
                JOIN branches b ON b.id = bv.branch_id
                WHERE v.pact_content_id = \(pactContentID) AND v.success = 1 AND b.name <> \(branch)
                AND (\(before?.seconds)::float8 IS NULL OR v.created_at < \(before?.seconds)))
            """
        case .withTag(let tag):
            """
            SELECT EXISTS (SELECT 1 FROM verifications v JOIN tags t ON t.version_id = v.provider_version_id
                WHERE v.pact_content_id = \(pactContentID) AND v.success = 1 AND t.name = \(tag))
            """
        }
        return try await scalar(query, Bool.self) ?? false
    }

    // MARK: Environments and deployments

    private static let environmentColumns = "id, uuid, name, display_name, production, contacts, created_at, updated_at"

    func environments() async throws -> [EnvironmentRecord] {
        try await rows("SELECT \(unescaped: Self.environmentColumns) FROM environments ORDER BY name COLLATE \"C\"", Self.environment)
    }

    func environment(uuid: String) async throws -> EnvironmentRecord? {
        try await rows("SELECT \(unescaped: Self.environmentColumns) FROM environments WHERE uuid = \(uuid)", Self.environment).first
    }

    func environment(named name: String) async throws -> EnvironmentRecord? {
        try await rows("SELECT \(unescaped: Self.environmentColumns) FROM environments WHERE name = \(name)", Self.environment).first
    }

    func environment(id: RowID) async throws -> EnvironmentRecord? {
        try await rows("SELECT \(unescaped: Self.environmentColumns) FROM environments WHERE id = \(id)", Self.environment).first
    }

    func insertEnvironment(_ e: EnvironmentRecord) async throws -> EnvironmentRecord {
        let id = try await unique("environment \(e.name)") {
            try await scalar("""
                INSERT INTO environments (uuid, name, display_name, production, contacts, created_at, updated_at)
                VALUES (\(e.uuid), \(e.name), \(e.displayName), \(Int32(e.production ? 1 : 0)), \(e.contacts),
                    \(e.createdAt.seconds), \(e.updatedAt.seconds)) RETURNING id
                """, Int64.self)
        } ?? 0
        var stored = e
        stored.id = id
        return stored
    }

    func updateEnvironment(_ e: EnvironmentRecord) async throws {
        try await unique("environment \(e.name)") {
            try await run("""
                UPDATE environments SET name = \(e.name), display_name = \(e.displayName),
                    production = \(Int32(e.production ? 1 : 0)), contacts = \(e.contacts), updated_at = \(e.updatedAt.seconds)
                WHERE id = \(e.id)
                """)
        }
    }

    func deleteEnvironment(id: RowID) async throws {
        try await run("DELETE FROM environments WHERE id = \(id)")
    }

    private static let deployedColumns =
        "id, uuid, version_id, pacticipant_id, environment_id, application_instance, created_at, undeployed_at"

    func insertDeployedVersion(_ d: DeployedVersionRecord) async throws -> DeployedVersionRecord {
        let id = try await unique("deployed version \(d.uuid)") {
            try await scalar("""
                INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, application_instance,
                    created_at, undeployed_at)
                VALUES (\(d.uuid), \(d.versionID), \(d.pacticipantID), \(d.environmentID), \(d.applicationInstance),
                    \(d.createdAt.seconds), \(d.undeployedAt?.seconds)) RETURNING id
                """, Int64.self)
        } ?? 0
        var stored = d
        stored.id = id
        return stored
    }

    func updateDeployedVersion(_ d: DeployedVersionRecord) async throws {
        try await run("UPDATE deployed_versions SET undeployed_at = \(d.undeployedAt?.seconds) WHERE id = \(d.id)")
    }

    func deployedVersion(uuid: String) async throws -> DeployedVersionRecord? {
        try await rows("SELECT \(unescaped: Self.deployedColumns) FROM deployed_versions WHERE uuid = \(uuid)", Self.deployed).first
    }

    func currentlyDeployed(environmentID: RowID?, pacticipantID: RowID?) async throws -> [DeployedVersionRecord] {
        try await rows("""
            SELECT \(unescaped: Self.deployedColumns) FROM deployed_versions WHERE undeployed_at IS NULL
            AND (\(environmentID)::bigint IS NULL OR environment_id = \(environmentID))
            AND (\(pacticipantID)::bigint IS NULL OR pacticipant_id = \(pacticipantID)) ORDER BY id
            """, Self.deployed)
    }

    private static let releasedColumns = "id, uuid, version_id, pacticipant_id, environment_id, created_at, support_ended_at"

    func insertReleasedVersion(_ r: ReleasedVersionRecord) async throws -> ReleasedVersionRecord {
        let id = try await unique("released version \(r.uuid)") {
            try await scalar("""
                INSERT INTO released_versions (uuid, version_id, pacticipant_id, environment_id, created_at, support_ended_at)
                VALUES (\(r.uuid), \(r.versionID), \(r.pacticipantID), \(r.environmentID), \(r.createdAt.seconds),
                    \(r.supportEndedAt?.seconds)) RETURNING id
                """, Int64.self)
        } ?? 0
        var stored = r
        stored.id = id
        return stored
    }

    func updateReleasedVersion(_ r: ReleasedVersionRecord) async throws {
        try await run("UPDATE released_versions SET support_ended_at = \(r.supportEndedAt?.seconds) WHERE id = \(r.id)")
    }

    func releasedVersion(uuid: String) async throws -> ReleasedVersionRecord? {
        try await rows("SELECT \(unescaped: Self.releasedColumns) FROM released_versions WHERE uuid = \(uuid)", Self.released).first
    }

    func releasedVersion(versionID: RowID, environmentID: RowID) async throws -> ReleasedVersionRecord? {
        try await rows("""
            SELECT \(unescaped: Self.releasedColumns) FROM released_versions
            WHERE version_id = \(versionID) AND environment_id = \(environmentID)
            """, Self.released).first
    }

    func currentlySupported(environmentID: RowID?, pacticipantID: RowID?) async throws -> [ReleasedVersionRecord] {
        try await rows("""
            SELECT \(unescaped: Self.releasedColumns) FROM released_versions WHERE support_ended_at IS NULL
            AND (\(environmentID)::bigint IS NULL OR environment_id = \(environmentID))
            AND (\(pacticipantID)::bigint IS NULL OR pacticipant_id = \(pacticipantID)) ORDER BY id
            """, Self.released)
    }

    // MARK: Rows

    /// Runs an insert or update; a unique-key violation (SQLSTATE 23505) becomes `BrokerStoreError.duplicate`.
    @discardableResult
    private func unique<Value>(_ what: String, _ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            throw BrokerStoreError.duplicate(what)
        }
    }

    static func pacticipant(_ c: inout PostgresColumns) throws -> PacticipantRecord {
        PacticipantRecord(id: try c.next(), name: try c.next(), displayName: try c.next(), mainBranch: try c.next(),
                          repositoryURL: try c.next(), createdAt: try c.date(), updatedAt: try c.date())
    }

    private static func version(_ c: inout PostgresColumns) throws -> VersionRecord {
        let id: Int64 = try c.next()
        return VersionRecord(id: id, pacticipantID: try c.next(), number: try c.next(), order: id, buildURL: try c.next(),
                             createdAt: try c.date())
    }

    private static func branch(_ c: inout PostgresColumns) throws -> BranchRecord {
        BranchRecord(id: try c.next(), pacticipantID: try c.next(), name: try c.next(), createdAt: try c.date())
    }

    private static func content(_ c: inout PostgresColumns) throws -> PactContentRecord {
        PactContentRecord(id: try c.next(), sha: try c.next(), consumerID: try c.next(), providerID: try c.next(),
                          content: try c.next(), createdAt: try c.date())
    }

    static func publicationView(_ c: inout PostgresColumns) throws -> PublicationView {
        let publication = PublicationRecord(
            id: try c.next(), consumerID: try c.next(), providerID: try c.next(), consumerVersionID: try c.next(),
            pactContentID: try c.next(), revision: Int(try c.next(Int64.self)), createdAt: try c.date())
        return PublicationView(publication: publication, consumer: try pacticipant(&c), provider: try pacticipant(&c),
                               consumerVersion: try version(&c), content: try content(&c))
    }

    private static func verification(_ c: inout PostgresColumns) throws -> VerificationRecord {
        VerificationRecord(id: try c.next(), number: Int(try c.next(Int64.self)), pactContentID: try c.next(),
                           consumerID: try c.next(), providerID: try c.next(), providerVersionID: try c.next(),
                           success: try c.next(Int64.self) != 0, buildURL: try c.next(), details: try c.next(),
                           createdAt: try c.date())
    }

    private static func environment(_ c: inout PostgresColumns) throws -> EnvironmentRecord {
        EnvironmentRecord(id: try c.next(), uuid: try c.next(), name: try c.next(), displayName: try c.next(),
                          production: try c.next(Int64.self) != 0, contacts: try c.next(), createdAt: try c.date(),
                          updatedAt: try c.date())
    }

    private static func deployed(_ c: inout PostgresColumns) throws -> DeployedVersionRecord {
        DeployedVersionRecord(id: try c.next(), uuid: try c.next(), versionID: try c.next(), pacticipantID: try c.next(),
                              environmentID: try c.next(), applicationInstance: try c.next(), createdAt: try c.date(),
                              undeployedAt: try c.optionalDate())
    }

    private static func released(_ c: inout PostgresColumns) throws -> ReleasedVersionRecord {
        ReleasedVersionRecord(id: try c.next(), uuid: try c.next(), versionID: try c.next(), pacticipantID: try c.next(),
                              environmentID: try c.next(), createdAt: try c.date(), supportEndedAt: try c.optionalDate())
    }
}

/// Reads a row's columns left to right.
struct PostgresColumns {
    private let row: PostgresRandomAccessRow
    private var index = 0

    init(_ row: PostgresRandomAccessRow) { self.row = row }

    mutating func next<Value: PostgresDecodable>(_ type: Value.Type = Value.self) throws -> Value {
        defer { index += 1 }
        return try row[index].decode(Value.self)
    }

    mutating func date() throws -> Date { Date(timeIntervalSince1970: try next(Double.self)) }

    mutating func optionalDate() throws -> Date? { try next(Double?.self).map(Date.init(timeIntervalSince1970:)) }
}

fileprivate extension Date {
    /// Seconds since 1970, as the broker's tables keep times.
    var seconds: Double { timeIntervalSince1970 }
}
