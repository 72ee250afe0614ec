import Foundation

/// A small thread-safe memo table for values that are costly to build and immutable once built (compiled regular
/// expressions, date/time patterns).
final class LockedCache<Key: Hashable & Sendable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Key: Value] = [:]
    private let limit: Int

    /// `limit` bounds memory when pacts carry many distinct patterns: the table is emptied when it is reached.
    init(limit: Int = 512) {
        self.limit = limit
    }

    /// The cached value for `key`, building and storing it on first use.
    func value(for key: Key, build: (Key) -> Value) -> Value {
        lock.lock()
        if let cached = storage[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        // Built outside the lock: two threads may build the same value, which is harmless.
        let built = build(key)
        lock.lock()
        if storage.count >= limit { storage.removeAll(keepingCapacity: true) }
        storage[key] = built
        lock.unlock()
        return built
    }
}
