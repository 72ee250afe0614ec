import Foundation
import PactModel

/// A `pactkit broker clean --keep` selector: which versions the clean keeps (pact_broker's `DB::Clean::Selector`,
/// applied as `Version.for_selector`). Every given condition must hold; `latest` then keeps only the newest match
/// per pacticipant (per tag name for `"tag": true`, per branch name for `"branch": true`).
public struct CleanKeepSelector: Sendable, Hashable, CustomStringConvertible {
    /// A tag or branch condition: a name, or `true` for any.
    public enum NameCondition: Sendable, Hashable {
        case any
        case named(String)
    }

    public var pacticipant: String?
    public var latest = false
    public var tag: NameCondition?
    public var branch: NameCondition?
    public var mainBranch = false
    public var deployed = false
    public var released = false
    public var environment: String?
    /// Versions created within this many days.
    public var maxAge: Int?

    public init(pacticipant: String? = nil, latest: Bool = false, tag: NameCondition? = nil, branch: NameCondition? = nil,
                mainBranch: Bool = false, deployed: Bool = false, released: Bool = false, environment: String? = nil,
                maxAge: Int? = nil) {
        self.pacticipant = pacticipant
        self.latest = latest
        self.tag = tag
        self.branch = branch
        self.mainBranch = mainBranch
        self.deployed = deployed
        self.released = released
        self.environment = environment
        self.maxAge = maxAge
    }

    /// pact_broker's `DEFAULT_KEEP_SELECTORS`: the latest version per tag, per branch and overall, what is deployed or
    /// released, and everything younger than 90 days.
    public static let defaults: [CleanKeepSelector] = [
        CleanKeepSelector(latest: true, tag: .any),
        CleanKeepSelector(latest: true, branch: .any),
        CleanKeepSelector(latest: true),
        CleanKeepSelector(deployed: true),
        CleanKeepSelector(released: true),
        CleanKeepSelector(maxAge: 90),
    ]

    /// Parses one `--keep` value, a JSON object with camelCase or snake_case keys (`pacticipant`, `latest`, `tag`,
    /// `branch`, `mainBranch`, `deployed`, `released`, `environment`, `maxAge`). Throws `CleanError` naming the key.
    public static func parse(_ text: String) throws -> CleanKeepSelector {
        guard case .object(let members)? = try? JSONParser.parse(text) else {
            throw CleanError("--keep must be a JSON object, got '\(text)'")
        }
        var s = CleanKeepSelector()
        func flag(_ key: String, _ value: JSONValue) throws -> Bool {
            guard let flag = value.boolValue else { throw CleanError("--keep \(text): \(key) must be true or false") }
            return flag
        }
        func name(_ key: String, _ value: JSONValue) throws -> String {
            guard let name = value.stringValue, !name.isEmpty else { throw CleanError("--keep \(text): \(key) must be a non-empty string") }
            return name
        }
        func condition(_ key: String, _ value: JSONValue) throws -> NameCondition? {
            if let flag = value.boolValue { return flag ? .any : nil }
            return .named(try name(key, value))
        }
        for (key, value) in members {
            switch key {
            case "pacticipant", "pacticipantName", "pacticipant_name": s.pacticipant = try name(key, value)
            case "latest": s.latest = try flag(key, value)
            case "tag": s.tag = try condition(key, value)
            case "branch": s.branch = try condition(key, value)
            case "mainBranch", "main_branch": s.mainBranch = try flag(key, value)
            case "deployed": s.deployed = try flag(key, value)
            case "released": s.released = try flag(key, value)
            case "environment", "environmentName", "environment_name": s.environment = try name(key, value)
            case "maxAge", "max_age":
                guard let days = value.intValue, days >= 0 else { throw CleanError("--keep \(text): \(key) must be a number of days (0 or more)") }
                s.maxAge = days
            default: throw CleanError("--keep \(text): unknown key \(key) (expected pacticipant, latest, tag, branch, mainBranch, deployed, released, environment, maxAge)")
            }
        }
        return s
    }

    /// The selector as JSON, for reports.
    public var description: String {
        var parts: [String] = []
        func quoted(_ text: String) -> String { JSONWriter.compact(.string(text)) }
        func condition(_ c: NameCondition) -> String { if case .named(let n) = c { quoted(n) } else { "true" } }
        if let pacticipant { parts.append("\"pacticipant\":\(quoted(pacticipant))") }
        if let tag { parts.append("\"tag\":\(condition(tag))") }
        if let branch { parts.append("\"branch\":\(condition(branch))") }
        if mainBranch { parts.append("\"mainBranch\":true") }
        if let environment { parts.append("\"environment\":\(quoted(environment))") }
        if deployed { parts.append("\"deployed\":true") }
        if released { parts.append("\"released\":true") }
        if let maxAge { parts.append("\"maxAge\":\(maxAge)") }
        if latest { parts.append("\"latest\":true") }
        return "{" + parts.joined(separator: ",") + "}"
    }
}

/// A clean that cannot run: a bad selector or an unknown environment.
public struct CleanError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
