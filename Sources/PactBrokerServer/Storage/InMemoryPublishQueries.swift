import Foundation

/// The write paths' queries in memory (see `BrokerPublishQueries`), from the store's other queries.
extension InMemoryBrokerTransaction {
    func ensurePactContent(sha: String, consumerID: RowID, providerID: RowID, content: String, at: Date) -> PactContentRecord {
        pactContent(sha: sha, consumerID: consumerID, providerID: providerID)
            ?? insertPactContent(sha: sha, consumerID: consumerID, providerID: providerID, content: content, at: at)
    }

    func hasVerifications(consumerID: RowID, providerID: RowID) -> Bool {
        tables.withLockedValue { t in t.verifications.values.contains { $0.consumerID == consumerID && $0.providerID == providerID } }
    }

    func latestPublication(pactContentID: RowID) -> PublicationView? {
        publications(pactContentID: pactContentID).last
    }
}
