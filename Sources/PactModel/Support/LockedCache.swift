/// A small thread-safe memo table for values that are costly to build and immutable once built (compiled regular
/// expressions, date/time patterns, path expressions), on the package's one lock type.
package final class LockedCache<Key: Hashable & Sendable, Value>: Sendable {
    private let storage = Locked<[Key: Value]>([:])
    private let limit: Int

    /// `limit` bounds memory when pacts carry many distinct patterns: the table is emptied when it is reached.
    package init(limit: Int = 512) {
        self.limit = limit
    }

    /// The cached value for `key`, building and storing it on first use.
    package func value(for key: Key, build: (Key) -> Value) -> Value {
        if let cached = storage.withLock({ $0[key] }) { return cached }
        // Built outside the lock: two threads may build the same value, which is harmless.
        let built = build(key)
        storage.withLock { storage in
            if storage.count >= limit { storage.removeAll(keepingCapacity: true) }
            storage[key] = built
        }
        return built
    }
}
