import Foundation
import TestSupport
import XCTest

/// SIGINT and SIGTERM stop `pactkit mock` every time, whichever thread is busy: fresh processes under load.
final class MockSignalTests: XCTestCase {
    private let pact = ["--file", "Fixtures/codes-service/sirius-data-lpa-codes.json"]

    func testEveryThreadLeavesTheSignalsToTheSignalSource() async throws {
        let mock = try MockCLIProcess(pact)
        let url = try mock.url()
        for _ in 0..<20 { _ = try await TestHTTP.send("GET", url, "/__pactkit/health") }
        ProcessSignals.expectEveryThreadBlocksTermination(mock.process.processIdentifier)
        XCTAssertEqual(mock.stop(signal: SIGINT), 0)
    }

    func testASignalStopsEachOfManyFreshProcessesUnderLoad() async throws {
        for round in 0..<10 {
            let signal = round.isMultiple(of: 2) ? SIGINT : SIGTERM
            let mock = try MockCLIProcess(pact)
            let url = try mock.url()
            let pid = mock.process.processIdentifier
            // Keep the event loops busy while the signal arrives. The load ends with the process, never by
            // cancellation: cancelling a URLSession request as it completes can deadlock swift-corelibs-foundation.
            let stillRunning = try await withThrowingTaskGroup(of: Void.self) { load in
                for _ in 0..<2 {
                    load.addTask {
                        while kill(pid, 0) == 0 {
                            _ = try? await TestHTTP.send("GET", url, "/__pactkit/health")
                        }
                    }
                }
                try await Task.sleep(for: .milliseconds(150))
                kill(pid, signal)
                let deadline = ContinuousClock.now + .seconds(15)
                while mock.process.isRunning, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(20))
                }
                let stillRunning = mock.process.isRunning
                if stillRunning { kill(pid, SIGKILL) }
                try await load.waitForAll()
                return stillRunning
            }
            XCTAssertFalse(stillRunning, "round \(round): still running 15 s after \(signal)")
            XCTAssertEqual(mock.stop(signal: SIGKILL), 0, "round \(round): \(mock.stderr)")
            let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
            XCTAssertTrue(mock.stderr.contains("received \(name), stopping\n"), "round \(round): \(mock.stderr)")
            XCTAssertTrue(mock.stderr.hasSuffix("stopped\n"), "round \(round): \(mock.stderr)")
        }
    }
}
