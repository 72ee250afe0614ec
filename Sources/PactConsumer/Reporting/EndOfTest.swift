import Foundation
import PactModel
#if os(Linux) && canImport(XCTest)
import XCTest
#endif

/// Arranges a check when the running XCTest test case ends, so interactions declared on a builder that lives longer
/// than one test (an `XCTestCase` property) and never `run` still fail that test.
///
/// Builders local to a test are checked when they are deallocated at its end, under XCTest and Swift Testing alike;
/// Swift Testing also drops a suite's instance (and the builders it holds) after each test. XCTest keeps its test case
/// instances until the whole run ends, hence the teardown block. The test case comes from an `XCTestObservation`
/// registered when the first builder is made (Linux; Apple's XCTest isolates its observation API differently, so
/// there the deallocation check alone applies).
enum EndOfTest {
    /// Starts observing test cases, once per process.
    static func prepare() {
        #if os(Linux) && canImport(XCTest)
        XCTestCaseTracker.startOnce()
        #endif
    }

    /// The running XCTest test case's identity, after arranging for `check` to run in its teardown the first time
    /// it is asked for that test case (`alreadyArranged` is the identity returned last time). Nil when no XCTest
    /// test case is known.
    static func arrangeCheck(
        alreadyArranged: ObjectIdentifier?, _ check: @escaping @Sendable () -> Void
    ) -> ObjectIdentifier? {
        #if os(Linux) && canImport(XCTest)
        guard !TestFramework.isSwiftTestingRunning, let testCase = XCTestCaseTracker.shared.current else { return nil }
        let identity = ObjectIdentifier(testCase)
        if identity != alreadyArranged { testCase.addTeardownBlock { check() } }
        return identity
        #else
        return nil
        #endif
    }
}

#if os(Linux) && canImport(XCTest)
/// The XCTest test case that is running, as XCTest's observation reports it.
final class XCTestCaseTracker: NSObject, XCTestObservation, Sendable {
    static let shared = XCTestCaseTracker()
    private static let started = Locked(false)

    // XCTest calls the observer on its own thread while tests read `current` from theirs.
    private let running = Locked<XCTestCase?>(nil)

    static func startOnce() {
        let first = started.withLock { started in
            defer { started = true }
            return !started
        }
        if first { XCTestObservationCenter.shared.addTestObserver(shared) }
    }

    var current: XCTestCase? { running.withLock { $0 } }

    func testCaseWillStart(_ testCase: XCTestCase) { running.withLock { $0 = testCase } }

    func testCaseDidFinish(_ testCase: XCTestCase) { running.withLock { $0 = nil } }
}
#endif
