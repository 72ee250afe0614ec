import Foundation
import NIOConcurrencyHelpers
import SQLiteSupport

/// A store that keeps everything in memory, for tests and throw-away brokers. One transaction at a time; a write
/// works on a copy of the tables that replaces them when it commits, so a throwing write changes nothing.
public final class InMemoryBrokerStore: BrokerStore, Sendable {
    private let tables = NIOLockedValueBox<InMemoryTables?>(InMemoryTables())
    private let gate = TransactionGate()

    /// An empty store.
    public init() {}

    /// Runs `body` in a read transaction.
    public func read<Value: Sendable>(
        _ body: @escaping @Sendable (any BrokerStoreTransaction) async throws -> Value
    ) async throws -> Value {
        try await gate.exclusively {
            guard let snapshot = tables.withLockedValue({ $0 }) else { throw BrokerStoreError.closed }
            return try await body(InMemoryBrokerTransaction(tables: snapshot))
        }
    }

    /// Runs `body` in a write transaction; nothing it wrote is kept if it throws.
    public func write<Value: Sendable>(
        _ body: @escaping @Sendable (any BrokerStoreTransaction) async throws -> Value
    ) async throws -> Value {
        try await gate.exclusively {
            guard let snapshot = tables.withLockedValue({ $0 }) else { throw BrokerStoreError.closed }
            let transaction = InMemoryBrokerTransaction(tables: snapshot)
            let result = try await body(transaction)
            let changed = transaction.tables.withLockedValue { $0 }
            tables.withLockedValue { $0 = changed }
            return result
        }
    }

    /// Finishes the transactions under way; later ones throw `BrokerStoreError.closed`.
    public func close() async {
        _ = try? await gate.exclusively { tables.withLockedValue { $0 = nil } }
    }
}

/// The in-memory store's tables; ids come from one counter, so they increase with creation as in SQLite.
struct InMemoryTables: Sendable {
    var nextID: RowID = 1
    var pacticipants: [RowID: PacticipantRecord] = [:]
    var versions: [RowID: VersionRecord] = [:]
    var branches: [RowID: BranchRecord] = [:]
    var branchVersions: Set<[RowID]> = []
    /// When each `branchVersions` pair was added (branch_versions.created_at), for the clean's stale branches.
    var branchVersionDates: [[RowID]: Date] = [:]
    var tags: [(versionID: RowID, name: String, createdAt: Date)] = []
    var contents: [RowID: PactContentRecord] = [:]
    var publications: [RowID: PublicationRecord] = [:]
    var verifications: [RowID: VerificationRecord] = [:]
    var environments: [RowID: EnvironmentRecord] = [:]
    var deployed: [RowID: DeployedVersionRecord] = [:]
    var released: [RowID: ReleasedVersionRecord] = [:]
    var webhooks: [RowID: InMemoryWebhookRow] = [:]
    var triggeredWebhooks: [RowID: InMemoryTriggeredWebhookRow] = [:]
    var webhookExecutions: [RowID: WebhookExecution] = [:]
    var labels: [LabelRecord] = []
    /// Provider contracts by provider version id, contract comparisons by verification id.
    var providerContracts: [RowID: ProviderContractRecord] = [:]
    var contractComparisons: [RowID: ContractComparisonRecord] = [:]

    mutating func newID() -> RowID {
        defer { nextID += 1 }
        return nextID
    }
}

/// The in-memory store's queries, over a copy of the tables.
final class InMemoryBrokerTransaction: BrokerStoreTransaction, Sendable {
    let tables: NIOLockedValueBox<InMemoryTables>

    init(tables: InMemoryTables) { self.tables = NIOLockedValueBox(tables) }

    private func get<T>(_ body: (InMemoryTables) throws -> T) rethrows -> T { try tables.withLockedValue { try body($0) } }
    private func set<T>(_ body: (inout InMemoryTables) throws -> T) rethrows -> T { try tables.withLockedValue { try body(&$0) } }

    // MARK: Pacticipants

    func pacticipant(named name: String) -> PacticipantRecord? { get { $0.pacticipants.values.first { $0.name == name } } }
    func pacticipant(id: RowID) -> PacticipantRecord? { get { $0.pacticipants[id] } }
    func pacticipants() -> [PacticipantRecord] { get { $0.pacticipants.values.sorted { $0.name < $1.name } } }

    func insertPacticipant(name: String, displayName: String?, mainBranch: String?, repositoryURL: String?, at: Date) throws -> PacticipantRecord {
        try set { t in
            if t.pacticipants.values.contains(where: { $0.name == name }) { throw BrokerStoreError.duplicate("pacticipant \(name)") }
            let record = PacticipantRecord(id: t.newID(), name: name, displayName: displayName, mainBranch: mainBranch,
                                           repositoryURL: repositoryURL, createdAt: at, updatedAt: at)
            t.pacticipants[record.id] = record
            return record
        }
    }

    func updatePacticipant(_ p: PacticipantRecord) throws {
        try set { t in
            if t.pacticipants.values.contains(where: { $0.name == p.name && $0.id != p.id }) {
                throw BrokerStoreError.duplicate("pacticipant \(p.name)")
            }
            t.pacticipants[p.id] = p
        }
    }

    func deletePacticipant(id: RowID) {
        set { t in
            t.pacticipants[id] = nil
            let versions = Set(t.versions.values.filter { $0.pacticipantID == id }.map(\.id))
            t.versions = t.versions.filter { !versions.contains($0.key) }
            t.branches = t.branches.filter { $0.value.pacticipantID != id }
            t.branchVersions = t.branchVersions.filter { t.branches[$0[0]] != nil && !versions.contains($0[1]) }
            t.tags.removeAll { versions.contains($0.versionID) }
            t.contents = t.contents.filter { $0.value.consumerID != id && $0.value.providerID != id }
            t.publications = t.publications.filter { $0.value.consumerID != id && $0.value.providerID != id }
            t.verifications = t.verifications.filter { $0.value.consumerID != id && $0.value.providerID != id }
            t.deployed = t.deployed.filter { $0.value.pacticipantID != id }
            t.released = t.released.filter { $0.value.pacticipantID != id }
            t.dropWebhookRows(pacticipantID: id)
            t.labels.removeAll { $0.pacticipantID == id }
            t.dropOrphanProviderContractRows()
        }
    }

    // MARK: Versions

    func version(pacticipantID: RowID, number: String) -> VersionRecord? {
        get { $0.versions.values.first { $0.pacticipantID == pacticipantID && $0.number == number } }
    }

    func version(id: RowID) -> VersionRecord? { get { $0.versions[id] } }

    func insertVersion(pacticipantID: RowID, number: String, buildURL: String?, at: Date) throws -> VersionRecord {
        try set { t in
            if t.versions.values.contains(where: { $0.pacticipantID == pacticipantID && $0.number == number }) {
                throw BrokerStoreError.duplicate("version \(number)")
            }
            let id = t.newID()
            let record = VersionRecord(id: id, pacticipantID: pacticipantID, number: number, order: id, buildURL: buildURL, createdAt: at)
            t.versions[id] = record
            return record
        }
    }

    func updateVersion(_ version: VersionRecord) { set { $0.versions[version.id] = version } }

    func deleteVersion(id: RowID) {
        set { t in
            t.versions[id] = nil
            t.branchVersions = t.branchVersions.filter { $0[1] != id }
            t.tags.removeAll { $0.versionID == id }
            t.publications = t.publications.filter { $0.value.consumerVersionID != id }
            t.verifications = t.verifications.filter { $0.value.providerVersionID != id }
            t.deployed = t.deployed.filter { $0.value.versionID != id }
            t.released = t.released.filter { $0.value.versionID != id }
            t.dropWebhookRows(versionID: id)
            t.dropOrphanProviderContractRows()
        }
    }

    func latestVersion(pacticipantID: RowID, tag: String?, branch: String?) -> VersionRecord? {
        get { t in
            t.versions.values.filter { v in
                guard v.pacticipantID == pacticipantID else { return false }
                if let tag, !t.tags.contains(where: { $0.versionID == v.id && $0.name == tag }) { return false }
                if let branch {
                    guard let b = t.branches.values.first(where: { $0.pacticipantID == pacticipantID && $0.name == branch }),
                          t.branchVersions.contains([b.id, v.id]) else { return false }
                }
                return true
            }.max { $0.id < $1.id }
        }
    }

    func versions(pacticipantID: RowID, limit: Int) -> [VersionRecord] {
        get { Array($0.versions.values.filter { $0.pacticipantID == pacticipantID }.sorted { $0.id > $1.id }.prefix(limit)) }
    }

    // MARK: Branches and tags

    func branch(pacticipantID: RowID, name: String) -> BranchRecord? {
        get { $0.branches.values.first { $0.pacticipantID == pacticipantID && $0.name == name } }
    }

    func branches(pacticipantID: RowID) -> [BranchRecord] {
        get { $0.branches.values.filter { $0.pacticipantID == pacticipantID }.sorted { $0.id < $1.id } }
    }

    func insertBranch(pacticipantID: RowID, name: String, at: Date) -> BranchRecord {
        set { t in
            let record = BranchRecord(id: t.newID(), pacticipantID: pacticipantID, name: name, createdAt: at)
            t.branches[record.id] = record
            return record
        }
    }

    func deleteBranch(id: RowID) {
        set { t in
            t.branches[id] = nil
            t.branchVersions = t.branchVersions.filter { $0[0] != id }
        }
    }

    func addToBranch(branchID: RowID, versionID: RowID, at: Date) -> Bool {
        set { t in
            let inserted = t.branchVersions.insert([branchID, versionID]).inserted
            if inserted { t.branchVersionDates[[branchID, versionID]] = at }
            return inserted
        }
    }

    func branchNames(versionID: RowID) -> [String] {
        get { t in t.branchVersions.filter { $0[1] == versionID }.compactMap { t.branches[$0[0]] }.sorted { $0.id < $1.id }.map(\.name) }
    }

    func tagNames(versionID: RowID) -> [String] {
        get { $0.tags.filter { $0.versionID == versionID }.map(\.name) }
    }

    func tagNames(pacticipantID: RowID) -> [String] {
        get { t in Array(Set(t.tags.filter { t.versions[$0.versionID]?.pacticipantID == pacticipantID }.map(\.name))).sorted() }
    }

    func insertTag(versionID: RowID, name: String, at: Date) -> Bool {
        set { t in
            if t.tags.contains(where: { $0.versionID == versionID && $0.name == name }) { return false }
            t.tags.append((versionID, name, at))
            return true
        }
    }

    func deleteTag(versionID: RowID, name: String) -> Bool {
        set { t in
            let before = t.tags.count
            t.tags.removeAll { $0.versionID == versionID && $0.name == name }
            return t.tags.count < before
        }
    }

    // MARK: Pacts

    func pactContent(sha: String, consumerID: RowID, providerID: RowID) -> PactContentRecord? {
        get { $0.contents.values.first { $0.sha == sha && $0.consumerID == consumerID && $0.providerID == providerID } }
    }

    func pactContent(id: RowID) -> PactContentRecord? { get { $0.contents[id] } }

    func deleteOrphanPactContents() -> Int {
        set { t in
            let used = Set(t.publications.values.map(\.pactContentID)).union(t.verifications.values.map(\.pactContentID))
            let orphans = t.contents.keys.filter { !used.contains($0) }
            for id in orphans { t.contents[id] = nil }
            return orphans.count
        }
    }

    func insertPactContent(sha: String, consumerID: RowID, providerID: RowID, content: String, at: Date) -> PactContentRecord {
        set { t in
            let record = PactContentRecord(id: t.newID(), sha: sha, consumerID: consumerID, providerID: providerID, content: content, createdAt: at)
            t.contents[record.id] = record
            return record
        }
    }

    func insertPublication(consumerVersionID: RowID, providerID: RowID, pactContentID: RowID, at: Date) -> PublicationRecord {
        set { t in
            let revision = (t.publications.values.filter { $0.consumerVersionID == consumerVersionID && $0.providerID == providerID }
                .map(\.revision).max() ?? 0) + 1
            let record = PublicationRecord(id: t.newID(), consumerID: t.versions[consumerVersionID]?.pacticipantID ?? 0,
                                           providerID: providerID, consumerVersionID: consumerVersionID,
                                           pactContentID: pactContentID, revision: revision, createdAt: at)
            t.publications[record.id] = record
            return record
        }
    }

    /// The latest revision of every consumer version's pact with each provider.
    private static func latestRevisions(_ t: InMemoryTables) -> [PublicationRecord] {
        var latest: [[RowID]: PublicationRecord] = [:]
        for p in t.publications.values {
            let key = [p.consumerVersionID, p.providerID]
            if let existing = latest[key], existing.revision > p.revision { continue }
            latest[key] = p
        }
        return Array(latest.values)
    }

    private static func view(_ p: PublicationRecord, _ t: InMemoryTables) -> PublicationView? {
        guard let consumer = t.pacticipants[p.consumerID], let provider = t.pacticipants[p.providerID],
              let version = t.versions[p.consumerVersionID], let content = t.contents[p.pactContentID] else { return nil }
        return PublicationView(publication: p, consumer: consumer, provider: provider, consumerVersion: version, content: content)
    }

    private static func sorted(_ views: [PublicationView]) -> [PublicationView] {
        views.sorted { ($0.consumer.name, $0.consumerVersion.id) < ($1.consumer.name, $1.consumerVersion.id) }
    }

    /// Keeps the newest consumer version per consumer and provider.
    private static func newestPerIntegration(_ views: [PublicationView]) -> [PublicationView] {
        var newest: [[RowID]: PublicationView] = [:]
        for v in views {
            let key = [v.consumer.id, v.provider.id]
            if let existing = newest[key], existing.consumerVersion.id > v.consumerVersion.id { continue }
            newest[key] = v
        }
        return Array(newest.values)
    }

    func publications(providerID: RowID, consumerID: RowID?, scope: PublicationScope) -> [PublicationView] {
        get { t in
            let all = Self.latestRevisions(t).filter { $0.providerID == providerID && (consumerID == nil || $0.consumerID == consumerID) }
                .compactMap { Self.view($0, t) }
            func onBranch(_ v: PublicationView, _ name: String?) -> Bool {
                guard let name, let b = t.branches.values.first(where: { $0.pacticipantID == v.consumer.id && $0.name == name })
                else { return false }
                return t.branchVersions.contains([b.id, v.consumerVersion.id])
            }
            func tagged(_ v: PublicationView, _ tag: String) -> Bool {
                t.tags.contains { $0.versionID == v.consumerVersion.id && $0.name == tag }
            }
            let selected: [PublicationView] = switch scope {
            case .latest: Self.newestPerIntegration(all)
            case .latestForBranch(let name): Self.newestPerIntegration(all.filter { onBranch($0, name) })
            case .latestForMainBranch: Self.newestPerIntegration(all.filter { onBranch($0, $0.consumer.mainBranch) })
            case .latestForTag(let tag): Self.newestPerIntegration(all.filter { tagged($0, tag) })
            case .allForTag(let tag): all.filter { tagged($0, tag) }
            case .consumerVersions(let ids): all.filter { ids.contains($0.consumerVersion.id) }
            }
            return Self.sorted(selected)
        }
    }

    func publications(consumerVersionID: RowID) -> [PublicationView] {
        get { t in
            Self.latestRevisions(t).filter { $0.consumerVersionID == consumerVersionID }.compactMap { Self.view($0, t) }
                .sorted { $0.provider.name < $1.provider.name }
        }
    }

    func latestPublicationsOfEveryIntegration() -> [PublicationView] {
        get { t in
            Self.newestPerIntegration(Self.latestRevisions(t).compactMap { Self.view($0, t) })
                .sorted { ($0.consumer.name, $0.provider.name) < ($1.consumer.name, $1.provider.name) }
        }
    }

    func publications(pactContentID: RowID) -> [PublicationView] {
        get { t in
            Self.latestRevisions(t).filter { $0.pactContentID == pactContentID }.compactMap { Self.view($0, t) }
                .sorted { $0.consumerVersion.id < $1.consumerVersion.id }
        }
    }

    func consumerIDs(providerID: RowID) -> [RowID] {
        get { Array(Set($0.publications.values.filter { $0.providerID == providerID }.map(\.consumerID))).sorted() }
    }

    // MARK: Verifications

    func insertVerification(pactContentID: RowID, providerVersionID: RowID, success: Bool, buildURL: String?, details: String, at: Date) throws -> VerificationRecord {
        try set { t in
            guard let content = t.contents[pactContentID] else { throw BrokerStoreError.duplicate("no pact content") }
            let number = (t.verifications.values.filter { $0.pactContentID == pactContentID }.map(\.number).max() ?? 0) + 1
            let record = VerificationRecord(id: t.newID(), number: number, pactContentID: pactContentID,
                                            consumerID: content.consumerID, providerID: content.providerID,
                                            providerVersionID: providerVersionID, success: success, buildURL: buildURL,
                                            details: details, createdAt: at)
            t.verifications[record.id] = record
            return record
        }
    }

    func verifications(pactContentID: RowID) -> [VerificationRecord] {
        get { $0.verifications.values.filter { $0.pactContentID == pactContentID }.sorted { $0.id < $1.id } }
    }

    func verification(id: RowID) -> VerificationRecord? { get { $0.verifications[id] } }

    func verifications(pactContentID: RowID, providerVersionIDs: [RowID]) -> [VerificationRecord] {
        verifications(pactContentID: pactContentID).filter { providerVersionIDs.contains($0.providerVersionID) }
    }

    func hasSuccessfulVerification(pactContentID: RowID, _ filter: VerificationFilter) -> Bool {
        get { t in
            t.verifications.values.contains { v in
                guard v.pactContentID == pactContentID, v.success else { return false }
                let branches = t.branchVersions.filter { $0[1] == v.providerVersionID }.compactMap { t.branches[$0[0]]?.name }
                switch filter {
                case .any: return true
                case .onBranch(let name): return branches.contains(name)
                case .onOtherBranch(let name, let before):
                    return branches.contains { $0 != name } && (before == nil || v.createdAt < before!)
                case .withTag(let tag): return t.tags.contains { $0.versionID == v.providerVersionID && $0.name == tag }
                }
            }
        }
    }

    // MARK: Environments and deployments

    func environments() -> [EnvironmentRecord] { get { $0.environments.values.sorted { $0.name < $1.name } } }
    func environment(uuid: String) -> EnvironmentRecord? { get { $0.environments.values.first { $0.uuid == uuid } } }
    func environment(named name: String) -> EnvironmentRecord? { get { $0.environments.values.first { $0.name == name } } }
    func environment(id: RowID) -> EnvironmentRecord? { get { $0.environments[id] } }

    func insertEnvironment(_ e: EnvironmentRecord) throws -> EnvironmentRecord {
        try set { t in
            if t.environments.values.contains(where: { $0.name == e.name || $0.uuid == e.uuid }) {
                throw BrokerStoreError.duplicate("environment \(e.name)")
            }
            var stored = e
            stored.id = t.newID()
            t.environments[stored.id] = stored
            return stored
        }
    }

    func updateEnvironment(_ e: EnvironmentRecord) throws {
        try set { t in
            if t.environments.values.contains(where: { $0.name == e.name && $0.id != e.id }) {
                throw BrokerStoreError.duplicate("environment \(e.name)")
            }
            t.environments[e.id] = e
        }
    }

    func deleteEnvironment(id: RowID) {
        set { t in
            t.environments[id] = nil
            t.deployed = t.deployed.filter { $0.value.environmentID != id }
            t.released = t.released.filter { $0.value.environmentID != id }
        }
    }

    func insertDeployedVersion(_ d: DeployedVersionRecord) -> DeployedVersionRecord {
        set { t in
            var stored = d
            stored.id = t.newID()
            t.deployed[stored.id] = stored
            return stored
        }
    }

    func updateDeployedVersion(_ d: DeployedVersionRecord) { set { $0.deployed[d.id] = d } }
    func deployedVersion(uuid: String) -> DeployedVersionRecord? { get { $0.deployed.values.first { $0.uuid == uuid } } }

    func currentlyDeployed(environmentID: RowID?, pacticipantID: RowID?) -> [DeployedVersionRecord] {
        get { t in
            t.deployed.values.filter { d in
                d.undeployedAt == nil && (environmentID == nil || d.environmentID == environmentID)
                    && (pacticipantID == nil || d.pacticipantID == pacticipantID)
            }.sorted { $0.id < $1.id }
        }
    }

    func insertReleasedVersion(_ r: ReleasedVersionRecord) -> ReleasedVersionRecord {
        set { t in
            var stored = r
            stored.id = t.newID()
            t.released[stored.id] = stored
            return stored
        }
    }

    func updateReleasedVersion(_ r: ReleasedVersionRecord) { set { $0.released[r.id] = r } }
    func releasedVersion(uuid: String) -> ReleasedVersionRecord? { get { $0.released.values.first { $0.uuid == uuid } } }

    func releasedVersion(versionID: RowID, environmentID: RowID) -> ReleasedVersionRecord? {
        get { $0.released.values.first { $0.versionID == versionID && $0.environmentID == environmentID } }
    }

    func currentlySupported(environmentID: RowID?, pacticipantID: RowID?) -> [ReleasedVersionRecord] {
        get { t in
            t.released.values.filter { r in
                r.supportEndedAt == nil && (environmentID == nil || r.environmentID == environmentID)
                    && (pacticipantID == nil || r.pacticipantID == pacticipantID)
            }.sorted { $0.id < $1.id }
        }
    }
}
