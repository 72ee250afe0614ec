import Foundation
import PactModel

extension PactValue {
    /// A date in Java `DateTimeFormatter` `format`. The example must be in that format; without one (or with
    /// `generate`) the mock provider serves the current date, shifted by `expression` (`"today + 1 day"`) if given.
    public static func date(
        _ format: String = "yyyy-MM-dd", example: String? = nil, generate: Bool = false, expression: String? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        temporal(.date, format: format, example: example, generate: generate, expression: expression,
                 at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// A time of day in Java `DateTimeFormatter` `format`; see `date` for `example`, `generate` and `expression`.
    public static func time(
        _ format: String = "HH:mm:ss", example: String? = nil, generate: Bool = false, expression: String? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        temporal(.time, format: format, example: example, generate: generate, expression: expression,
                 at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// A date and time in Java `DateTimeFormatter` `format`; see `date` for `example`, `generate` and `expression`.
    public static func datetime(
        _ format: String = "yyyy-MM-dd'T'HH:mm:ss", example: String? = nil, generate: Bool = false,
        expression: String? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        temporal(.dateTime, format: format, example: example, generate: generate, expression: expression,
                 at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// Same as `datetime`.
    public static func timestamp(
        _ format: String = "yyyy-MM-dd'T'HH:mm:ss", example: String? = nil, generate: Bool = false,
        expression: String? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        temporal(.dateTime, format: format, example: example, generate: generate, expression: expression,
                 at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    enum TemporalKind {
        case date, time, dateTime

        var name: String {
            switch self {
            case .date: "date"
            case .time: "time"
            case .dateTime: "datetime"
            }
        }
    }

    /// The instant generated examples are formatted from: fixed, so the pact file is the same on every run.
    static let exampleInstant = Date(timeIntervalSince1970: 1_700_000_000)

    private static func temporal(
        _ kind: TemporalKind, format: String, example: String?, generate: Bool, expression: String?,
        at location: PactSourceLocation
    ) -> PactValue {
        let pattern: JavaDateTimePattern
        do {
            pattern = try JavaDateTimePattern(format)
        } catch {
            return invalid(kind.name, "'\(format)' is not a valid date/time format: \(error.reason)", at: location)
        }
        var instant = exampleInstant
        if let expression {
            do {
                instant = try DateExpression.evaluate(expression, base: exampleInstant)
            } catch {
                return invalid(kind.name, "'\(expression)' is not a valid date expression: \(error.reason)", at: location)
            }
        }
        let text = example ?? pattern.format(instant)
        guard pattern.matches(text) else {
            return invalid(kind.name, "the example '\(text)' does not match the \(kind.name) format '\(format)'", at: location)
        }
        let rule: MatchingRule
        let generator: Generator?
        let generates = generate || example == nil || expression != nil
        switch kind {
        case .date:
            rule = .date(format: format)
            generator = generates ? .date(format: format, expression: expression) : nil
        case .time:
            rule = .time(format: format)
            generator = generates ? .time(format: format, expression: expression) : nil
        case .dateTime:
            rule = .timestamp(format: format)
            generator = generates ? .dateTime(format: format, expression: expression) : nil
        }
        return matcher(kind.name, rules: [rule], example: .init(text), generator: generator, since: .v3, at: location)
    }
}
