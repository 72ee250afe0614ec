import Foundation
import Logging
import PactModel

/// Writes each event as one line on standard error, in one of two formats:
/// - `text`: the message alone, then any metadata as ` key=value`: the plain lines the tools have always printed,
///   with no timestamp, level or label in front;
/// - `json`: one object per line for log collectors,
///   `{"label":"pactkit.mock","level":"info","message":"…","metadata":{…},"timestamp":"2026-01-02T03:04:05.678Z"}`.
public struct StandardErrorLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    /// The logger's label, written in the JSON format.
    public let label: String
    /// How lines are written.
    public let format: LogFormat

    /// A handler for the logger labelled `label`.
    public init(label: String, format: LogFormat) {
        self.label = label
        self.format = format
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        let line = switch format {
        case .text: Self.text(event.message.description, metadata: all)
        case .json: Self.json(timestamp: Date(), level: event.level, label: label, message: event.message.description,
                              metadata: all)
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func text(_ message: String, metadata: Logger.Metadata) -> String {
        metadata.keys.sorted().reduce(message) { line, key in line + " \(key)=\(metadata[key]!)" }
    }

    static func json(
        timestamp: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata
    ) -> String {
        JSONWriter.compact(.object([
            "timestamp": .string(Self.timestamp(timestamp)), "level": .string(level.rawValue), "label": .string(label),
            "message": .string(message), "metadata": .object(metadata.mapValues(Self.value)),
        ]))
    }

    private static func value(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .stringConvertible(let convertible): .string(convertible.description)
        case .array(let values): .array(values.map(Self.value))
        case .dictionary(let dictionary): .object(dictionary.mapValues(Self.value))
        }
    }

    /// RFC 3339 in UTC with milliseconds.
    static func timestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                      parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, Int32(milliseconds % 1000))
    }
}
