import Foundation
import SQLiteSupport

/// The store's queries as SQL, inside a transaction `SQLiteBrokerStore` has begun. Used only on the store's queue;
/// its methods are synchronous and satisfy the protocol's async requirements as they are.
final class SQLiteBrokerTransaction: BrokerStoreTransaction, @unchecked Sendable {
    // Unchecked Sendable: only used on the store's queue, inside the transaction.
    let db: SQLiteConnection

    init(connection: SQLiteConnection) { db = connection }

    // MARK: Pacticipants

    static let pacticipantColumns = "id, name, display_name, main_branch, repository_url, created_at, updated_at"

    func pacticipant(named name: String) throws -> PacticipantRecord? {
        try db.statement("SELECT \(Self.pacticipantColumns) FROM pacticipants WHERE name = ?1")
            .query([.text(name)]) { Self.pacticipant($0, 0) }.first
    }

    func pacticipant(id: RowID) throws -> PacticipantRecord? {
        try db.statement("SELECT \(Self.pacticipantColumns) FROM pacticipants WHERE id = ?1")
            .query([.integer(id)]) { Self.pacticipant($0, 0) }.first
    }

    func pacticipants() throws -> [PacticipantRecord] {
        try db.statement("SELECT \(Self.pacticipantColumns) FROM pacticipants ORDER BY name").query([]) { Self.pacticipant($0, 0) }
    }

    func insertPacticipant(name: String, displayName: String?, mainBranch: String?, repositoryURL: String?, at: Date) throws -> PacticipantRecord {
        try unique("pacticipant \(name)") {
            try db.statement("""
                INSERT INTO pacticipants (name, display_name, main_branch, repository_url, created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                """).run([.text(name), .optional(displayName), .optional(mainBranch), .optional(repositoryURL), .date(at)])
        }
        return PacticipantRecord(id: db.lastInsertedRowID, name: name, displayName: displayName, mainBranch: mainBranch,
                                 repositoryURL: repositoryURL, createdAt: at, updatedAt: at)
    }

    func updatePacticipant(_ p: PacticipantRecord) throws {
        try unique("pacticipant \(p.name)") {
            try db.statement("""
                UPDATE pacticipants SET name = ?2, display_name = ?3, main_branch = ?4, repository_url = ?5, updated_at = ?6
                WHERE id = ?1
                """).run([.integer(p.id), .text(p.name), .optional(p.displayName), .optional(p.mainBranch),
                          .optional(p.repositoryURL), .date(p.updatedAt)])
        }
    }

    func deletePacticipant(id: RowID) throws {
        try db.statement("DELETE FROM pacticipants WHERE id = ?1").run([.integer(id)])
    }

    // MARK: Versions

    private static let versionColumns = "id, pacticipant_id, number, build_url, created_at"

    func version(pacticipantID: RowID, number: String) throws -> VersionRecord? {
        try db.statement("SELECT \(Self.versionColumns) FROM versions WHERE pacticipant_id = ?1 AND number = ?2")
            .query([.integer(pacticipantID), .text(number)]) { Self.version($0, 0) }.first
    }

    func version(id: RowID) throws -> VersionRecord? {
        try db.statement("SELECT \(Self.versionColumns) FROM versions WHERE id = ?1")
            .query([.integer(id)]) { Self.version($0, 0) }.first
    }

    func insertVersion(pacticipantID: RowID, number: String, buildURL: String?, at: Date) throws -> VersionRecord {
        try unique("version \(number)") {
            try db.statement("INSERT INTO versions (pacticipant_id, number, build_url, created_at) VALUES (?1, ?2, ?3, ?4)")
                .run([.integer(pacticipantID), .text(number), .optional(buildURL), .date(at)])
        }
        let id = db.lastInsertedRowID
        return VersionRecord(id: id, pacticipantID: pacticipantID, number: number, order: id, buildURL: buildURL, createdAt: at)
    }

    func updateVersion(_ version: VersionRecord) throws {
        try db.statement("UPDATE versions SET build_url = ?2 WHERE id = ?1").run([.integer(version.id), .optional(version.buildURL)])
    }

    func deleteVersion(id: RowID) throws {
        // Foreign keys cascade to tags, branch versions, publications, verifications, deployments and releases.
        try db.statement("DELETE FROM versions WHERE id = ?1").run([.integer(id)])
    }

    func latestVersion(pacticipantID: RowID, tag: String?, branch: String?) throws -> VersionRecord? {
        let columns = Self.versionColumns.split(separator: ", ").map { "v.\($0)" }.joined(separator: ", ")
        if let tag {
            return try db.statement("""
                SELECT \(columns) FROM versions v JOIN tags t ON t.version_id = v.id
                WHERE v.pacticipant_id = ?1 AND t.name = ?2 ORDER BY v.id DESC LIMIT 1
                """).query([.integer(pacticipantID), .text(tag)]) { Self.version($0, 0) }.first
        }
        if let branch {
            return try db.statement("""
                SELECT \(columns) FROM branch_versions bv JOIN versions v ON v.id = bv.version_id
                WHERE bv.branch_id = (SELECT b.id FROM branches b WHERE b.pacticipant_id = ?1 AND b.name = ?2)
                ORDER BY bv.version_id DESC LIMIT 1
                """).query([.integer(pacticipantID), .text(branch)]) { Self.version($0, 0) }.first
        }
        return try db.statement("SELECT \(Self.versionColumns) FROM versions WHERE pacticipant_id = ?1 ORDER BY id DESC LIMIT 1")
            .query([.integer(pacticipantID)]) { Self.version($0, 0) }.first
    }

    func versions(pacticipantID: RowID, limit: Int) throws -> [VersionRecord] {
        try db.statement("SELECT \(Self.versionColumns) FROM versions WHERE pacticipant_id = ?1 ORDER BY id DESC LIMIT ?2")
            .query([.integer(pacticipantID), .integer(Int64(limit))]) { Self.version($0, 0) }
    }

    // MARK: Branches and tags

    func branch(pacticipantID: RowID, name: String) throws -> BranchRecord? {
        try db.statement("SELECT id, pacticipant_id, name, created_at FROM branches WHERE pacticipant_id = ?1 AND name = ?2")
            .query([.integer(pacticipantID), .text(name)], row: Self.branch).first
    }

    func branches(pacticipantID: RowID) throws -> [BranchRecord] {
        try db.statement("SELECT id, pacticipant_id, name, created_at FROM branches WHERE pacticipant_id = ?1 ORDER BY id")
            .query([.integer(pacticipantID)], row: Self.branch)
    }

    func insertBranch(pacticipantID: RowID, name: String, at: Date) throws -> BranchRecord {
        try db.statement("INSERT INTO branches (pacticipant_id, name, created_at) VALUES (?1, ?2, ?3)")
            .run([.integer(pacticipantID), .text(name), .date(at)])
        return BranchRecord(id: db.lastInsertedRowID, pacticipantID: pacticipantID, name: name, createdAt: at)
    }

    func deleteBranch(id: RowID) throws {
        try db.statement("DELETE FROM branches WHERE id = ?1").run([.integer(id)])
    }

    func addToBranch(branchID: RowID, versionID: RowID, at: Date) throws -> Bool {
        try db.statement("INSERT OR IGNORE INTO branch_versions (branch_id, version_id, created_at) VALUES (?1, ?2, ?3)")
            .run([.integer(branchID), .integer(versionID), .date(at)])
        return db.changes > 0
    }

    func branchNames(versionID: RowID) throws -> [String] {
        try db.statement("""
            SELECT b.name FROM branch_versions bv JOIN branches b ON b.id = bv.branch_id WHERE bv.version_id = ?1 ORDER BY b.id
            """).query([.integer(versionID)]) { $0.text(0) }
    }

    func tagNames(versionID: RowID) throws -> [String] {
        try db.statement("SELECT name FROM tags WHERE version_id = ?1 ORDER BY created_at, name")
            .query([.integer(versionID)]) { $0.text(0) }
    }

    func tagNames(pacticipantID: RowID) throws -> [String] {
        try db.statement("""
            SELECT DISTINCT t.name FROM tags t JOIN versions v ON v.id = t.version_id WHERE v.pacticipant_id = ?1 ORDER BY t.name
            """).query([.integer(pacticipantID)]) { $0.text(0) }
    }

    func insertTag(versionID: RowID, name: String, at: Date) throws -> Bool {
        try db.statement("INSERT OR IGNORE INTO tags (version_id, name, created_at) VALUES (?1, ?2, ?3)")
            .run([.integer(versionID), .text(name), .date(at)])
        return db.changes > 0
    }

    func deleteTag(versionID: RowID, name: String) throws -> Bool {
        try db.statement("DELETE FROM tags WHERE version_id = ?1 AND name = ?2").run([.integer(versionID), .text(name)])
        return db.changes > 0
    }

    // MARK: Pacts

    private static let contentColumns = "id, sha, consumer_id, provider_id, content, created_at"

    func pactContent(sha: String, consumerID: RowID, providerID: RowID) throws -> PactContentRecord? {
        try db.statement("SELECT \(Self.contentColumns) FROM pact_contents WHERE consumer_id = ?1 AND provider_id = ?2 AND sha = ?3")
            .query([.integer(consumerID), .integer(providerID), .text(sha)]) { Self.content($0, 0) }.first
    }

    func pactContent(id: RowID) throws -> PactContentRecord? {
        try db.statement("SELECT \(Self.contentColumns) FROM pact_contents WHERE id = ?1")
            .query([.integer(id)]) { Self.content($0, 0) }.first
    }

    func insertPactContent(sha: String, consumerID: RowID, providerID: RowID, content: String, at: Date) throws -> PactContentRecord {
        try db.statement("""
            INSERT INTO pact_contents (sha, consumer_id, provider_id, content, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
            """).run([.text(sha), .integer(consumerID), .integer(providerID), .text(content), .date(at)])
        return PactContentRecord(id: db.lastInsertedRowID, sha: sha, consumerID: consumerID, providerID: providerID,
                                 content: content, createdAt: at)
    }

    func insertPublication(consumerVersionID: RowID, providerID: RowID, pactContentID: RowID, at: Date) throws -> PublicationRecord {
        let consumerID = try db.statement("SELECT pacticipant_id FROM versions WHERE id = ?1")
            .query([.integer(consumerVersionID)]) { $0.int64(0) }.first ?? 0
        let revision = try db.statement("""
            SELECT COALESCE(MAX(revision), 0) + 1 FROM pact_publications WHERE consumer_version_id = ?1 AND provider_id = ?2
            """).query([.integer(consumerVersionID), .integer(providerID)]) { Int($0.int64(0)) }.first ?? 1
        try db.statement("""
            INSERT INTO pact_publications (consumer_id, provider_id, consumer_version_id, pact_content_id, revision, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            """).run([.integer(consumerID), .integer(providerID), .integer(consumerVersionID), .integer(pactContentID),
                      .integer(Int64(revision)), .date(at)])
        return PublicationRecord(id: db.lastInsertedRowID, consumerID: consumerID, providerID: providerID,
                                 consumerVersionID: consumerVersionID, pactContentID: pactContentID, revision: revision,
                                 createdAt: at)
    }

    private static let publicationColumns = PublicationSQL.columns
    private static let publicationJoins = PublicationSQL.joins
    private static let latestRevision = PublicationSQL.latestRevision
    private static let publicationSelect = PublicationSQL.select

    /// Whether consumer version `column` has a pact with provider ?1.
    private static func hasPact(_ column: String) -> String {
        "EXISTS (SELECT 1 FROM pact_publications p3 WHERE p3.consumer_version_id = \(column) AND p3.provider_id = ?1)"
    }

    /// The consumers (optionally only ?2) with a pact with provider ?1, as `(consumer_id)` rows: one index seek per
    /// pacticipant, however long the history.
    private static let consumersOfProvider = """
        SELECT c.id AS consumer_id FROM pacticipants c WHERE (?2 IS NULL OR c.id = ?2)
        AND EXISTS (SELECT 1 FROM pact_publications e WHERE e.provider_id = ?1 AND e.consumer_id = c.id)
        """

    /// The newest of each consumer's versions that `pick` (a correlated query on `cs.consumer_id` returning one
    /// version id, or none) finds, as `(version_id)` rows; a consumer without one gives NULL, which joins nothing.
    private static func headPerConsumer(_ pick: String) -> String {
        "SELECT (\(pick)) AS version_id FROM (\(consumersOfProvider)) cs"
    }

    /// The consumer versions a scope picks, as `(version_id)` rows. Heads are found per consumer by walking an index
    /// backwards from the newest entry (a branch's versions, a tag's versions) and stopping at the first with a pact,
    /// so the cost stays flat as a consumer's history grows.
    private static func versionSource(_ scope: PublicationScope) -> String {
        func newestOnBranch(_ name: String) -> String {
            """
            SELECT bv.version_id FROM branch_versions bv
            WHERE bv.branch_id = (SELECT b.id FROM branches b WHERE b.pacticipant_id = cs.consumer_id AND b.name = \(name))
            AND \(hasPact("bv.version_id")) ORDER BY bv.version_id DESC LIMIT 1
            """
        }
        let tagged = "EXISTS (SELECT 1 FROM tags t WHERE t.version_id = p4.consumer_version_id AND t.name = ?3)"
        switch scope {
        case .latest:
            return headPerConsumer("""
                SELECT MAX(p4.consumer_version_id) FROM pact_publications p4 WHERE p4.provider_id = ?1 AND p4.consumer_id = cs.consumer_id
                """)
        case .latestForBranch:
            return headPerConsumer(newestOnBranch("?3"))
        case .latestForMainBranch:
            return headPerConsumer(newestOnBranch("(SELECT m.main_branch FROM pacticipants m WHERE m.id = cs.consumer_id)"))
        case .latestForTag:
            // Walks the tag's entries newest first (tags_by_name): flat as the consumer's history grows, where walking
            // its publications back to an old tag was not.
            return headPerConsumer("""
                SELECT t.version_id FROM tags t INDEXED BY tags_by_name WHERE t.name = ?3
                AND (SELECT tv.pacticipant_id FROM versions tv WHERE tv.id = t.version_id) = cs.consumer_id
                AND \(hasPact("t.version_id")) ORDER BY t.version_id DESC LIMIT 1
                """)
        case .allForTag:
            return """
                SELECT DISTINCT p4.consumer_version_id AS version_id FROM pact_publications p4
                WHERE p4.provider_id = ?1 AND (?2 IS NULL OR p4.consumer_id = ?2) AND \(tagged)
                """
        case .consumerVersions:
            return "SELECT value AS version_id FROM json_each(?3)"
        }
    }

    func publications(providerID: RowID, consumerID: RowID?, scope: PublicationScope) throws -> [PublicationView] {
        let third: SQLiteValue = switch scope {
        case .latestForBranch(let name): .text(name)
        case .latestForTag(let tag), .allForTag(let tag): .text(tag)
        case .consumerVersions(let ids): .text("[" + ids.map(String.init).joined(separator: ",") + "]")
        case .latest, .latestForMainBranch: .null
        }
        let sql = Self.publicationColumns + " FROM (" + Self.versionSource(scope) + """
            ) h CROSS JOIN pact_publications p ON p.consumer_version_id = h.version_id AND p.provider_id = ?1
            """ + Self.publicationJoins + " WHERE " + Self.latestRevision
            + " AND (?2 IS NULL OR p.consumer_id = ?2) AND ?3 IS ?3 ORDER BY c.name, p.consumer_version_id"
        return try db.statement(sql).query([.integer(providerID), consumerID.map { .integer($0) } ?? .null, third],
                                           row: Self.publicationView)
    }

    func publications(consumerVersionID: RowID) throws -> [PublicationView] {
        try db.statement(Self.publicationSelect + " AND p.consumer_version_id = ?1 ORDER BY pr.name")
            .query([.integer(consumerVersionID)], row: Self.publicationView)
    }

    func latestPublicationsOfEveryIntegration() throws -> [PublicationView] {
        try db.statement(Self.integrationHeadsCTE + Self.publicationColumns + """
             FROM heads h CROSS JOIN pact_publications p ON p.consumer_version_id = h.version_id AND p.provider_id = h.provider_id
            """ + " " + Self.publicationJoins + " WHERE " + Self.latestRevision + " ORDER BY c.name, pr.name")
            .query([], row: Self.publicationView)
    }

    /// The integrations by a skip scan of pact_publications_by_provider (one seek per integration, not per
    /// publication), then each one's newest consumer version: `heads (version_id, provider_id)`, materialized so the
    /// joins after it read it once (7 ms → 1 ms of CPU at the benchmark's default size).
    static let integrationHeadsCTE = """
        WITH RECURSIVE integrations (provider_id, consumer_id) AS (
            SELECT MIN(provider_id), (SELECT MIN(consumer_id) FROM pact_publications
                                      WHERE provider_id = (SELECT MIN(provider_id) FROM pact_publications))
            FROM pact_publications
            UNION ALL
            SELECT CASE WHEN \(nextConsumer) IS NOT NULL THEN i.provider_id ELSE \(nextProvider) END,
                COALESCE(\(nextConsumer),
                         (SELECT MIN(consumer_id) FROM pact_publications WHERE provider_id = \(nextProvider)))
            FROM integrations i WHERE i.provider_id IS NOT NULL
        ),
        heads (version_id, provider_id) AS MATERIALIZED (
            SELECT (SELECT MAX(consumer_version_id) FROM pact_publications
                    WHERE provider_id = i.provider_id AND consumer_id = i.consumer_id), i.provider_id
            FROM integrations i WHERE i.provider_id IS NOT NULL
        )

        """
    private static let nextConsumer = """
        (SELECT MIN(consumer_id) FROM pact_publications WHERE provider_id = i.provider_id AND consumer_id > i.consumer_id)
        """
    private static let nextProvider = "(SELECT MIN(provider_id) FROM pact_publications WHERE provider_id > i.provider_id)"

    func publications(pactContentID: RowID) throws -> [PublicationView] {
        try db.statement(Self.publicationSelect + " AND p.pact_content_id = ?1 ORDER BY p.consumer_version_id")
            .query([.integer(pactContentID)], row: Self.publicationView)
    }

    func consumerIDs(providerID: RowID) throws -> [RowID] {
        try db.statement(Self.consumersOfProvider + " ORDER BY c.id").query([.integer(providerID), .null]) { $0.int64(0) }
    }

    func deleteOrphanPactContents() throws -> Int {
        try db.statement("""
            DELETE FROM pact_contents WHERE NOT EXISTS (SELECT 1 FROM pact_publications p WHERE p.pact_content_id = pact_contents.id)
            AND NOT EXISTS (SELECT 1 FROM verifications v WHERE v.pact_content_id = pact_contents.id)
            """).run([])
        return db.changes
    }

    // MARK: Verifications

    private static let verificationColumns =
        "id, number, pact_content_id, consumer_id, provider_id, provider_version_id, success, build_url, details, created_at"

    func insertVerification(pactContentID: RowID, providerVersionID: RowID, success: Bool, buildURL: String?, details: String, at: Date) throws -> VerificationRecord {
        guard let content = try pactContent(id: pactContentID) else { throw BrokerStoreError.duplicate("no pact content") }
        // Numbers grow with ids, so the newest row's number is the largest (one index seek, not a scan).
        let number = try db.statement("""
            SELECT COALESCE((SELECT number FROM verifications WHERE pact_content_id = ?1 ORDER BY id DESC LIMIT 1), 0) + 1
            """)
            .query([.integer(pactContentID)]) { Int($0.int64(0)) }.first ?? 1
        try db.statement("""
            INSERT INTO verifications (number, pact_content_id, consumer_id, provider_id, provider_version_id, success,
                build_url, details, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """).run([.integer(Int64(number)), .integer(pactContentID), .integer(content.consumerID), .integer(content.providerID),
                      .integer(providerVersionID), .integer(success ? 1 : 0), .optional(buildURL), .text(details), .date(at)])
        return VerificationRecord(id: db.lastInsertedRowID, number: number, pactContentID: pactContentID,
                                  consumerID: content.consumerID, providerID: content.providerID,
                                  providerVersionID: providerVersionID, success: success, buildURL: buildURL,
                                  details: details, createdAt: at)
    }

    func verifications(pactContentID: RowID) throws -> [VerificationRecord] {
        try db.statement("SELECT \(Self.verificationColumns) FROM verifications WHERE pact_content_id = ?1 ORDER BY id")
            .query([.integer(pactContentID)], row: Self.verification)
    }

    func verification(id: RowID) throws -> VerificationRecord? {
        try db.statement("SELECT \(Self.verificationColumns) FROM verifications WHERE id = ?1")
            .query([.integer(id)], row: Self.verification).first
    }

    func verifications(pactContentID: RowID, providerVersionIDs: [RowID]) throws -> [VerificationRecord] {
        try db.statement("""
            SELECT \(Self.verificationColumns) FROM verifications WHERE pact_content_id = ?1
            AND provider_version_id IN (SELECT value FROM json_each(?2)) ORDER BY id
            """).query([.integer(pactContentID), .text("[" + providerVersionIDs.map(String.init).joined(separator: ",") + "]")],
                       row: Self.verification)
    }

    func hasSuccessfulVerification(pactContentID: RowID, _ filter: VerificationFilter) throws -> Bool {
        let (sql, values): (String, [SQLiteValue]) = switch filter {
        case .any:
            ("SELECT EXISTS (SELECT 1 FROM verifications WHERE pact_content_id = ?1 AND success = 1)", [.integer(pactContentID)])
        case .onBranch(let branch):
            ("""
             SELECT EXISTS (SELECT 1 FROM verifications v JOIN branch_versions bv ON bv.version_id = v.provider_version_id
                 JOIN branches b ON b.id = bv.branch_id WHERE v.pact_content_id = ?1 AND v.success = 1 AND b.name = ?2)
             """, [.integer(pactContentID), .text(branch)])
        case .onOtherBranch(let branch, let before):
            ("""
             SELECT EXISTS (SELECT 1 FROM verifications v JOIN branch_versions bv ON bv.version_id = v.provider_version_id
                 JOIN branches b ON b.id = bv.branch_id WHERE v.pact_content_id = ?1 AND v.success = 1 AND b.name != ?2
                 AND (?3 IS NULL OR v.created_at < ?3))
             """, [.integer(pactContentID), .text(branch), before.map { .date($0) } ?? .null])
        case .withTag(let tag):
            ("""
             SELECT EXISTS (SELECT 1 FROM verifications v JOIN tags t ON t.version_id = v.provider_version_id
                 WHERE v.pact_content_id = ?1 AND v.success = 1 AND t.name = ?2)
             """, [.integer(pactContentID), .text(tag)])
        }
        return try db.statement(sql).query(values) { $0.int64(0) != 0 }.first ?? false
    }

    // MARK: Environments and deployments

    private static let environmentColumns = "id, uuid, name, display_name, production, contacts, created_at, updated_at"

    func environments() throws -> [EnvironmentRecord] {
        try db.statement("SELECT \(Self.environmentColumns) FROM environments ORDER BY name").query([], row: Self.environment)
    }

    func environment(uuid: String) throws -> EnvironmentRecord? {
        try db.statement("SELECT \(Self.environmentColumns) FROM environments WHERE uuid = ?1")
            .query([.text(uuid)], row: Self.environment).first
    }

    func environment(named name: String) throws -> EnvironmentRecord? {
        try db.statement("SELECT \(Self.environmentColumns) FROM environments WHERE name = ?1")
            .query([.text(name)], row: Self.environment).first
    }

    func environment(id: RowID) throws -> EnvironmentRecord? {
        try db.statement("SELECT \(Self.environmentColumns) FROM environments WHERE id = ?1")
            .query([.integer(id)], row: Self.environment).first
    }

    func insertEnvironment(_ e: EnvironmentRecord) throws -> EnvironmentRecord {
        try unique("environment \(e.name)") {
            try db.statement("""
                INSERT INTO environments (uuid, name, display_name, production, contacts, created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                """).run([.text(e.uuid), .text(e.name), .optional(e.displayName), .integer(e.production ? 1 : 0),
                          .optional(e.contacts), .date(e.createdAt), .date(e.updatedAt)])
        }
        var stored = e
        stored.id = db.lastInsertedRowID
        return stored
    }

    func updateEnvironment(_ e: EnvironmentRecord) throws {
        try unique("environment \(e.name)") {
            try db.statement("""
                UPDATE environments SET name = ?2, display_name = ?3, production = ?4, contacts = ?5, updated_at = ?6 WHERE id = ?1
                """).run([.integer(e.id), .text(e.name), .optional(e.displayName), .integer(e.production ? 1 : 0),
                          .optional(e.contacts), .date(e.updatedAt)])
        }
    }

    func deleteEnvironment(id: RowID) throws {
        try db.statement("DELETE FROM environments WHERE id = ?1").run([.integer(id)])
    }

    private static let deployedColumns =
        "id, uuid, version_id, pacticipant_id, environment_id, application_instance, created_at, undeployed_at"

    func insertDeployedVersion(_ d: DeployedVersionRecord) throws -> DeployedVersionRecord {
        try db.statement("""
            INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, application_instance, created_at,
                undeployed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """).run([.text(d.uuid), .integer(d.versionID), .integer(d.pacticipantID), .integer(d.environmentID),
                      .optional(d.applicationInstance), .date(d.createdAt), d.undeployedAt.map { .date($0) } ?? .null])
        var stored = d
        stored.id = db.lastInsertedRowID
        return stored
    }

    func updateDeployedVersion(_ d: DeployedVersionRecord) throws {
        try db.statement("UPDATE deployed_versions SET undeployed_at = ?2 WHERE id = ?1")
            .run([.integer(d.id), d.undeployedAt.map { .date($0) } ?? .null])
    }

    func deployedVersion(uuid: String) throws -> DeployedVersionRecord? {
        try db.statement("SELECT \(Self.deployedColumns) FROM deployed_versions WHERE uuid = ?1")
            .query([.text(uuid)], row: Self.deployed).first
    }

    func currentlyDeployed(environmentID: RowID?, pacticipantID: RowID?) throws -> [DeployedVersionRecord] {
        try db.statement("""
            SELECT \(Self.deployedColumns) FROM deployed_versions WHERE undeployed_at IS NULL
            AND (?1 IS NULL OR environment_id = ?1) AND (?2 IS NULL OR pacticipant_id = ?2) ORDER BY id
            """).query([environmentID.map { .integer($0) } ?? .null, pacticipantID.map { .integer($0) } ?? .null],
                       row: Self.deployed)
    }

    private static let releasedColumns = "id, uuid, version_id, pacticipant_id, environment_id, created_at, support_ended_at"

    func insertReleasedVersion(_ r: ReleasedVersionRecord) throws -> ReleasedVersionRecord {
        try db.statement("""
            INSERT INTO released_versions (uuid, version_id, pacticipant_id, environment_id, created_at, support_ended_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            """).run([.text(r.uuid), .integer(r.versionID), .integer(r.pacticipantID), .integer(r.environmentID),
                      .date(r.createdAt), r.supportEndedAt.map { .date($0) } ?? .null])
        var stored = r
        stored.id = db.lastInsertedRowID
        return stored
    }

    func updateReleasedVersion(_ r: ReleasedVersionRecord) throws {
        try db.statement("UPDATE released_versions SET support_ended_at = ?2 WHERE id = ?1")
            .run([.integer(r.id), r.supportEndedAt.map { .date($0) } ?? .null])
    }

    func releasedVersion(uuid: String) throws -> ReleasedVersionRecord? {
        try db.statement("SELECT \(Self.releasedColumns) FROM released_versions WHERE uuid = ?1")
            .query([.text(uuid)], row: Self.released).first
    }

    func releasedVersion(versionID: RowID, environmentID: RowID) throws -> ReleasedVersionRecord? {
        try db.statement("SELECT \(Self.releasedColumns) FROM released_versions WHERE version_id = ?1 AND environment_id = ?2")
            .query([.integer(versionID), .integer(environmentID)], row: Self.released).first
    }

    func currentlySupported(environmentID: RowID?, pacticipantID: RowID?) throws -> [ReleasedVersionRecord] {
        try db.statement("""
            SELECT \(Self.releasedColumns) FROM released_versions WHERE support_ended_at IS NULL
            AND (?1 IS NULL OR environment_id = ?1) AND (?2 IS NULL OR pacticipant_id = ?2) ORDER BY id
            """).query([environmentID.map { .integer($0) } ?? .null, pacticipantID.map { .integer($0) } ?? .null],
                       row: Self.released)
    }

    // MARK: Rows

    private func unique(_ what: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as SQLiteError where error.isUniquenessViolation {
            throw BrokerStoreError.duplicate(what)
        }
    }

    static func pacticipant(_ row: SQLiteStatement, _ at: Int32) -> PacticipantRecord {
        PacticipantRecord(id: row.int64(at), name: row.text(at + 1), displayName: row.optionalText(at + 2),
                          mainBranch: row.optionalText(at + 3), repositoryURL: row.optionalText(at + 4),
                          createdAt: row.date(at + 5), updatedAt: row.date(at + 6))
    }

    private static func version(_ row: SQLiteStatement, _ at: Int32) -> VersionRecord {
        VersionRecord(id: row.int64(at), pacticipantID: row.int64(at + 1), number: row.text(at + 2), order: row.int64(at),
                      buildURL: row.optionalText(at + 3), createdAt: row.date(at + 4))
    }

    private static func branch(_ row: SQLiteStatement) -> BranchRecord {
        BranchRecord(id: row.int64(0), pacticipantID: row.int64(1), name: row.text(2), createdAt: row.date(3))
    }

    private static func content(_ row: SQLiteStatement, _ at: Int32) -> PactContentRecord {
        PactContentRecord(id: row.int64(at), sha: row.text(at + 1), consumerID: row.int64(at + 2),
                          providerID: row.int64(at + 3), content: row.text(at + 4), createdAt: row.date(at + 5))
    }

    static func publicationView(_ row: SQLiteStatement) -> PublicationView {
        PublicationView(
            publication: PublicationRecord(id: row.int64(0), consumerID: row.int64(1), providerID: row.int64(2),
                                           consumerVersionID: row.int64(3), pactContentID: row.int64(4),
                                           revision: Int(row.int64(5)), createdAt: row.date(6)),
            consumer: pacticipant(row, 7), provider: pacticipant(row, 14), consumerVersion: version(row, 21),
            content: content(row, 26))
    }

    private static func verification(_ row: SQLiteStatement) -> VerificationRecord {
        VerificationRecord(id: row.int64(0), number: Int(row.int64(1)), pactContentID: row.int64(2),
                           consumerID: row.int64(3), providerID: row.int64(4), providerVersionID: row.int64(5),
                           success: row.int64(6) != 0, buildURL: row.optionalText(7), details: row.text(8),
                           createdAt: row.date(9))
    }

    private static func environment(_ row: SQLiteStatement) -> EnvironmentRecord {
        EnvironmentRecord(id: row.int64(0), uuid: row.text(1), name: row.text(2), displayName: row.optionalText(3),
                          production: row.int64(4) != 0, contacts: row.optionalText(5), createdAt: row.date(6),
                          updatedAt: row.date(7))
    }

    private static func deployed(_ row: SQLiteStatement) -> DeployedVersionRecord {
        DeployedVersionRecord(id: row.int64(0), uuid: row.text(1), versionID: row.int64(2), pacticipantID: row.int64(3),
                              environmentID: row.int64(4), applicationInstance: row.optionalText(5),
                              createdAt: row.date(6), undeployedAt: row.isNull(7) ? nil : row.date(7))
    }

    private static func released(_ row: SQLiteStatement) -> ReleasedVersionRecord {
        ReleasedVersionRecord(id: row.int64(0), uuid: row.text(1), versionID: row.int64(2), pacticipantID: row.int64(3),
                              environmentID: row.int64(4), createdAt: row.date(5),
                              supportEndedAt: row.isNull(6) ? nil : row.date(6))
    }
}

extension SQLiteValue {
    static func optional(_ text: String?) -> SQLiteValue { text.map { .text($0) } ?? .null }
    static func date(_ date: Date) -> SQLiteValue { .real(date.timeIntervalSince1970) }
}

extension SQLiteStatement {
    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
    func date(_ column: Int32) -> Date { Date(timeIntervalSince1970: double(column)) }
}
