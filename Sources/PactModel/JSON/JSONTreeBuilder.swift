/// Builds the `JSONValue` a writer sends to it. Objects arrive in key order, so their members are taken as they come
/// (debug builds check the order).
struct JSONTreeBuilder: JSONSink {
    private struct Frame {
        /// The key this container is the value of, in an object.
        let key: String?
        let isObject: Bool
        var members: [JSONObject.Member] = []
        var items: [JSONValue] = []
    }

    private var frames: [Frame] = []
    private var pendingKey: String?
    /// The value built once its outermost container is closed.
    private(set) var result: JSONValue = .null

    /// The value `write` sends to a builder.
    static func build<E: Error>(_ write: (inout JSONTreeBuilder) throws(E) -> Void) throws(E) -> JSONValue {
        var builder = JSONTreeBuilder()
        try write(&builder)
        return builder.result
    }

    private mutating func add(_ value: JSONValue) {
        guard !frames.isEmpty else {
            result = value
            return
        }
        let last = frames.count - 1
        if frames[last].isObject {
            frames[last].members.append(JSONObject.Member(key: pendingKey ?? "", value: value))
            pendingKey = nil
        } else {
            frames[last].items.append(value)
        }
    }

    mutating func beginObject() {
        frames.append(Frame(key: pendingKey, isObject: true))
        pendingKey = nil
    }

    mutating func endObject() {
        let frame = frames.removeLast()
        pendingKey = frame.key
        add(.object(JSONObject(sortedUniqueMembers: frame.members)))
    }

    mutating func beginArray() {
        frames.append(Frame(key: pendingKey, isObject: false))
        pendingKey = nil
    }

    mutating func endArray() {
        let frame = frames.removeLast()
        pendingKey = frame.key
        add(.array(frame.items))
    }

    mutating func key(_ key: StaticString) { pendingKey = key.description }
    mutating func key(_ key: String) { pendingKey = key }
    mutating func string(_ value: String) { add(.string(value)) }
    mutating func bool(_ value: Bool) { add(.bool(value)) }
    mutating func int(_ value: Int) { add(.int(value)) }
    mutating func null() { add(.null) }
    mutating func value(_ value: JSONValue) { add(value) }
}
