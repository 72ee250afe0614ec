/// The members of a JSON object: a map from keys to values that keeps its members sorted by key (String `<`, the
/// order `JSONWriter` writes), so writing needs no sort and lookups are a binary search.
///
/// It behaves as `[String: JSONValue]` did: keys compare as Swift strings (canonically equivalent keys are one key),
/// a repeated key keeps its last value (and the first spelling of the key), and equality ignores the order members
/// were added in.
public struct JSONObject: Sendable, Hashable {
    /// One member of an object.
    public typealias Element = (key: String, value: JSONValue)

    /// One member as stored (a struct rather than a tuple, so copies are specialised rather than generic).
    public struct Member: Sendable, Hashable {
        /// The member's key.
        public var key: String
        /// The member's value.
        public var value: JSONValue

        /// A member.
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members, sorted by key, with no two keys equal.
    public private(set) var members: [Member]

    /// An empty object.
    public init() { members = [] }

    /// An empty object with room for `minimumCapacity` members.
    public init(minimumCapacity: Int) {
        members = []
        members.reserveCapacity(minimumCapacity)
    }

    /// The members of a dictionary.
    public init(_ dictionary: [String: JSONValue]) {
        members = dictionary.map { Member(key: $0.key, value: $0.value) }
        members.sort { $0.key < $1.key }
    }

    /// Members in any order; for a repeated key the last value wins.
    public init<S: Sequence>(_ elements: S) where S.Element == (String, JSONValue) {
        self.init(unsorted: elements.map { Member(key: $0.0, value: $0.1) })
    }

    /// Members already sorted by key with no two keys equal (checked in debug builds).
    init(sortedUniqueMembers: [Member]) {
        assert(zip(sortedUniqueMembers, sortedUniqueMembers.dropFirst()).allSatisfy { $0.key < $1.key })
        members = sortedUniqueMembers
    }

    /// Members in any order; for a repeated key the last value wins and the first spelling of the key is kept.
    init(unsorted elements: [Member]) {
        let arrangement = MemberArrangement(of: elements)
        members = arrangement.apply(to: elements)
    }

    /// As `init(unsorted:)`, reusing how `arrangements` last ordered an object with the same keys in the same order
    /// (the items of a list usually share theirs), so that such an object is not sorted again.
    init(unsorted elements: [Member], arrangements: inout MemberArrangements) {
        members = arrangements.arrange(elements)
    }

    /// The position of `key` among the members, or where it would be inserted.
    private func search(_ key: String) -> (index: Int, found: Bool) {
        var low = 0
        var high = members.count
        while low < high {
            let mid = (low + high) / 2
            if members[mid].key < key { low = mid + 1 } else { high = mid }
        }
        return (low, low < members.count && members[low].key == key)
    }

    /// The value for `key`, or nil; setting nil removes the member.
    public subscript(key: String) -> JSONValue? {
        // `nil` is spelled `Optional.none` here: JSONValue is ExpressibleByNilLiteral, so a bare `nil` could be `.null`.
        get {
            let (index, found) = search(key)
            guard found else { return Optional.none }
            return members[index].value
        }
        set {
            let (index, found) = search(key)
            if let value = newValue {
                if found {
                    members[index].value = value
                } else {
                    // Objects built member by member start at their literal's exact size: grow them in steps.
                    if members.count == members.capacity { members.reserveCapacity(Swift.max(8, 2 * members.count)) }
                    members.insert(Member(key: key, value: value), at: index)
                }
            } else if found {
                members.remove(at: index)
            }
        }
    }

    /// The value for `key`, or `defaultValue` when there is none.
    public subscript(key: String, default defaultValue: @autoclosure () -> JSONValue) -> JSONValue {
        get { self[key] ?? defaultValue() }
        set { self[key] = newValue }
    }

    /// The keys, sorted.
    public var keys: [String] { members.map(\.key) }
    /// The values, in key order.
    public var values: [JSONValue] { members.map(\.value) }
    /// The members as a dictionary, for callers that need one.
    public var dictionary: [String: JSONValue] {
        var result = [String: JSONValue](minimumCapacity: members.count)
        for member in members { result[member.key] = member.value }
        return result
    }

    /// Sets `value` for `key`, returning the value it replaced.
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey key: String) -> JSONValue? {
        let old = self[key]
        self[key] = value
        return old
    }

    /// Removes `key`, returning its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        let (index, found) = search(key)
        guard found else { return Optional.none }
        return members.remove(at: index).value
    }

    /// Removes every member.
    public mutating func removeAll() { members.removeAll() }

    /// The object with each value transformed.
    public func mapValues(_ transform: (JSONValue) throws -> JSONValue) rethrows -> JSONObject {
        JSONObject(sortedUniqueMembers: try members.map { Member(key: $0.key, value: try transform($0.value)) })
    }

    /// The object with each value transformed, dropping members transformed to nil.
    public func compactMapValues(_ transform: (JSONValue) throws -> JSONValue?) rethrows -> JSONObject {
        JSONObject(sortedUniqueMembers: try members.compactMap { member in
            try transform(member.value).map { Member(key: member.key, value: $0) }
        })
    }

    /// The members satisfying `isIncluded`.
    public func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> JSONObject {
        JSONObject(sortedUniqueMembers: try members.filter { try isIncluded((key: $0.key, value: $0.value)) })
    }

    /// This object with `other`'s members added; `combine` chooses the value for a key in both.
    public func merging(
        _ other: JSONObject, uniquingKeysWith combine: (JSONValue, JSONValue) throws -> JSONValue
    ) rethrows -> JSONObject {
        var result = self
        try result.merge(other, uniquingKeysWith: combine)
        return result
    }

    /// This object with `other`'s members added; `combine` chooses the value for a key in both.
    public func merging(
        _ other: [String: JSONValue], uniquingKeysWith combine: (JSONValue, JSONValue) throws -> JSONValue
    ) rethrows -> JSONObject {
        try merging(JSONObject(other), uniquingKeysWith: combine)
    }

    /// Adds `other`'s members; `combine` chooses the value for a key in both.
    public mutating func merge(
        _ other: JSONObject, uniquingKeysWith combine: (JSONValue, JSONValue) throws -> JSONValue
    ) rethrows {
        for member in other.members {
            if let existing = self[member.key] {
                self[member.key] = try combine(existing, member.value)
            } else {
                self[member.key] = member.value
            }
        }
    }

    /// Adds `other`'s members; `combine` chooses the value for a key in both.
    public mutating func merge(
        _ other: [String: JSONValue], uniquingKeysWith combine: (JSONValue, JSONValue) throws -> JSONValue
    ) rethrows {
        try merge(JSONObject(other), uniquingKeysWith: combine)
    }

    /// Objects are equal when they have the same keys with equal values.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        return lhs.members == rhs.members
    }

    /// Hashes the members in key order, so equal objects hash alike.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(members.count)
        for member in members {
            hasher.combine(member.key)
            hasher.combine(member.value)
        }
    }
}

extension JSONObject: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { members.count }
    public subscript(position: Int) -> Element {
        let member = members[position]
        return (key: member.key, value: member.value)
    }
    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// A dictionary literal; for a repeated key the last value wins.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(unsorted: elements.map { Member(key: $0.0, value: $0.1) })
    }
}

extension JSONObject: CustomStringConvertible {
    /// The object as compact JSON text.
    public var description: String { JSONWriter.compact(.object(self)) }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// The members of a JSON object as a dictionary.
    public init(_ object: JSONObject) { self = object.dictionary }
}

/// Where the members of an object read in some order go once in key order: for each member kept, the position its
/// key and the position its value come from (for a repeated key the first spelling and the last value).
struct MemberArrangement {
    /// Nil when the members are already in key order with no key repeated.
    let positions: (keys: [Int], values: [Int])?

    init(of elements: [JSONObject.Member]) {
        positions = Self.isInKeyOrder(elements) ? nil : Self.sortedPositions(elements)
    }

    /// The arrangement of members known not to be in key order.
    fileprivate init(sorting elements: [JSONObject.Member]) {
        positions = Self.sortedPositions(elements)
    }

    private static func sortedPositions(_ elements: [JSONObject.Member]) -> (keys: [Int], values: [Int]) {
        // Sort positions by key, then by position, so the members of a repeated key stay in input order.
        let order = elements.indices.sorted { a, b in
            let ka = elements[a].key, kb = elements[b].key
            if ka < kb { return true }
            if kb < ka { return false }
            return a < b
        }
        var keys: [Int] = []
        var values: [Int] = []
        keys.reserveCapacity(order.count)
        values.reserveCapacity(order.count)
        for position in order {
            if let last = keys.last, elements[last].key == elements[position].key {
                values[values.count - 1] = position
            } else {
                keys.append(position)
                values.append(position)
            }
        }
        return (keys, values)
    }

    /// True when the keys ascend strictly: nothing to sort and no key repeated.
    static func isInKeyOrder(_ elements: [JSONObject.Member]) -> Bool {
        var i = 1
        while i < elements.count {
            if !(elements[i - 1].key < elements[i].key) { return false }
            i += 1
        }
        return true
    }

    func apply(to elements: [JSONObject.Member]) -> [JSONObject.Member] {
        guard let (keys, values) = positions else { return elements }
        var result: [JSONObject.Member] = []
        result.reserveCapacity(keys.count)
        for i in keys.indices {
            result.append(JSONObject.Member(key: elements[keys[i]].key, value: elements[values[i]].value))
        }
        return result
    }
}

/// The arrangements of the last objects read with a few different member counts, each with the keys it was made
/// for: a parser reading a list of objects of one shape sorts the first one's keys and reuses that order for the
/// others, after checking that their keys are the same (cheap when the keys share storage, as `KeyCache` makes them).
struct MemberArrangements {
    private struct Entry {
        let keys: [String]
        let arrangement: MemberArrangement
    }

    private static let slotCount = 8
    private var slots = [Entry?](repeating: nil, count: MemberArrangements.slotCount)

    mutating func arrange(_ elements: [JSONObject.Member]) -> [JSONObject.Member] {
        // Objects already in key order (every object of a pact PactKit wrote) need neither the cache nor a copy of
        // their keys; the check stops at the first key out of order.
        if MemberArrangement.isInKeyOrder(elements) { return elements }
        let slot = elements.count % Self.slotCount
        if let entry = slots[slot], entry.keys.count == elements.count {
            var same = true
            for i in elements.indices where entry.keys[i] != elements[i].key {
                same = false
                break
            }
            if same { return entry.arrangement.apply(to: elements) }
        }
        let arrangement = MemberArrangement(sorting: elements)
        slots[slot] = Entry(keys: elements.map(\.key), arrangement: arrangement)
        return arrangement.apply(to: elements)
    }
}
