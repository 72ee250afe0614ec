import CodesService
import Foundation
import XCTest

/// Closes `store` and checks that it then refuses to answer with `CodeStoreError.closed`.
func expectClosedAfterClose(_ store: any CodeStore, file: StaticString = #filePath, line: UInt = #line) async {
    await store.close()
    do {
        _ = try await store.read { try await $0.activationCode("BBBBBBBBBBBB") }
        XCTFail("a closed store answered", file: file, line: line)
    } catch let error as CodeStoreError {
        XCTAssertEqual(error, .closed, file: file, line: line)
    } catch {
        XCTFail("a closed store threw \(error)", file: file, line: line)
    }
}

/// Always draws index 0, so every code is the same: for exhausting the ten attempts.
struct ConstantRandomSource: RandomSource {
    func nextIndex(below upperBound: Int) -> Int { 0 }
}

/// A store that fails the `failOnInsert`-th activation-code insert of each write transaction, to prove a batch
/// that fails half way writes nothing.
final class FailingCodeStore: CodeStore {
    struct InjectedFailure: Error, CustomStringConvertible {
        var description: String { "injected failure" }
    }

    let base: any CodeStore
    let failOnInsert: Int

    init(wrapping base: any CodeStore, failOnInsert: Int) {
        self.base = base
        self.failOnInsert = failOnInsert
    }

    func read<Value: Sendable>(
        _ body: @escaping @Sendable (any CodeStoreReader) async throws -> Value
    ) async throws -> Value {
        try await base.read(body)
    }

    func write<Value: Sendable>(
        _ body: @escaping @Sendable (any CodeStoreWriter) async throws -> Value
    ) async throws -> Value {
        let failOnInsert = failOnInsert
        return try await base.write { writer in
            try await body(FailingWriter(base: writer, failOnInsert: failOnInsert))
        }
    }

    func close() async { await base.close() }
}

/// Passes everything through but throws on the n-th activation-code insert.
private final class FailingWriter: CodeStoreWriter {
    let base: any CodeStoreWriter
    let failOnInsert: Int
    var inserts = 0

    init(base: any CodeStoreWriter, failOnInsert: Int) {
        self.base = base
        self.failOnInsert = failOnInsert
    }

    func activationCode(_ code: String) async throws -> ActivationCode? { try await base.activationCode(code) }
    func activationCodes(lpa: String, actor: String) async throws -> [ActivationCode] {
        try await base.activationCodes(lpa: lpa, actor: actor)
    }
    func paperCode(_ code: String) async throws -> PaperVerificationCode? { try await base.paperCode(code) }
    func paperCodes(lpa: String, actor: String) async throws -> [PaperVerificationCode] {
        try await base.paperCodes(lpa: lpa, actor: actor)
    }

    func insert(_ code: ActivationCode) async throws {
        inserts += 1
        if inserts == failOnInsert { throw FailingCodeStore.InjectedFailure() }
        try await base.insert(code)
    }

    func put(_ code: ActivationCode) async throws { try await base.put(code) }
    func deleteActivationCode(_ code: String) async throws { try await base.deleteActivationCode(code) }
    func deleteActivationCodes(lpa: String, actor: String) async throws {
        try await base.deleteActivationCodes(lpa: lpa, actor: actor)
    }
    func insert(_ code: PaperVerificationCode) async throws { try await base.insert(code) }
    func put(_ code: PaperVerificationCode) async throws { try await base.put(code) }
    func deletePaperCode(_ code: String) async throws { try await base.deletePaperCode(code) }
    func deleteAll() async throws { try await base.deleteAll() }
}
