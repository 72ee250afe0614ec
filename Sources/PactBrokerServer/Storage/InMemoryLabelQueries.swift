import Foundation

/// The labels table in memory (see `BrokerLabelQueries`).
extension InMemoryBrokerTransaction {
    func label(pacticipantID: RowID, name: String) -> LabelRecord? {
        tables.withLockedValue { t in t.labels.first { $0.pacticipantID == pacticipantID && $0.name == name } }
    }

    func labels(pacticipantID: RowID) -> [LabelRecord] {
        tables.withLockedValue { t in t.labels.filter { $0.pacticipantID == pacticipantID }.sorted { $0.name < $1.name } }
    }

    func insertLabel(pacticipantID: RowID, name: String, at: Date) throws -> LabelRecord {
        try tables.withLockedValue { t in
            guard t.pacticipants[pacticipantID] != nil else { throw BrokerStoreError.failed("no pacticipant with id \(pacticipantID)") }
            if t.labels.contains(where: { $0.pacticipantID == pacticipantID && $0.name == name }) {
                throw BrokerStoreError.duplicate("label \(name)")
            }
            let record = LabelRecord(pacticipantID: pacticipantID, name: name, createdAt: at)
            t.labels.append(record)
            return record
        }
    }

    func deleteLabel(pacticipantID: RowID, name: String) -> Bool {
        tables.withLockedValue { t in
            let before = t.labels.count
            t.labels.removeAll { $0.pacticipantID == pacticipantID && $0.name == name }
            return t.labels.count < before
        }
    }

    func pacticipants(label: String) -> [PacticipantRecord] {
        tables.withLockedValue { t in
            t.labels.filter { $0.name == label }.compactMap { t.pacticipants[$0.pacticipantID] }.sorted { $0.name < $1.name }
        }
    }

    func labelNames() -> [String] {
        tables.withLockedValue { t in Set(t.labels.map(\.name)).sorted() }
    }
}
