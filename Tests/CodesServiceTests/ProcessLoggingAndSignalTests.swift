import Foundation
import XCTest

/// The `codes-service` executable's logging options and its SIGINT/SIGTERM handling.
final class ProcessLoggingAndSignalTests: XCTestCase {
    private let memory = ["--port", "0", "--db", ":memory:"]

    func testRequestLinesAreJSONObjectsOfTheHTTPLoggerWithLogFormatJSON() async throws {
        let service = try CodesServiceProcess(memory + ["--log-format", "json"])
        let client = HTTPClient(baseURL: try await service.url())
        _ = try await client.send("GET", "/healthcheck")
        expectEqual(try await service.stop(signal: SIGINT), 0)
        let objects = try service.stderr.split(separator: "\n").map { line in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
        }
        let request = try XCTUnwrap(objects.first { ($0["message"] as? String)?.contains("/healthcheck") == true },
                                    service.stderr)
        XCTAssertEqual(request["label"] as? String, "codes-service.http")
        XCTAssertEqual(request["level"] as? String, "info")
        XCTAssertTrue(objects.contains { $0["message"] as? String == "received SIGINT, stopping" && $0["label"] as? String == "codes-service" },
                      service.stderr)
    }

    func testLOG_LEVELWarningLeavesOutRequestLinesAndTheTextFormatIsPlain() async throws {
        let quiet = try CodesServiceProcess(memory, environment: ["LOG_LEVEL": "warning"])
        _ = try await HTTPClient(baseURL: try await quiet.url()).send("GET", "/healthcheck")
        expectEqual(try await quiet.stop(), 0)
        XCTAssertEqual(quiet.stderr, "")

        let plain = try CodesServiceProcess(memory)
        _ = try await HTTPClient(baseURL: try await plain.url()).send("GET", "/healthcheck")
        expectEqual(try await plain.stop(), 0)
        let lines = plain.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, plain.stderr)
        XCTAssertTrue(lines.first?.contains("GET /healthcheck") == true, plain.stderr)
        XCTAssertEqual(Array(lines.dropFirst()), ["received SIGTERM, stopping", "stopped"])
    }

    func testASignalStopsEachOfManyFreshProcessesUnderLoad() async throws {
        for round in 0..<12 {
            let signal = round.isMultiple(of: 2) ? SIGTERM : SIGINT
            let service = try CodesServiceProcess(memory + ["--log-level", "warning"])
            let client = HTTPClient(baseURL: try await service.url())
            let pid = service.process.processIdentifier
            // The load ends with the process (its requests then fail at once), never by cancellation: cancelling a
            // URLSession request as it completes can deadlock swift-corelibs-foundation, which hung this suite.
            let status = try await withThrowingTaskGroup(of: Void.self) { load in
                for _ in 0..<4 {
                    load.addTask {
                        while kill(pid, 0) == 0 { _ = try? await client.send("GET", "/healthcheck") }
                    }
                }
                try await Task.sleep(for: .milliseconds(150))
                let status = try await service.stop(signal: signal, timeout: 15)
                try await load.waitForAll()
                return status
            }
            XCTAssertEqual(status, 0, "round \(round): \(service.stderr)")
        }
    }
}
