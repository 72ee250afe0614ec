import CodesService
import Foundation
import XCTest

/// A codes service on a free loopback port with a fixed clock and a seeded random source, plus a client for it.
struct TestService: Sendable {
    /// 2025-11-11T10:00:00Z, a Tuesday.
    static let start = Date(timeIntervalSince1970: 1_762_855_200)

    let service: RunningCodesService
    let clock: ManualClock
    let client: HTTPClient

    static func start(
        storage: CodesServiceConfiguration.Storage = .inMemory, providerStates: Bool = false, authToken: String? = nil,
        maxBodyBytes: Int = 1 << 20, random: any RandomSource = SeededRandomSource(seed: 42),
        clock: ManualClock = ManualClock(TestService.start)
    ) async throws -> TestService {
        let service = try await CodesServiceApp.start(configuration: CodesServiceConfiguration(
            storage: storage, providerStatesEnabled: providerStates, authToken: authToken, maxBodyBytes: maxBodyBytes,
            clock: clock, random: random))
        return TestService(service: service, clock: clock, client: HTTPClient(baseURL: service.url))
    }

    func post(_ path: String, _ body: String, headers: [String: String] = [:]) async throws -> TestResponse {
        try await client.post(path, body, headers: headers)
    }

    /// Sets up provider state in-process.
    @discardableResult
    func given(_ state: String, _ params: [String: String] = [:]) async throws -> [String: String] {
        try await service.providerStates.setup(state: state, params: params)
    }

    /// Creates one activation code and returns it.
    func createCode(lpa: String = "700000000001", actor: String = "700000000002", dob: String = "1960-06-05") async throws -> String {
        let response = try await post("/v1/create", #"{"lpas":[{"lpa":"\#(lpa)","actor":"\#(actor)","dob":"\#(dob)"}]}"#)
        let codes = (response.json as? [String: Any])?["codes"] as? [[String: Any]]
        guard response.status == 200, let code = codes?.first?["code"] as? String else {
            throw TestFailure("create failed: \(response.status) \(response.text)")
        }
        return code
    }

    /// The details of a code as /v1/code returns them (nil on 404).
    func details(_ code: String) async throws -> [String: Any]? {
        let response = try await post("/v1/code", #"{"code":"\#(code)"}"#)
        if response.status == 404 { return nil }
        guard response.status == 200, let items = response.json as? [[String: Any]], items.count == 1 else {
            throw TestFailure("code details failed: \(response.status) \(response.text)")
        }
        return items[0]
    }

    func stop() async throws { try await service.shutdown() }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body` against a fresh service and always shuts it down.
func withService(
    storage: CodesServiceConfiguration.Storage = .inMemory, providerStates: Bool = false, authToken: String? = nil,
    maxBodyBytes: Int = 1 << 20, random: any RandomSource = SeededRandomSource(seed: 42),
    _ body: (TestService) async throws -> Void
) async throws {
    let service = try await TestService.start(
        storage: storage, providerStates: providerStates, authToken: authToken, maxBodyBytes: maxBodyBytes, random: random)
    // A PostgreSQL store's pool works while it runs: here in a child task, cancelled once the service has stopped.
    try await withThrowingTaskGroup(of: Void.self) { group in
        if case .postgres = storage, let pool = service.service.store as? PostgresCodeStore {
            group.addTask { await pool.run() }
        }
        do {
            try await body(service)
        } catch {
            try? await service.stop()
            group.cancelAll()
            throw error
        }
        try await service.stop()
        group.cancelAll()
    }
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("codes-service-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The package's Fixtures folder, found from this file's path.
func fixturesDirectory() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // CodesServiceTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Fixtures")
}

/// Whether `text` wholly matches the regular expression `pattern`.
func matches(_ text: String, _ pattern: String) -> Bool {
    text.range(of: "^(?:\(pattern))$", options: .regularExpression) != nil
}
