import Foundation

/// A value guarded by a lock: the one lock type of the modules without SwiftNIO (those with it use
/// `NIOLockedValueBox`). Package-internal: locking is not part of PactKit's public API.
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Wraps `value`, which is then reached only through `withLock(_:)`.
    package init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
