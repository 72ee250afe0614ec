import ArgumentParser
import Foundation
import Logging

/// `--log-level` and `--log-format` for a command-line tool, and the one `LoggingSystem.bootstrap` of its process.
public struct LoggingOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The lowest level logged on standard error: trace, debug, info, notice, warning, error or critical.",
        discussion: "Without it, the LOG_LEVEL environment variable is used if set; else info.", valueName: "level"))
    public var logLevel: Logger.Level?

    @Option(help: ArgumentHelp(
        "How standard error is written: text (plain lines) or json (one object per line, for machines).",
        valueName: "format"))
    public var logFormat: LogFormat = .text

    public init() {}

    public func validate() throws {
        _ = try level(environment: ProcessInfo.processInfo.environment)
    }

    /// `--log-level`, else `LOG_LEVEL`, else info; throws a usage error for an unknown `LOG_LEVEL`.
    public func level(environment: [String: String]) throws -> Logger.Level {
        if let logLevel { return logLevel }
        guard let name = environment["LOG_LEVEL"]?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            return .info
        }
        guard let level = Logger.Level(rawValue: name.lowercased()) else {
            let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("LOG_LEVEL must be one of \(names), got '\(name)'")
        }
        return level
    }

    /// Sends every `Logger` of the process to standard error in the chosen format and level. Call once per process.
    public func bootstrap() throws {
        let level = try level(environment: ProcessInfo.processInfo.environment)
        let format = logFormat
        LoggingSystem.bootstrap { label in
            var handler = StandardErrorLogHandler(label: label, format: format)
            handler.logLevel = level
            return handler
        }
    }
}

/// How log lines are written.
public enum LogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// The message and any metadata as `key=value`, nothing else: what a person reads.
    case text
    /// One JSON object per line with timestamp, level, label, message and metadata.
    case json
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
