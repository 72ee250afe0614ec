import Foundation
import HTTPServerCore
import PactModel
import PactVerifier
import XCTest

/// Provider states over a state change URL and in process.
final class ProviderStateTests: XCTestCase {
    private let statefulPact = Pacts.get("a code", path: "/codes/1",
                                         states: #"[{"name": "a code exists", "params": {"id": 1}}, {"name": "the actor is active"}]"#)

    /// A provider whose state change endpoint is `/_state` and whose other endpoints answer `{"ok": true}`.
    private func provider(stateStatus: Int = 200, stateBody: String = "{}") async throws -> TestProvider {
        try await TestProvider.start { request in
            request.path == "/_state" ? .json(stateBody, status: stateStatus) : .json(#"{"ok": true}"#)
        }
    }

    func testStateChangeURLGetsSetupAndTeardownCallsAroundTheRequest() async throws {
        let provider = try await provider()
        let verifier = try Verifier.against(provider.url) { configuration in
            configuration.stateChangeURL = provider.url.appendingPathComponent("_state")
            configuration.stateChangeTeardown = true
        }
        let report = await verifier.verify(pacts: [try Pacts.v4(statefulPact, Pacts.get("stateless", path: "/ping"))])
        await provider.stop()
        XCTAssertEqual(report.exitCode, 0, report.renderConsole(colour: false))
        let calls = provider.requests.map { request -> String in
            guard request.path == "/_state" else { return request.path }
            let body = (try? JSONParser.parse(request.body)) ?? .null
            return "\(body["action"]?.stringValue ?? "?"):\(body["state"]?.stringValue ?? "?"):\(body["params"].map { JSONWriter.compact($0) } ?? "?")"
        }
        XCTAssertEqual(calls, [
            "setup:a code exists:{\"id\":1}", "setup:the actor is active:{}", "/codes/1",
            "teardown:the actor is active:{}", "teardown:a code exists:{\"id\":1}",
            // The stateless interaction gets the empty state, as PACT-SPEC §8 says.
            "setup::{}", "/ping", "teardown::{}",
        ])
        XCTAssertEqual(provider.requests.first?.header("Content-Type"), "application/json")
        XCTAssertEqual(provider.requests.first?.method, "POST")
    }

    func testNoTeardownCallsUnlessAsked() async throws {
        let provider = try await provider()
        let verifier = try Verifier.against(provider.url) { $0.stateChangeURL = provider.url.appendingPathComponent("_state") }
        _ = await verifier.verify(pacts: [try Pacts.v4(statefulPact)])
        await provider.stop()
        let actions = provider.requests.filter { $0.path == "/_state" }.compactMap { try? JSONParser.parse($0.body)["action"] }
        XCTAssertEqual(actions, ["setup", "setup"])
    }

    func testAStateHookAnswering500FailsTheInteractionWithTheProvidersAnswer() async throws {
        let provider = try await provider(stateStatus: 500, stateBody: #"{"error": "database is locked"}"#)
        let verifier = try Verifier.against(provider.url) { $0.stateChangeURL = provider.url.appendingPathComponent("_state") }
        let report = await verifier.verify(pacts: [try Pacts.v4(statefulPact)])
        await provider.stop()
        let result = try report.single()
        XCTAssertEqual(result.status, .error)
        let error = try XCTUnwrap(result.errors.first)
        XCTAssertEqual(error.kind, .stateSetup)
        XCTAssertEqual(error.status, 500)
        XCTAssertEqual(error.body, #"{"error": "database is locked"}"#)
        XCTAssertTrue(error.message.contains("'a code exists'"), error.message)
        XCTAssertTrue(error.message.contains("answered 500"), error.message)
        XCTAssertTrue(error.message.contains("database is locked"), error.message)
        // The request was not sent and nothing was torn down.
        XCTAssertEqual(provider.requests.map(\.path), ["/_state"])
        // Setup failed for every interaction: the run is an error, not a failed verification.
        XCTAssertEqual(report.exitCode, 2)
        XCTAssertTrue(report.renderConsole(colour: false).contains("database is locked"))
    }

    func testAFailedSetupForOneInteractionOfSeveralIsAFailedVerification() async throws {
        let provider = try await TestProvider.start { request in
            guard request.path == "/_state" else { return .json(#"{"ok": true}"#) }
            let state = (try? JSONParser.parse(request.body))?["state"]?.stringValue
            return state == "a code exists" ? .json("no such fixture", status: 400) : .json("{}")
        }
        let verifier = try Verifier.against(provider.url) { $0.stateChangeURL = provider.url.appendingPathComponent("_state") }
        let report = await verifier.verify(pacts: [try Pacts.v4(statefulPact, Pacts.get("stateless", path: "/ping"))])
        await provider.stop()
        XCTAssertEqual(report.interactions.map(\.status), [.error, .passed])
        XCTAssertEqual(report.exitCode, 1)
    }

    func testAnUnreachableStateChangeURLIsReported() async throws {
        let provider = try await provider()
        let port = try ClosingServer.unusedPort()
        let verifier = try Verifier.against(provider.url) { $0.stateChangeURL = URL(string: "http://127.0.0.1:\(port)/state") }
        let report = await verifier.verify(pacts: [try Pacts.v4(statefulPact)])
        await provider.stop()
        let error = try XCTUnwrap(report.single().errors.first)
        XCTAssertEqual(error.kind, .stateSetup)
        XCTAssertNil(error.status)
        XCTAssertTrue(error.message.contains("cannot connect"), error.message)
    }

    func testValuesReturnedBySetupFeedProviderStateGenerators() async throws {
        let pact = try Pacts.v4(Pacts.http(
            "fetch the new code", states: #"[{"name": "a code exists", "params": {"code": "EXAMPLE"}}]"#,
            request: """
                {"method": "POST", "path": "/codes/EXAMPLE", "query": {"actor": ["0"]},
                 "headers": {"Content-Type": ["application/json"], "X-Code": ["EXAMPLE"]},
                 "body": {"contentType": "application/json", "content": {"code": "EXAMPLE", "fixed": 1}},
                 "generators": {
                   "path": {"type": "ProviderState", "expression": "/codes/${code}"},
                   "query": {"actor": {"type": "ProviderState", "expression": "${actor}"}},
                   "header": {"X-Code": {"type": "ProviderState", "expression": "${code}"}},
                   "body": {"$.code": {"type": "ProviderState", "expression": "${code}"}}}}
                """,
            response: #"{"status": 200}"#))
        let provider = try await TestProvider.start { _ in ServerResponse(status: 200) }
        let verifier = try Verifier.against(provider.url) { configuration in
            configuration.stateHandler = ClosureStateHandler(states: [
                "a code exists": { params in
                    XCTAssertEqual(params["code"], "EXAMPLE")
                    return ["code": "XYZ789", "actor": 42]
                },
            ])
        }
        let report = await verifier.verify(pacts: [pact])
        await provider.stop()
        XCTAssertEqual(try report.single().status, .passed)
        let request = try XCTUnwrap(provider.requests.first)
        XCTAssertEqual(request.path, "/codes/XYZ789")
        XCTAssertEqual(request.rawQuery, "actor=42")
        XCTAssertEqual(request.header("X-Code"), "XYZ789")
        XCTAssertEqual(try JSONParser.parse(request.body), ["code": "XYZ789", "fixed": 1])
    }

    func testInProcessHandlerSeesStatesInOrderAndTearsDownInReverse() async throws {
        let calls = Locked<[String]>([])
        let provider = try await provider()
        let verifier = try Verifier.against(provider.url) { configuration in
            configuration.stateHandler = ClosureStateHandler(
                setup: { state in
                    calls.withLock { $0.append("setup \(state.name)") }
                    return [:]
                },
                teardown: { state in calls.withLock { $0.append("teardown \(state.name)") } })
        }
        let report = await verifier.verify(pacts: [try Pacts.v4(statefulPact, Pacts.get("stateless", path: "/ping"))])
        await provider.stop()
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertEqual(calls.withLock { $0 }, [
            "setup a code exists", "setup the actor is active", "teardown the actor is active", "teardown a code exists",
            "setup ", "teardown ",
        ])
    }

    func testAnUnknownStateIsNotSwallowed() async throws {
        let provider = try await provider()
        let verifier = try Verifier.against(provider.url) { configuration in
            configuration.stateHandler = ClosureStateHandler(states: ["a code exists": { _ in [:] }])
        }
        let report = await verifier.verify(pacts: [try Pacts.v4(statefulPact)])
        await provider.stop()
        let error = try XCTUnwrap(report.single().errors.first)
        XCTAssertEqual(error.kind, .stateSetup)
        XCTAssertTrue(error.message.contains("no handler for provider state 'the actor is active'"), error.message)
        XCTAssertEqual(provider.requests.count, 0)
    }

    func testAThrowingTeardownIsReported() async throws {
        struct CleanupFailed: Error, CustomStringConvertible { var description: String { "rows still locked" } }
        let provider = try await provider()
        let verifier = try Verifier.against(provider.url) { configuration in
            configuration.stateHandler = ClosureStateHandler(setup: { _ in [:] }, teardown: { _ in throw CleanupFailed() })
        }
        let report = await verifier.verify(pacts: [try Pacts.v4(Pacts.get("stateless", path: "/ping"))])
        await provider.stop()
        let result = try report.single()
        XCTAssertEqual(result.status, .error)
        XCTAssertEqual(result.errors.map(\.kind), [.stateTeardown])
        XCTAssertTrue(result.errors[0].message.contains("rows still locked"))
        XCTAssertEqual(report.exitCode, 1)
    }
}
