import Foundation
import PactModel

/// A `pactkit broker clean --keep-branch` selector: which branches the clean keeps (pact_broker's
/// `DB::Clean::BranchSelector`). A branch is kept when some selector keeps it: `maxAge` keeps branches a version was
/// added to within that many days, `branch` keeps the branches of those names. Main branches are always kept.
public struct CleanBranchSelector: Sendable, Hashable, CustomStringConvertible {
    /// Branches updated within this many days.
    public var maxAge: Int?
    /// Branches of these names.
    public var branches: [String]?

    public init(maxAge: Int? = nil, branches: [String]? = nil) {
        self.maxAge = maxAge
        self.branches = branches
    }

    /// pact_broker's `DEFAULT_KEEP_BRANCH_SELECTORS`: branches updated within 90 days.
    public static let defaults = [CleanBranchSelector(maxAge: 90)]

    /// Parses one `--keep-branch` value, a JSON object with `maxAge` (or `max_age`, days) and/or `branch` (a name or
    /// an array of names). Throws `CleanError` naming the key.
    public static func parse(_ text: String) throws -> CleanBranchSelector {
        guard case .object(let members)? = try? JSONParser.parse(text) else {
            throw CleanError("--keep-branch must be a JSON object, got '\(text)'")
        }
        var s = CleanBranchSelector()
        for (key, value) in members {
            switch key {
            case "maxAge", "max_age":
                guard let days = value.intValue, days >= 0 else {
                    throw CleanError("--keep-branch \(text): \(key) must be a number of days (0 or more)")
                }
                s.maxAge = days
            case "branch":
                let items = value.arrayValue ?? [value]
                let names = items.compactMap(\.stringValue).filter { !$0.isEmpty }
                guard !items.isEmpty, names.count == items.count else {
                    throw CleanError("--keep-branch \(text): branch must be a branch name or an array of branch names")
                }
                s.branches = names
            default:
                throw CleanError("--keep-branch \(text): unknown key \(key) (expected maxAge, branch)")
            }
        }
        return s
    }

    /// Whether this selector keeps `branch` at `now`.
    func keeps(_ branch: CleanBranchRecord, now: Date) -> Bool {
        if let maxAge, branch.updatedAt >= now.addingTimeInterval(-Double(maxAge) * 86_400) { return true }
        return branches?.contains(branch.name) ?? false
    }

    /// The selector as JSON, for reports.
    public var description: String {
        var parts: [String] = []
        if let branches {
            let names: JSONValue = branches.count == 1 ? .string(branches[0]) : .array(branches.map(JSONValue.string))
            parts.append("\"branch\":" + JSONWriter.compact(names))
        }
        if let maxAge { parts.append("\"maxAge\":\(maxAge)") }
        return "{" + parts.joined(separator: ",") + "}"
    }
}
