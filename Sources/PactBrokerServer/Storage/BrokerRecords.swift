import Foundation

/// A stored row id.
public typealias RowID = Int64

/// An application that takes part in contracts (a consumer, a provider or both).
public struct PacticipantRecord: Sendable, Hashable {
    public var id: RowID
    public var name: String
    public var displayName: String?
    public var mainBranch: String?
    public var repositoryURL: String?
    public var createdAt: Date
    public var updatedAt: Date
}

/// One version of a pacticipant. `order` increases with creation, across the whole broker.
public struct VersionRecord: Sendable, Hashable {
    public var id: RowID
    public var pacticipantID: RowID
    public var number: String
    public var order: Int64
    public var buildURL: String?
    public var createdAt: Date
}

/// A pacticipant's branch.
public struct BranchRecord: Sendable, Hashable {
    public var id: RowID
    public var pacticipantID: RowID
    public var name: String
    public var createdAt: Date
}

/// A pact's content, stored once per distinct content (`sha` of its canonical JSON) and integration.
public struct PactContentRecord: Sendable, Hashable {
    public var id: RowID
    public var sha: String
    public var consumerID: RowID
    public var providerID: RowID
    public var content: String
    public var createdAt: Date
}

/// One publication of a pact for a consumer version and provider. A later publication for the same pair is a new
/// revision; the latest revision is the pact of that consumer version.
public struct PublicationRecord: Sendable, Hashable {
    public var id: RowID
    public var consumerID: RowID
    public var providerID: RowID
    public var consumerVersionID: RowID
    public var pactContentID: RowID
    public var revision: Int
    public var createdAt: Date
}

/// A publication joined with what the API shows of it.
public struct PublicationView: Sendable, Hashable {
    public var publication: PublicationRecord
    public var consumer: PacticipantRecord
    public var provider: PacticipantRecord
    public var consumerVersion: VersionRecord
    public var content: PactContentRecord
}

/// The result of verifying one pact content by one provider version.
public struct VerificationRecord: Sendable, Hashable {
    public var id: RowID
    /// Counts the verifications of the same pact content, from 1.
    public var number: Int
    public var pactContentID: RowID
    public var consumerID: RowID
    public var providerID: RowID
    public var providerVersionID: RowID
    public var success: Bool
    public var buildURL: String?
    /// The request body as published (testResults, verifiedBy, …), compact JSON.
    public var details: String
    public var createdAt: Date
}

/// A deployment environment.
public struct EnvironmentRecord: Sendable, Hashable {
    public var id: RowID
    public var uuid: String
    public var name: String
    public var displayName: String?
    public var production: Bool
    /// The contacts as published, compact JSON (an array), or nil.
    public var contacts: String?
    public var createdAt: Date
    public var updatedAt: Date
}

/// A version deployed to an environment (and, once `undeployedAt` is set, no longer).
public struct DeployedVersionRecord: Sendable, Hashable {
    public var id: RowID
    public var uuid: String
    public var versionID: RowID
    public var pacticipantID: RowID
    public var environmentID: RowID
    public var applicationInstance: String?
    public var createdAt: Date
    public var undeployedAt: Date?
}

/// A version released to an environment (supported until `supportEndedAt`).
public struct ReleasedVersionRecord: Sendable, Hashable {
    public var id: RowID
    public var uuid: String
    public var versionID: RowID
    public var pacticipantID: RowID
    public var environmentID: RowID
    public var createdAt: Date
    public var supportEndedAt: Date?
}
