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
}

/// Records failures with Swift Testing's `Issue.record` at their source location.
public struct SwiftTestingFailureReporter: PactFailureReporter {
    /// Creates the reporter; it holds no state.
    public init() {}

    /// Records an issue at the failure's source location; falls back to XCTest where Swift Testing is unavailable.
    public func report(_ failure: PactFailure) {
        #if canImport(Testing)
        let location = failure.location
        Issue.record(
            Comment(rawValue: failure.message),
            sourceLocation: SourceLocation(
                fileID: "\(location.fileID)", filePath: "\(location.filePath)", line: Int(location.line),
                column: Int(max(location.column, 1))))
        #else
        XCTestFailureReporter().report(failure)
        #endif
    }
}

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

    /// The running Swift Testing test's display name or name; nil under XCTest (which has no such API).
    static var currentTestName: String? {
        #if canImport(Testing)
        guard let test = Test.current else { return nil }
        return test.displayName ?? test.name
        #else
        nil
        #endif
    }
}
