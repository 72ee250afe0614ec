import Foundation

/// Where the broker keeps its data. Every read and write happens in a transaction; a driver (in memory, SQLite,
/// PostgreSQL) implements `BrokerStoreTransaction` with queries that select in the database, so the domain
/// code above asks for the rows it needs rather than filtering whole tables.
public protocol BrokerStore: Sendable {
    /// Runs `body` in a read-only transaction.
    func read<Value: Sendable>(
        _ body: @escaping @Sendable (any BrokerStoreTransaction) async throws -> Value
    ) async throws -> Value

    /// Runs `body` in a read-write transaction; nothing it wrote is kept if it throws.
    func write<Value: Sendable>(
        _ body: @escaping @Sendable (any BrokerStoreTransaction) async throws -> Value
    ) async throws -> Value

    /// Finishes transactions under way and releases the store; later transactions throw `BrokerStoreError.closed`.
    func close() async
}

/// A store failure the API reports as such.
public enum BrokerStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The store was closed.
    case closed
    /// A row with the same unique key exists.
    case duplicate(String)
    /// The `--db` value names no supported store.
    case unsupported(String)
    /// The database cannot be reached right now (down, restarting, no connection within the timeout, silent past
    /// the statement deadline); nothing of the transaction was kept. The API answers 503: try again later.
    case unavailable(String)
    /// The database refused a statement for another reason.
    case failed(String)

    public var description: String {
        switch self {
        case .closed: "the broker store is closed"
        case .duplicate(let what): "\(what) already exists"
        case .unsupported(let what): what
        case .unavailable(let reason): "the database is unavailable: \(reason)"
        case .failed(let reason): "database error: \(reason)"
        }
    }
}

/// Which publications of a provider's pacts a query returns. Every scope returns the latest revision of each
/// consumer version's pact; the `latest…` scopes return only the newest consumer version per consumer.
public enum PublicationScope: Sendable, Hashable {
    /// The newest consumer version of each consumer.
    case latest
    /// The newest consumer version on the branch.
    case latestForBranch(String)
    /// The newest consumer version on each consumer's main branch.
    case latestForMainBranch
    /// The newest consumer version with the tag.
    case latestForTag(String)
    /// Every consumer version with the tag.
    case allForTag(String)
    /// The given consumer versions.
    case consumerVersions([RowID])
}

/// Which successful verifications of a pact content count, for pending status.
public enum VerificationFilter: Sendable, Hashable {
    /// Any provider version.
    case any
    /// A provider version on the branch.
    case onBranch(String)
    /// A provider version on some branch other than this one, verified before `before` (nil: any time).
    case onOtherBranch(than: String, before: Date?)
    /// A provider version with the tag.
    case withTag(String)
}

/// The queries and changes of one transaction.
public protocol BrokerStoreTransaction:
    BrokerWebhookQueries,
    BrokerLabelQueries,
    BrokerCleanQueries,
    BrokerWebhookStatusQueries,
    BrokerSelectionQueries,
    BrokerOverviewQueries,
    BrokerPublishQueries,
    BrokerProviderContractQueries,
    Sendable
{
    // MARK: Pacticipants
    func pacticipant(named name: String) async throws -> PacticipantRecord?
    func pacticipant(id: RowID) async throws -> PacticipantRecord?
    func pacticipants() async throws -> [PacticipantRecord]
    func insertPacticipant(name: String, displayName: String?, mainBranch: String?, repositoryURL: String?, at: Date) async throws -> PacticipantRecord
    func updatePacticipant(_ pacticipant: PacticipantRecord) async throws
    func deletePacticipant(id: RowID) async throws

    // MARK: Versions
    func version(pacticipantID: RowID, number: String) async throws -> VersionRecord?
    func version(id: RowID) async throws -> VersionRecord?
    func insertVersion(pacticipantID: RowID, number: String, buildURL: String?, at: Date) async throws -> VersionRecord
    func updateVersion(_ version: VersionRecord) async throws
    /// Deletes the version with its tags, branch memberships, pact publications, the verifications it made as a
    /// provider and its deployments and releases.
    func deleteVersion(id: RowID) async throws
    /// The newest version of the pacticipant, optionally only those with `tag` or on `branch`.
    func latestVersion(pacticipantID: RowID, tag: String?, branch: String?) async throws -> VersionRecord?
    /// Versions, newest first.
    func versions(pacticipantID: RowID, limit: Int) async throws -> [VersionRecord]

    // MARK: Branches and tags
    func branch(pacticipantID: RowID, name: String) async throws -> BranchRecord?
    func branches(pacticipantID: RowID) async throws -> [BranchRecord]
    func insertBranch(pacticipantID: RowID, name: String, at: Date) async throws -> BranchRecord
    func deleteBranch(id: RowID) async throws
    /// Adds the version to the branch; false when it was already on it.
    func addToBranch(branchID: RowID, versionID: RowID, at: Date) async throws -> Bool
    func branchNames(versionID: RowID) async throws -> [String]
    func tagNames(versionID: RowID) async throws -> [String]
    /// The distinct tag names of a pacticipant's versions.
    func tagNames(pacticipantID: RowID) async throws -> [String]
    /// Tags the version; false when it already had the tag.
    func insertTag(versionID: RowID, name: String, at: Date) async throws -> Bool
    func deleteTag(versionID: RowID, name: String) async throws -> Bool

    // MARK: Pacts
    func pactContent(sha: String, consumerID: RowID, providerID: RowID) async throws -> PactContentRecord?
    func pactContent(id: RowID) async throws -> PactContentRecord?
    func insertPactContent(sha: String, consumerID: RowID, providerID: RowID, content: String, at: Date) async throws -> PactContentRecord
    /// Adds a revision of the consumer version's pact with the provider.
    func insertPublication(consumerVersionID: RowID, providerID: RowID, pactContentID: RowID, at: Date) async throws -> PublicationRecord
    func publications(providerID: RowID, consumerID: RowID?, scope: PublicationScope) async throws -> [PublicationView]
    /// The latest revision of each pact the consumer version published (one per provider).
    func publications(consumerVersionID: RowID) async throws -> [PublicationView]
    /// The newest publication of each integration.
    func latestPublicationsOfEveryIntegration() async throws -> [PublicationView]
    /// The latest publications (one per consumer version) whose content is this pact content.
    func publications(pactContentID: RowID) async throws -> [PublicationView]
    /// The consumers that have published pacts with the provider.
    func consumerIDs(providerID: RowID) async throws -> [RowID]
    /// Deletes the pact contents no publication and no verification refers to; returns how many.
    func deleteOrphanPactContents() async throws -> Int

    // MARK: Verifications
    func insertVerification(pactContentID: RowID, providerVersionID: RowID, success: Bool, buildURL: String?, details: String, at: Date) async throws -> VerificationRecord
    /// The verifications of the pact content, oldest first.
    func verifications(pactContentID: RowID) async throws -> [VerificationRecord]
    func verification(id: RowID) async throws -> VerificationRecord?
    /// The verifications of the pact content by one of the provider versions, oldest first.
    func verifications(pactContentID: RowID, providerVersionIDs: [RowID]) async throws -> [VerificationRecord]
    /// Whether the pact content has a successful verification that `filter` admits.
    func hasSuccessfulVerification(pactContentID: RowID, _ filter: VerificationFilter) async throws -> Bool

    // MARK: Environments and deployments
    func environments() async throws -> [EnvironmentRecord]
    func environment(uuid: String) async throws -> EnvironmentRecord?
    func environment(named name: String) async throws -> EnvironmentRecord?
    func environment(id: RowID) async throws -> EnvironmentRecord?
    func insertEnvironment(_ environment: EnvironmentRecord) async throws -> EnvironmentRecord
    func updateEnvironment(_ environment: EnvironmentRecord) async throws
    func deleteEnvironment(id: RowID) async throws
    func insertDeployedVersion(_ deployed: DeployedVersionRecord) async throws -> DeployedVersionRecord
    func updateDeployedVersion(_ deployed: DeployedVersionRecord) async throws
    func deployedVersion(uuid: String) async throws -> DeployedVersionRecord?
    /// Versions currently deployed (not undeployed), optionally in one environment and of one pacticipant.
    func currentlyDeployed(environmentID: RowID?, pacticipantID: RowID?) async throws -> [DeployedVersionRecord]
    func insertReleasedVersion(_ released: ReleasedVersionRecord) async throws -> ReleasedVersionRecord
    func updateReleasedVersion(_ released: ReleasedVersionRecord) async throws
    func releasedVersion(uuid: String) async throws -> ReleasedVersionRecord?
    /// The release of the version in the environment, supported or not.
    func releasedVersion(versionID: RowID, environmentID: RowID) async throws -> ReleasedVersionRecord?
    /// Released versions whose support has not ended, optionally in one environment and of one pacticipant.
    func currentlySupported(environmentID: RowID?, pacticipantID: RowID?) async throws -> [ReleasedVersionRecord]
}
