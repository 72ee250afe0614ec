#if canImport(Testing)
import Testing
#endif
#if canImport(XCTest)
import XCTest
#endif

/// Records failures with `XCTFail` at their file and line.
public struct XCTestFailureReporter: PactFailureReporter {
    /// Creates the reporter; it holds no state.
    public init() {}

    /// Fails the running XCTest test at the failure's file and line; prints it where XCTest is unavailable.
    public func report(_ failure: PactFailure) {
        #if canImport(XCTest)
        XCTFail(failure.message, file: failure.location.filePath, line: failure.location.line)
        #else
        print("\(failure.location.filePath):\(failure.location.line): error: \(failure.message)")
        #endif
    }

    /// Records the failure through `XCTUnwrap`, whose thrown error XCTest does not record a second time (any other
    /// error thrown out of a test becomes one more failure, at no source line).
    public func reportLast(_ failure: PactFailure, of failures: [PactFailure]) -> any Error {
        #if canImport(XCTest)
        do {
            _ = try XCTUnwrap(Optional<AllInteractionsVerified>.none, failure.message,
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

    /// Records the failure through `#require`, whose thrown error Swift Testing does not record a second time.
    public func reportLast(_ failure: PactFailure, of failures: [PactFailure]) -> any Error {
        #if canImport(Testing)
        let allInteractionsVerified = false
        do {
            try #require(allInteractionsVerified, Comment(rawValue: failure.message), sourceLocation: sourceLocation(of: failure))
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
/// \"AllInteractionsVerified\"", followed by the problem.
struct AllInteractionsVerified {}

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
