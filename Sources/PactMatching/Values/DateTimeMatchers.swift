import PactModel

/// The `datetime` (alias `timestamp`), `date` and `time` matchers, with Java DateTimeFormatter patterns.
enum DateTimeMatchers {
    enum Kind: String {
        case timestamp, date, time

        /// pact-reference's defaults when a rule has no format; a date-time needs its zone offset.
        var defaultPattern: JavaDateTimePattern {
            switch self {
            case .timestamp: DateTimeMatchers.defaultTimestamp
            case .date: .isoDate
            case .time: .isoTime
            }
        }
    }

    static let defaultTimestamp = (try? JavaDateTimePattern("yyyy-MM-dd'T'HH:mm:ssXXX")) ?? .isoDateTime

    private enum Compiled: Sendable {
        case pattern(JavaDateTimePattern)
        case invalid(String)
    }

    private static let cache = LockedCache<String, Compiled>(limit: 256)

    static func check(_ actual: JSONValue, kind: Kind, format: String?) -> String? {
        let pattern: JavaDateTimePattern
        if let format, !format.isEmpty {
            let compiled = cache.value(for: format) { format in
                do throws(DateTimePatternError) {
                    return .pattern(try JavaDateTimePattern(format))
                } catch {
                    return .invalid(error.description)
                }
            }
            switch compiled {
            case .pattern(let p): pattern = p
            case .invalid(let reason): return "Invalid \(kind.rawValue) pattern: \(reason)"
            }
        } else {
            pattern = kind.defaultPattern
        }
        let text: String
        switch actual {
        case .string(let s): text = s
        case .number(let n): text = n.literal
        default: return "Expected \(ValueText.typed(actual)) to match a \(kind.rawValue) pattern of '\(pattern.pattern)'"
        }
        if pattern.matches(text) { return nil }
        return "Expected '\(text)' to match a \(kind.rawValue) pattern of '\(pattern.pattern)'"
    }
}
