import Foundation
import PactModel

/// Searching a value with a pattern a document supplies, within a budget: a pattern that backtracks catastrophically
/// (`^(a+)+$` against forty `a`s and a `!`) would otherwise run for years. The search gives up after `budget(for:)`
/// progress reports from ICU, which a linear pattern never reaches, or after `timeLimit` on a long value. A search
/// ICU itself stops (its backtracking stack is limited) is given up too, rather than taken for "no match".
enum SchemaPattern {
    enum Outcome: Equatable {
        case found
        case notFound
        /// The search was given up.
        case tooCostly
        /// The pattern does not compile.
        case invalid
    }

    /// Progress reports allowed: ICU reports each place a match is tried from (up to the text's length) and every
    /// ten thousand matching steps within a try, so linear searches stay well under it and a catastrophic one on a
    /// short value stops after about a million steps.
    static func budget(for length: Int) -> Int { 100 + 2 * length }

    /// However long the value, a search stops after this.
    static let timeLimit = Duration.seconds(1)

    /// Whether `pattern` (JSON Schema's, not anchored) matches somewhere in `text`.
    static func search(_ pattern: String, in text: String) -> Outcome {
        guard let expression = try? PactRegex.expression(pattern) else { return .invalid }
        let length = text.utf16.count
        let budget = budget(for: length)
        var outcome = Outcome.notFound
        var reports = 0
        let clock = ContinuousClock()
        let deadline = clock.now + timeLimit
        let options: NSRegularExpression.MatchingOptions = [.reportProgress, .reportCompletion]
        expression.enumerateMatches(in: text, options: options, range: NSRange(location: 0, length: length)) { result, flags, stop in
            if result != nil {
                outcome = .found
                stop.pointee = true
            } else if flags.contains(.internalError) {
                // ICU stopped: its backtracking stack is full (`^(ab)+$` against a megabyte).
                if outcome == .notFound { outcome = .tooCostly }
            } else if flags.contains(.progress) {
                reports += 1
                if reports > budget || clock.now > deadline {
                    outcome = .tooCostly
                    stop.pointee = true
                }
            }
        }
        return outcome
    }
}
