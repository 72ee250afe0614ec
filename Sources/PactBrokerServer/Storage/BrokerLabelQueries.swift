import Foundation

/// A label on a pacticipant (pact_broker's `labels` table): webhooks select consumers and providers by label, and
/// `GET /pacticipants/label/{label}` lists the pacticipants carrying one.
public struct LabelRecord: Sendable, Hashable {
    public var pacticipantID: RowID
    public var name: String
    public var createdAt: Date
}

/// The labels table of a broker store. Part of every `BrokerStoreTransaction`.
public protocol BrokerLabelQueries: Sendable {
    /// The pacticipant's label named `name`, or nil.
    func label(pacticipantID: RowID, name: String) async throws -> LabelRecord?
    /// The pacticipant's labels, by name.
    func labels(pacticipantID: RowID) async throws -> [LabelRecord]
    /// Labels the pacticipant; throws `BrokerStoreError.duplicate` when it already has the label.
    func insertLabel(pacticipantID: RowID, name: String, at: Date) async throws -> LabelRecord
    /// Removes the label from the pacticipant; false when it had none.
    func deleteLabel(pacticipantID: RowID, name: String) async throws -> Bool
    /// The pacticipants carrying the label, by name.
    func pacticipants(label: String) async throws -> [PacticipantRecord]
    /// Every distinct label name, sorted.
    func labelNames() async throws -> [String]
}
