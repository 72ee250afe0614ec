import Foundation
import SQLiteSupport

/// The provider contracts tables' queries as SQL (see `BrokerProviderContractQueries`).
extension SQLiteBrokerTransaction {
    static let providerContractColumns = """
        id, provider_id, provider_version_id, content, content_type, specification, self_verification_success,
        self_verification_content, self_verification_content_type, self_verification_format, verifier, verifier_version,
        build_url, created_at
        """
    static let contractComparisonColumns = "verification_id, pact_content_id, provider_version_id, results, created_at"

    func providerContract(providerVersionID: RowID) throws -> ProviderContractRecord? {
        try db.statement("SELECT \(Self.providerContractColumns) FROM provider_contracts WHERE provider_version_id = ?1")
            .query([.integer(providerVersionID)], row: Self.providerContract).first
    }

    func saveProviderContract(_ c: ProviderContractRecord) throws -> ProviderContractRecord {
        try db.statement("""
            INSERT INTO provider_contracts (provider_id, provider_version_id, content, content_type, specification,
                self_verification_success, self_verification_content, self_verification_content_type, self_verification_format,
                verifier, verifier_version, build_url, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            ON CONFLICT (provider_version_id) DO UPDATE SET content = excluded.content, content_type = excluded.content_type,
                specification = excluded.specification, self_verification_success = excluded.self_verification_success,
                self_verification_content = excluded.self_verification_content,
                self_verification_content_type = excluded.self_verification_content_type,
                self_verification_format = excluded.self_verification_format, verifier = excluded.verifier,
                verifier_version = excluded.verifier_version, build_url = excluded.build_url, created_at = excluded.created_at
            """).run([
                .integer(c.providerID), .integer(c.providerVersionID), .text(c.content), .text(c.contentType),
                .text(c.specification), .integer(c.selfVerificationSuccess ? 1 : 0), .optional(c.selfVerificationContent),
                .optional(c.selfVerificationContentType), .optional(c.selfVerificationFormat), .optional(c.verifier),
                .optional(c.verifierVersion), .optional(c.buildURL), .date(c.createdAt),
            ])
        guard let saved = try providerContract(providerVersionID: c.providerVersionID) else {
            throw BrokerStoreError.failed("the provider contract of version \(c.providerVersionID) was not stored")
        }
        return saved
    }

    func providerContracts(providerVersionIDs: [RowID]) throws -> [ProviderContractRecord] {
        let ids = Array(Set(providerVersionIDs)).sorted()
        guard !ids.isEmpty else { return [] }
        return try db.statement("""
            SELECT \(Self.providerContractColumns) FROM provider_contracts
            WHERE provider_version_id IN (SELECT value FROM json_each(?1)) ORDER BY provider_version_id
            """).query([.text(Self.idList(ids))], row: Self.providerContract)
    }

    func hasProviderContracts(providerID: RowID) throws -> Bool {
        try db.statement("SELECT EXISTS (SELECT 1 FROM provider_contracts WHERE provider_id = ?1)")
            .query([.integer(providerID)]) { $0.int64(0) != 0 }.first ?? false
    }

    func insertContractComparison(_ c: ContractComparisonRecord) throws {
        try db.statement("""
            INSERT INTO contract_comparisons (verification_id, pact_content_id, provider_version_id, results, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5)
            """).run([.integer(c.verificationID), .integer(c.pactContentID), .integer(c.providerVersionID), .text(c.results),
                      .date(c.createdAt)])
    }

    func contractComparison(verificationID: RowID) throws -> ContractComparisonRecord? {
        try db.statement("SELECT \(Self.contractComparisonColumns) FROM contract_comparisons WHERE verification_id = ?1")
            .query([.integer(verificationID)], row: Self.contractComparison).first
    }

    func contractComparisonIDs(verificationIDs: [RowID]) throws -> Set<RowID> {
        let ids = Array(Set(verificationIDs)).sorted()
        guard !ids.isEmpty else { return [] }
        return Set(try db.statement("""
            SELECT verification_id FROM contract_comparisons WHERE verification_id IN (SELECT value FROM json_each(?1))
            """).query([.text(Self.idList(ids))]) { $0.int64(0) })
    }

    func contractComparisons(providerVersionID: RowID) throws -> [ContractComparisonRecord] {
        try db.statement("""
            SELECT \(Self.contractComparisonColumns) FROM contract_comparisons c
            WHERE provider_version_id = ?1 AND verification_id = (SELECT MAX(verification_id) FROM contract_comparisons n
                WHERE n.pact_content_id = c.pact_content_id AND n.provider_version_id = c.provider_version_id)
            ORDER BY verification_id
            """).query([.integer(providerVersionID)], row: Self.contractComparison)
    }

    func latestContractComparison(pactContentID: RowID, providerVersionID: RowID) throws -> ContractComparisonRecord? {
        try db.statement("""
            SELECT \(Self.contractComparisonColumns) FROM contract_comparisons
            WHERE pact_content_id = ?1 AND provider_version_id = ?2 ORDER BY verification_id DESC LIMIT 1
            """).query([.integer(pactContentID), .integer(providerVersionID)], row: Self.contractComparison).first
    }

    private static func idList(_ ids: [RowID]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }

    private static func providerContract(_ row: SQLiteStatement) -> ProviderContractRecord {
        ProviderContractRecord(
            id: row.int64(0), providerID: row.int64(1), providerVersionID: row.int64(2), content: row.text(3),
            contentType: row.text(4), specification: row.text(5), selfVerificationSuccess: row.int64(6) != 0,
            selfVerificationContent: row.optionalText(7), selfVerificationContentType: row.optionalText(8),
            selfVerificationFormat: row.optionalText(9), verifier: row.optionalText(10), verifierVersion: row.optionalText(11),
            buildURL: row.optionalText(12), createdAt: row.date(13))
    }

    private static func contractComparison(_ row: SQLiteStatement) -> ContractComparisonRecord {
        ContractComparisonRecord(verificationID: row.int64(0), pactContentID: row.int64(1), providerVersionID: row.int64(2),
                                 results: row.text(3), createdAt: row.date(4))
    }
}
