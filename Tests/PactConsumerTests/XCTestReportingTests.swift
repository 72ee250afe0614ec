import Foundation
import PactConsumer
import XCTest

/// The default reporter records XCTest failures at the declaring file and line. Failures are captured by
/// overriding how the test case records failures (`recordFailure` in corelibs-xctest on Linux, `record(_:)` with an
/// `XCTIssue` in Apple's XCTest), so these tests check them instead of failing, on both platforms.
final class XCTestReportingTests: XCTestCase {
    private struct Recorded: Equatable {
        var description: String
        var file: String
        var line: Int
    }

    private var capturing = false
    private var recorded: [Recorded] = []

    /// What the failure that ends a failed run starts with under XCTest (see `XCTestFailureReporter.reportLast`).
    private static let endingPrefix = "XCTUnwrap failed: expected non-nil value of type \"PactKitPassingRun\" - "

    /// A builder made before the first test starts has PactKit observe XCTest from that test on (the first test of
    /// a process to make one is not yet observed, see `EndOfTest`), so every test here records through the test case.
    override class func setUp() {
        super.setUp()
        _ = PactBuilder(consumer: "app", provider: "api")
    }

    #if os(Linux)
    override func recordFailure(withDescription description: String, inFile filePath: String, atLine lineNumber: Int, expected: Bool) {
        if capturing {
            recorded.append(Recorded(description: description, file: filePath, line: lineNumber))
        } else {
            super.recordFailure(withDescription: description, inFile: filePath, atLine: lineNumber, expected: expected)
        }
    }
    #else
    override func record(_ issue: XCTIssue) {
        if capturing {
            let location = issue.sourceCodeContext.location
            recorded.append(Recorded(description: issue.compactDescription, file: location?.fileURL.path ?? "",
                                     line: location?.lineNumber ?? 0))
        } else {
            super.record(issue)
        }
    }
    #endif

    func testMismatchIsAnXCTestFailureAtTheUponReceivingLine() async throws {
        let pact = PactBuilder(consumer: "app", provider: "api", directory: try temporaryDirectory(self))
        let line = #line + 1
        pact.uponReceiving("create a user")
            .withRequest(.post, "/users", body: ["name": .string("Ada"), "age": .integer(36)])
            .willRespondWith(status: 201)
        capturing = true
        do {
            try await pact.run { mockServer in
                _ = try await TestClient(baseURL: mockServer.url).postJSON("/users", ["name": "Ada", "age": "old"])
            }
            XCTFail("run must throw")
        } catch {
            XCTAssertFalse(error is PactRunError, "XCTest's own already-recorded error ends the test")
        }
        capturing = false
        XCTAssertEqual(recorded.count, 1, "\(recorded)")
        XCTAssertEqual(recorded.first?.line, line)
        XCTAssertEqual(recorded.first?.file, #filePath)
        XCTAssertTrue(recorded.first?.description.contains("body $.age") ?? false, recorded.first?.description ?? "")
        XCTAssertTrue(recorded.first?.description.hasPrefix(Self.endingPrefix + "Pact mismatch in interaction 'create a user'") ?? false,
                      recorded.first?.description ?? "")
    }

    /// Every failure but the one that ends the run is PactKit's message alone, and each problem is recorded once.
    func testFailuresReadAsPactKitsMessageAndEachIsRecordedOnce() async throws {
        let pact = PactBuilder(consumer: "app", provider: "api", directory: try temporaryDirectory(self))
        let createLine = #line + 1
        pact.uponReceiving("create a user")
            .withRequest(.post, "/users", body: ["name": .string("Ada")])
            .willRespondWith(status: 201)
        let readLine = #line + 1
        pact.uponReceiving("read a user").withRequest(.get, "/users/1").willRespondWith(status: 200)
        capturing = true
        do {
            try await pact.run { mockServer in
                _ = try await TestClient(baseURL: mockServer.url).postJSON("/users", ["name": 36])
            }
            XCTFail("run must throw")
        } catch {
            XCTAssertFalse(error is PactRunError, "XCTest's own already-recorded error ends the test")
        }
        capturing = false
        XCTAssertEqual(recorded.map(\.line), [createLine, readLine], "\(recorded)")
        XCTAssertTrue(recorded.first?.description.hasPrefix("Pact mismatch in interaction 'create a user' for POST /users: body $.name")
                      ?? false, "the first words are PactKit's: \(recorded)")
        XCTAssertEqual(recorded.last?.description,
                       Self.endingPrefix + "Pact: interaction 'read a user' expected GET /users/1 but it was never received")
    }

    func testUsageErrorIsAnXCTestFailureAtTheMatcherLine() async throws {
        let pact = PactBuilder(consumer: "app", provider: "api", directory: try temporaryDirectory(self))
        let line = #line + 2
        pact.uponReceiving("a code").withRequest(.get, "/code")
            .willRespondWith(body: ["code": .regex("[A-Z]{3}", example: "abc")])
        capturing = true
        do {
            try await pact.run { _ in }
            XCTFail("run must throw")
        } catch {
            XCTAssertFalse(error is PactRunError, "XCTest's own already-recorded error ends the test")
        }
        capturing = false
        XCTAssertEqual(recorded.map(\.line), [line])
        XCTAssertTrue(recorded.first?.description.contains("does not match the regular expression") ?? false)
    }
}
