/// Receives a JSON document piece by piece, every object's members in key order (String `<`, the order `JSONObject`
/// keeps). The pact writers write through it once, so the same code produces pact file text (`JSONTextOutput`), the
/// hash behind an interaction's key, and `JSONValue`s (`JSONTreeBuilder`).
protocol JSONSink {
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    /// The key of the open object's next member; the member's value follows.
    mutating func key(_ key: StaticString)
    /// The key of the open object's next member; the member's value follows.
    mutating func key(_ key: String)
    mutating func string(_ value: String)
    mutating func bool(_ value: Bool)
    mutating func int(_ value: Int)
    mutating func null()
    /// A whole value (a body, metadata) as it is.
    mutating func value(_ value: JSONValue)
}

extension JSONSink {
    /// A member whose value is a string.
    mutating func member(_ key: StaticString, _ value: String) {
        self.key(key)
        string(value)
    }

    /// A member whose value is an integer.
    mutating func member(_ key: StaticString, _ value: Int) {
        self.key(key)
        int(value)
    }

    /// An object of a dictionary's members, sorted by key; `write` writes each value.
    mutating func object<Value>(_ members: [String: Value], _ write: (Value, inout Self) -> Void) {
        beginObject()
        if members.count == 1, let (key, value) = members.first {
            self.key(key)
            write(value, &self)
        } else if !members.isEmpty {
            for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                self.key(key)
                write(value, &self)
            }
        }
        endObject()
    }

    /// An object of a dictionary's JSON members, sorted by key.
    mutating func object(_ members: [String: JSONValue]) {
        object(members) { value, out in out.value(value) }
    }

    /// An array of strings.
    mutating func array(_ strings: [String]) {
        beginArray()
        for string in strings { self.string(string) }
        endArray()
    }
}
