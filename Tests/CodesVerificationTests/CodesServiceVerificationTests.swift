import CodesService
import Foundation
import PactModel
import PactVerifier
import XCTest

/// The codes service honours every contract in `pacts/`: it runs in process on port 0 and the verifier replays each
/// interaction, with provider states set up and torn down by in-process handlers.
final class CodesServiceVerificationTests: XCTestCase {
    private var pactsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("pacts")
    }

    /// pacts/ also holds PactKit's own contract with the Pact Broker (provider `Pact Broker`), which is not the codes
    /// service's to honour: the provider name skips it.
    static let provider = "data-lpa-codes"

    func testEveryCommittedPactIsHonoured() async throws {
        let service = try await CodesServiceApp.start(configuration: CodesServiceConfiguration(port: 0))
        let verifier = try Verifier(configuration: VerifierConfiguration(
            providerBaseURL: service.url, stateHandler: CodesStateHandler(states: service.providerStates),
            providerName: Self.provider))
        let report = await verifier.verify([.directory(pactsDirectory)])
        try await service.shutdown()

        let console = report.renderConsole(colour: false)
        XCTAssertEqual(report.exitCode, 0, console)
        let consumers = Set(report.pacts.map(\.consumer))
        XCTAssertEqual(consumers, ["use-an-lpa", "sirius"], console)
        XCTAssertEqual(report.skippedPacts.map(\.provider), ["Pact Broker"], console)
        let results = report.pacts.flatMap(\.interactions)
        XCTAssertGreaterThanOrEqual(results.count, 30, "every interaction of both pacts is verified")
        for result in results {
            XCTAssertEqual(result.status, .passed, "\(result.description): \(console)")
        }
    }

    func testABrokenStateHandlerFailsTheInteractionWithItsReason() async throws {
        let service = try await CodesServiceApp.start(configuration: CodesServiceConfiguration(port: 0))
        let verifier = try Verifier(configuration: VerifierConfiguration(
            providerBaseURL: service.url,
            stateHandler: ClosureStateHandler(setup: { state in
                if state.name.isEmpty { return [:] }
                throw CodesStateHandler.Failure(reason: "no fixtures for '\(state.name)'")
            }, teardown: { _ in }), providerName: Self.provider))
        let report = await verifier.verify([.directory(pactsDirectory)])
        try await service.shutdown()

        XCTAssertNotEqual(report.exitCode, 0)
        let failed = report.pacts.flatMap(\.interactions).filter { $0.status != .passed }
        XCTAssertFalse(failed.isEmpty)
        XCTAssertTrue(report.renderConsole(colour: false).contains("no fixtures for"), "the state error is reported")
    }
}

/// Provider states for the verifier, set up through the service's own state catalogue without HTTP.
struct CodesStateHandler: ProviderStateHandler {
    struct Failure: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    let states: ProviderStates

    func setup(_ state: ProviderState) async throws -> [String: JSONValue] {
        let values = try await states.setup(state: state.name, params: Self.strings(state.params))
        return values.mapValues { .string($0) }
    }

    func teardown(_ state: ProviderState) async throws {
        try await states.teardown(state: state.name, params: Self.strings(state.params))
    }

    private static func strings(_ params: [String: JSONValue]) -> [String: String] {
        params.mapValues { $0.stringValue ?? JSONWriter.compact($0) }
    }
}
