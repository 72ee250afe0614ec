import PactModel

/// What is wrong with a webhook definition: messages by dotted path (`request.url`, `consumer.name`, `events`), in
/// the order found, as pact_broker's contracts report them.
public struct WebhookValidationErrors: Error, Sendable, Equatable, CustomStringConvertible {
    /// One message about one field.
    public struct Entry: Sendable, Equatable {
        /// The dotted path of the field, e.g. `request.url`.
        public var path: String
        /// What is wrong, e.g. `is missing`.
        public var message: String
    }

    /// Every problem, in the order found.
    public private(set) var entries: [Entry] = []

    /// No errors yet.
    public init() {}

    /// Adds `message` for `path`.
    public mutating func add(_ path: String, _ message: String) {
        entries.append(Entry(path: path, message: message))
    }

    /// True when nothing was reported.
    public var isEmpty: Bool { entries.isEmpty }

    /// The messages reported for `path`.
    public func messages(for path: String) -> [String] {
        entries.filter { $0.path == path }.map(\.message)
    }

    /// True when some message was reported for `path`.
    public func has(_ path: String) -> Bool { entries.contains { $0.path == path } }

    /// pact_broker's 400 body: `{"errors": {"request.url": ["..."], ...}}`.
    public func jsonRepresentation() -> JSONValue {
        var errors: [String: JSONValue] = [:]
        for entry in entries {
            var list = errors[entry.path]?.arrayValue ?? []
            list.append(.string(entry.message))
            errors[entry.path] = .array(list)
        }
        return .object(["errors": .object(errors)])
    }

    /// `path message; path message`.
    public var description: String {
        entries.map { "\($0.path) \($0.message)" }.joined(separator: "; ")
    }
}
