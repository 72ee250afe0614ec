import Foundation

/// A value guarded by a lock, for the builder's state that tests may touch from several tasks.
final class Locked<Value>: @unchecked Sendable {
    // All access to `value` goes through `lock`, which makes the class safe to share.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
