import Foundation
import PostgresNIO

/// The provider contracts tables' queries in PostgreSQL's words (see `BrokerProviderContractQueries`; the same
/// statements as `SQLiteProviderContractQueries`).
extension PostgresBrokerTransaction {
    static let providerContractColumns = """
        id, provider_id, provider_version_id, content, content_type, specification, self_verification_success,
        self_verification_content, self_verification_content_type, self_verification_format, verifier, verifier_version,
        build_url, created_at
        """
    static let contractComparisonColumns = "verification_id, pact_content_id, provider_version_id, results, created_at"

    func providerContract(providerVersionID: RowID) async throws -> ProviderContractRecord? {
        try await rows("""
            SELECT \(unescaped: Self.providerContractColumns) FROM provider_contracts WHERE provider_version_id = \(providerVersionID)
            """, Self.providerContract).first
    }

    func saveProviderContract(_ c: ProviderContractRecord) async throws -> ProviderContractRecord {
        let saved = try await rows("""
            INSERT INTO provider_contracts (provider_id, provider_version_id, content, content_type, specification,
                self_verification_success, self_verification_content, self_verification_content_type, self_verification_format,
                verifier, verifier_version, build_url, created_at)
            VALUES (\(c.providerID), \(c.providerVersionID), \(c.content), \(c.contentType), \(c.specification),
                \(Int32(c.selfVerificationSuccess ? 1 : 0)), \(c.selfVerificationContent), \(c.selfVerificationContentType),
                \(c.selfVerificationFormat), \(c.verifier), \(c.verifierVersion), \(c.buildURL), \(c.createdAt.timeIntervalSince1970))
            ON CONFLICT (provider_version_id) DO UPDATE SET content = excluded.content, content_type = excluded.content_type,
                specification = excluded.specification, self_verification_success = excluded.self_verification_success,
                self_verification_content = excluded.self_verification_content,
                self_verification_content_type = excluded.self_verification_content_type,
                self_verification_format = excluded.self_verification_format, verifier = excluded.verifier,
                verifier_version = excluded.verifier_version, build_url = excluded.build_url, created_at = excluded.created_at
            RETURNING id
            """) { try $0.next(Int64.self) }
        guard let id = saved.first else {
            throw BrokerStoreError.failed("the provider contract of version \(c.providerVersionID) was not stored")
        }
        var record = c
        record.id = id
        return record
    }

    func providerContracts(providerVersionIDs: [RowID]) async throws -> [ProviderContractRecord] {
        let ids = Array(Set(providerVersionIDs)).sorted()
        guard !ids.isEmpty else { return [] }
        return try await rows("""
            SELECT \(unescaped: Self.providerContractColumns) FROM provider_contracts
            WHERE provider_version_id = ANY(\(ids)::bigint[]) ORDER BY provider_version_id
            """, Self.providerContract)
    }

    func hasProviderContracts(providerID: RowID) async throws -> Bool {
        try await count("SELECT 1 FROM provider_contracts WHERE provider_id = \(providerID) LIMIT 1") > 0
    }

    func insertContractComparison(_ c: ContractComparisonRecord) async throws {
        _ = try await run("""
            INSERT INTO contract_comparisons (verification_id, pact_content_id, provider_version_id, results, created_at)
            VALUES (\(c.verificationID), \(c.pactContentID), \(c.providerVersionID), \(c.results), \(c.createdAt.timeIntervalSince1970))
            """)
    }

    func contractComparison(verificationID: RowID) async throws -> ContractComparisonRecord? {
        try await rows("""
            SELECT \(unescaped: Self.contractComparisonColumns) FROM contract_comparisons WHERE verification_id = \(verificationID)
            """, Self.contractComparison).first
    }

    func contractComparisonIDs(verificationIDs: [RowID]) async throws -> Set<RowID> {
        let ids = Array(Set(verificationIDs)).sorted()
        guard !ids.isEmpty else { return [] }
        return Set(try await rows("""
            SELECT verification_id FROM contract_comparisons WHERE verification_id = ANY(\(ids)::bigint[])
            """) { try $0.next(Int64.self) })
    }

    func contractComparisons(providerVersionID: RowID) async throws -> [ContractComparisonRecord] {
        try await rows("""
            SELECT \(unescaped: Self.contractComparisonColumns) FROM contract_comparisons c
            WHERE provider_version_id = \(providerVersionID) AND verification_id = (SELECT MAX(verification_id)
                FROM contract_comparisons n WHERE n.pact_content_id = c.pact_content_id AND n.provider_version_id = c.provider_version_id)
            ORDER BY verification_id
            """, Self.contractComparison)
    }

    func latestContractComparison(pactContentID: RowID, providerVersionID: RowID) async throws -> ContractComparisonRecord? {
        try await rows("""
            SELECT \(unescaped: Self.contractComparisonColumns) FROM contract_comparisons
            WHERE pact_content_id = \(pactContentID) AND provider_version_id = \(providerVersionID)
            ORDER BY verification_id DESC LIMIT 1
            """, Self.contractComparison).first
    }

    private static func providerContract(_ c: inout PostgresColumns) throws -> ProviderContractRecord {
        ProviderContractRecord(
            id: try c.next(), providerID: try c.next(), providerVersionID: try c.next(), content: try c.next(),
            contentType: try c.next(), specification: try c.next(), selfVerificationSuccess: try c.next(Int32.self) != 0,
            selfVerificationContent: try c.next(), selfVerificationContentType: try c.next(),
            selfVerificationFormat: try c.next(), verifier: try c.next(), verifierVersion: try c.next(),
            buildURL: try c.next(), createdAt: try c.date())
    }

    private static func contractComparison(_ c: inout PostgresColumns) throws -> ContractComparisonRecord {
        ContractComparisonRecord(verificationID: try c.next(), pactContentID: try c.next(), providerVersionID: try c.next(),
                                 results: try c.next(), createdAt: try c.date())
    }
}
