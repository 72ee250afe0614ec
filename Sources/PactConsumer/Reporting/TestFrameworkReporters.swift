#if canImport(Testing)
import Testing
#endif
#if canImport(XCTest)
import XCTest
#endif

/// Records failures as XCTest failures at their file and line, worded as PactKit's message alone.
public struct XCTestFailureReporter: PactFailureReporter {
    /// Creates the reporter; it holds no state.
    public init() {}

    /// Fails the running XCTest test at the failure's file and line; prints it where XCTest is unavailable.
    ///
    /// On Linux, once a builder has started observing XCTest (see `EndOfTest`), the failure goes to the running test
    /// case's `recordFailure(withDescription:…)`, so it reads as PactKit's message and nothing else; `XCTFail` (used
    /// otherwise: the first test of a process, Apple's XCTest) puts "failed - " before it.
    public func report(_ failure: PactFailure) {
        #if os(Linux) && canImport(XCTest)
        if let testCase = XCTestCaseTracker.shared.current {
            testCase.recordFailure(withDescription: failure.message, inFile: "\(failure.location.filePath)",
                                   atLine: Int(failure.location.line), expected: true)
            return
        }
        #endif
        #if canImport(XCTest)
        XCTFail(failure.message, file: failure.location.filePath, line: failure.location.line)
        #else
        print("\(failure.location.filePath):\(failure.location.line): error: \(failure.message)")
        #endif
    }

    /// Records the failure through `XCTUnwrap` and returns its error, which ends the test without a second failure.
    ///
    /// Why `XCTUnwrap`, whose record starts "XCTUnwrap failed: expected non-nil value of type "PactKitPassingRun" - "
    /// before PactKit's message: ending the test takes a thrown error, and XCTest records every error thrown out of
    /// a test (corelibs-xctest: `threw error "…"` at `<EXPR>:0`, without the line; Apple's: "caught error") except
    /// those conforming to its internal `XCTCustomErrorHandling`: `XCTSkip`'s, which would mark a failed test
    /// skipped, and `XCTUnwrap`'s, which exists only once `XCTUnwrap` has recorded its own failure. So no public API
    /// ends the test with one failure whose first words are PactKit's. Of what is possible, this keeps one failure
    /// per problem at its line; the others (every failure before the last) read as PactKit's message alone. Recording
    /// the message first and letting the thrown error be recorded too would report it twice, the second time
    /// without a line; throwing it alone would lose its line.
    public func reportLast(_ failure: PactFailure, of failures: [PactFailure]) -> any Error {
        #if canImport(XCTest)
        do {
            _ = try XCTUnwrap(Optional<PactKitPassingRun>.none, failure.message,
                              file: failure.location.filePath, line: failure.location.line)
        } catch {
            return error
        }
        #endif
        report(failure)
        return PactRunError(failures: failures)
    }
}

/// Records failures with Swift Testing's `Issue.record` at their source location.
public struct SwiftTestingFailureReporter: PactFailureReporter {
    /// Creates the reporter; it holds no state.
    public init() {}

    /// Records an issue at the failure's source location; falls back to XCTest where Swift Testing is unavailable.
    public func report(_ failure: PactFailure) {
        #if canImport(Testing)
        Issue.record(Comment(rawValue: failure.message), sourceLocation: sourceLocation(of: failure))
        #else
        XCTestFailureReporter().report(failure)
        #endif
    }

    /// Records the failure through `#require` and returns its error, which ends the test without a second issue.
    ///
    /// Swift Testing titles every issue with its own words ("Issue recorded", "Expectation failed: …", "Caught error:
    /// …") and shows the comment, PactKit's message, below. It records every error thrown out of a test as one more
    /// issue ("Caught error", at the test rather than the failure's line) except `ExpectationFailedError`, which only
    /// `#expect`/`#require` make, after recording their own issue, and cancellation, which would mark the test
    /// cancelled. So the last failure is recorded by `#require`, titled "Expectation failed: pactKitRunPassed", and
    /// its error ends the test: one issue per problem, each at its line.
    public func reportLast(_ failure: PactFailure, of failures: [PactFailure]) -> any Error {
        #if canImport(Testing)
        let pactKitRunPassed = false
        do {
            try #require(pactKitRunPassed, Comment(rawValue: failure.message), sourceLocation: sourceLocation(of: failure))
        } catch {
            return error
        }
        return PactRunError(failures: failures)
        #else
        return XCTestFailureReporter().reportLast(failure, of: failures)
        #endif
    }

    #if canImport(Testing)
    private func sourceLocation(of failure: PactFailure) -> SourceLocation {
        let location = failure.location
        return SourceLocation(fileID: "\(location.fileID)", filePath: "\(location.filePath)", line: Int(location.line),
                              column: Int(max(location.column, 1)))
    }
    #endif
}

/// What `XCTUnwrap` names in the last failure of a failed run: "expected non-nil value of type
/// \"PactKitPassingRun\"", followed by the problem, so the failure says it is PactKit's, not the test's own.
struct PactKitPassingRun {}

/// The default: Swift Testing when a Swift Testing test is running, XCTest otherwise.
public struct AutomaticFailureReporter: PactFailureReporter {
    /// Creates the reporter; it holds no state.
    public init() {}

    /// Sends the failure to Swift Testing or XCTest, whichever runs the current test.
    public func report(_ failure: PactFailure) {
        if TestFramework.isSwiftTestingRunning {
            SwiftTestingFailureReporter().report(failure)
        } else {
            XCTestFailureReporter().report(failure)
        }
    }

    /// Ends the run through Swift Testing or XCTest, whichever runs the current test.
    public func reportLast(_ failure: PactFailure, of failures: [PactFailure]) -> any Error {
        if TestFramework.isSwiftTestingRunning {
            SwiftTestingFailureReporter().reportLast(failure, of: failures)
        } else {
            XCTestFailureReporter().reportLast(failure, of: failures)
        }
    }
}

/// Facts about the test framework running the current code.
enum TestFramework {
    static var isSwiftTestingRunning: Bool {
        #if canImport(Testing)
        Test.current != nil
        #else
        false
        #endif
    }

    /// The running test's name, as `#function` spells it in the test itself (`testReadsAnOrder()`), so an interaction
    /// declared from a helper records the test rather than the helper: Swift Testing's display name or name, or the
    /// running XCTest test case's method (known once a builder has started observing XCTest, see `EndOfTest`). Nil
    /// when neither is known; the DSL then falls back to its caller's `#function`.
    static var currentTestName: String? {
        #if canImport(Testing)
        if let test = Test.current { return test.displayName ?? test.name }
        #endif
        #if os(Linux) && canImport(XCTest)
        if let testCase = XCTestCaseTracker.shared.current { return methodName(ofTestCaseNamed: testCase.name) }
        #endif
        return nil
    }

    /// `testReadsAnOrder()` for corelibs-xctest's `OrdersPactTests.testReadsAnOrder` (test methods take no arguments).
    static func methodName(ofTestCaseNamed name: String) -> String {
        let method = name.split(separator: ".").last.map(String.init) ?? name
        return method.hasSuffix(")") ? method : method + "()"
    }
}
