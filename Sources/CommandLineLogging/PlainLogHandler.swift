import Logging

/// Writes the message alone, then any metadata as ` key=value`, one line on standard error: the plain lines the
/// tools have always printed, with no timestamp, level or label in front.
public struct PlainLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    /// Unused in the line; kept for the `LoggingSystem` factory's signature.
    public let label: String

    /// A handler for the logger labelled `label`.
    public init(label: String) {
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        var line = event.message.description
        for key in all.keys.sorted() {
            line += " \(key)=\(all[key]!)"
        }
        StandardError.write(line: line)
    }
}
