import Foundation

/// The provider contracts tables in memory (see `BrokerProviderContractQueries`).
extension InMemoryBrokerTransaction {
    func providerContract(providerVersionID: RowID) -> ProviderContractRecord? {
        tables.withLockedValue { $0.providerContracts[providerVersionID] }
    }

    func saveProviderContract(_ contract: ProviderContractRecord) throws -> ProviderContractRecord {
        try tables.withLockedValue { t in
            guard t.versions[contract.providerVersionID] != nil else {
                throw BrokerStoreError.failed("no version with id \(contract.providerVersionID)")
            }
            var saved = contract
            saved.id = t.providerContracts[contract.providerVersionID]?.id ?? t.newID()
            t.providerContracts[contract.providerVersionID] = saved
            return saved
        }
    }

    func providerContracts(providerVersionIDs: [RowID]) -> [ProviderContractRecord] {
        tables.withLockedValue { t in Set(providerVersionIDs).sorted().compactMap { t.providerContracts[$0] } }
    }

    func hasProviderContracts(providerID: RowID) -> Bool {
        tables.withLockedValue { t in t.providerContracts.values.contains { $0.providerID == providerID } }
    }

    func insertContractComparison(_ comparison: ContractComparisonRecord) throws {
        try tables.withLockedValue { t in
            guard t.verifications[comparison.verificationID] != nil else {
                throw BrokerStoreError.failed("no verification with id \(comparison.verificationID)")
            }
            t.contractComparisons[comparison.verificationID] = comparison
        }
    }

    func contractComparison(verificationID: RowID) -> ContractComparisonRecord? {
        tables.withLockedValue { $0.contractComparisons[verificationID] }
    }

    func contractComparisonIDs(verificationIDs: [RowID]) -> Set<RowID> {
        tables.withLockedValue { t in Set(verificationIDs.filter { t.contractComparisons[$0] != nil }) }
    }

    func contractComparisons(providerVersionID: RowID) -> [ContractComparisonRecord] {
        tables.withLockedValue { t in
            let mine = t.contractComparisons.values.filter { $0.providerVersionID == providerVersionID }
            let newest = Dictionary(grouping: mine, by: \.pactContentID).values.compactMap { $0.max { $0.verificationID < $1.verificationID } }
            return newest.sorted { $0.verificationID < $1.verificationID }
        }
    }

    func latestContractComparison(pactContentID: RowID, providerVersionID: RowID) -> ContractComparisonRecord? {
        tables.withLockedValue { t in
            t.contractComparisons.values.filter { $0.pactContentID == pactContentID && $0.providerVersionID == providerVersionID }
                .max { $0.verificationID < $1.verificationID }
        }
    }
}

extension InMemoryTables {
    /// Drops the contracts and comparisons whose version or verification was deleted (SQL's cascades).
    mutating func dropOrphanProviderContractRows() {
        providerContracts = providerContracts.filter { versions[$0.key] != nil }
        contractComparisons = contractComparisons.filter { verifications[$0.key] != nil }
    }
}
