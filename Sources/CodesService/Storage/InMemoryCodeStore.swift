import SQLiteSupport
import NIOConcurrencyHelpers

/// A store in process memory, for tests: nothing survives the process. A read works on a copy of the tables taken
/// under the lock; a write, admitted one at a time by a `TransactionGate`, works on a copy that replaces the live
/// state only when the body succeeds, which gives the same all-or-nothing behaviour as SQLite.
public final class InMemoryCodeStore: CodeStore {
    struct Tables: Sendable {
        var activation: [String: (order: Int, record: ActivationCode)] = [:]
        var paper: [String: (order: Int, record: PaperVerificationCode)] = [:]
        var nextOrder = 0
        var isClosed = false
    }

    private let tables = NIOLockedValueBox(Tables())
    private let writes = TransactionGate()

    /// Creates an empty store.
    public init() {}

    /// Runs `body` on a snapshot of the tables; throws `CodeStoreError.closed` after `close()`.
    public func read<Value: Sendable>(
        _ body: @escaping @Sendable (any CodeStoreReader) async throws -> Value
    ) async throws -> Value {
        try await body(InMemoryTransaction(try snapshot()))
    }

    /// Runs `body` on a copy, one write at a time, and keeps the copy only if `body` returns.
    public func write<Value: Sendable>(
        _ body: @escaping @Sendable (any CodeStoreWriter) async throws -> Value
    ) async throws -> Value {
        try await writes.exclusively {
            let transaction = InMemoryTransaction(try snapshot())
            let result = try await body(transaction)
            let changed = transaction.tables
            tables.withLockedValue { $0 = changed }
            return result
        }
    }

    /// Marks the store closed once writes under way have finished; later reads and writes throw
    /// `CodeStoreError.closed`.
    public func close() async {
        _ = try? await writes.exclusively { tables.withLockedValue { $0.isClosed = true } }
    }

    private func snapshot() throws -> Tables {
        try tables.withLockedValue { tables in
            guard !tables.isClosed else { throw CodeStoreError.closed }
            return tables
        }
    }
}

/// A working copy of the tables for one transaction (used by one task at a time). Its synchronous methods satisfy
/// the store protocol's async requirements.
final class InMemoryTransaction: CodeStoreWriter {
    var tables: InMemoryCodeStore.Tables

    init(_ tables: InMemoryCodeStore.Tables) { self.tables = tables }

    func activationCode(_ code: String) throws -> ActivationCode? { tables.activation[code]?.record }

    func activationCodes(lpa: String, actor: String) throws -> [ActivationCode] {
        tables.activation.values.filter { $0.record.lpa == lpa && $0.record.actor == actor }
            .sorted { $0.order < $1.order }.map(\.record)
    }

    func paperCode(_ code: String) throws -> PaperVerificationCode? { tables.paper[code]?.record }

    func paperCodes(lpa: String, actor: String) throws -> [PaperVerificationCode] {
        tables.paper.values.filter { $0.record.lpa == lpa && $0.record.actor == actor }
            .sorted { $0.order < $1.order }.map(\.record)
    }

    func insert(_ code: ActivationCode) throws {
        guard tables.activation[code.code] == nil else { throw CodeStoreError.duplicateCode(code.code) }
        try put(code)
    }

    func put(_ code: ActivationCode) throws {
        let order = tables.activation[code.code]?.order ?? nextOrder()
        tables.activation[code.code] = (order, code)
    }

    func deleteActivationCode(_ code: String) throws { tables.activation[code] = nil }

    func deleteActivationCodes(lpa: String, actor: String) throws {
        tables.activation = tables.activation.filter { !($0.value.record.lpa == lpa && $0.value.record.actor == actor) }
    }

    func insert(_ code: PaperVerificationCode) throws {
        guard tables.paper[code.code] == nil else { throw CodeStoreError.duplicateCode(code.code) }
        try put(code)
    }

    func put(_ code: PaperVerificationCode) throws {
        let order = tables.paper[code.code]?.order ?? nextOrder()
        tables.paper[code.code] = (order, code)
    }

    func deletePaperCode(_ code: String) throws { tables.paper[code] = nil }

    func deleteAll() throws {
        tables.activation = [:]
        tables.paper = [:]
    }

    private func nextOrder() -> Int {
        tables.nextOrder += 1
        return tables.nextOrder
    }
}
