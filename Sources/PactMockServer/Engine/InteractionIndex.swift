import PactMatching
import PactModel

/// Finds the interactions that could answer a method and path without looking at the others.
///
/// Exact paths are a dictionary lookup. Paths with a matching rule are grouped by method and rule (many interactions
/// often share one pattern, differing only by provider state), and each group is filed under the literal text its
/// regex must start with, so a request only tests the groups whose prefix it has. The cost of a lookup grows with the
/// number of distinct path patterns that could apply, not with the number of interactions.
package struct InteractionIndex: Sendable {
    private struct Key: Hashable, Sendable {
        var method: String
        var path: String
    }

    private struct GroupKey: Hashable {
        var method: String
        var rules: RuleList
        /// Set only when a rule compares against the expected value (equality and the like).
        var expectedPath: String?
    }

    private struct PathGroup: Sendable {
        var rules: MatchingRules
        var expectedPath: String
        var members: [Int]
    }

    private struct MethodGroups: Sendable {
        /// Groups with no literal prefix: tested for every request with the method.
        var unprefixed: [Int] = []
        var byPrefix: [String: [Int]] = [:]
        /// The distinct prefix lengths in UTF-8 bytes, ascending.
        var prefixLengths: [Int] = []
    }

    private let exact: [Key: [Int]]
    private let groups: [PathGroup]
    private let byMethod: [String: MethodGroups]

    /// - Parameter requests: in serving order; methods are compared upper-cased.
    package init<Requests: Collection<PactRequest>>(_ requests: Requests) {
        var exact: [Key: [Int]] = [:]
        exact.reserveCapacity(requests.count)
        var groups: [PathGroup] = []
        var groupIDs: [GroupKey: Int] = [:]
        var byMethod: [String: MethodGroups] = [:]
        for (index, request) in requests.enumerated() {
            let method = request.method.uppercased()
            exact[Key(method: method, path: request.path), default: []].append(index)
            guard let list = Self.pathRules(request.matchingRules) else { continue }
            let key = GroupKey(method: method, rules: list,
                               expectedPath: Self.isExpectationFree(list) ? nil : request.path)
            if let id = groupIDs[key] {
                groups[id].members.append(index)
                continue
            }
            let id = groups.count
            groupIDs[key] = id
            groups.append(PathGroup(rules: MatchingRules(categories: [.path: ["": list]]), expectedPath: request.path,
                                    members: [index]))
            let prefix = Self.literalPrefix(list)
            if prefix.isEmpty {
                byMethod[method, default: MethodGroups()].unprefixed.append(id)
            } else {
                byMethod[method, default: MethodGroups()].byPrefix[prefix, default: []].append(id)
            }
        }
        for (method, groupsOfMethod) in byMethod {
            byMethod[method]?.prefixLengths = Set(groupsOfMethod.byPrefix.keys.map(\.utf8.count)).sorted()
        }
        self.exact = exact
        self.groups = groups
        self.byMethod = byMethod
    }

    /// Indices, ascending (serving order), of the interactions with this method and either this exact path or a
    /// path rule that accepts it.
    package func candidates(method: String, path: String) -> [Int] {
        let upper = Self.upperCased(method)
        let direct = exact[Key(method: upper, path: path)] ?? []
        guard let methodGroups = byMethod[upper] else { return direct }
        var result = direct
        var addedRuled = false
        func test(_ id: Int) {
            let group = groups[id]
            if PathMatching.match(expected: group.expectedPath, actual: path, rules: group.rules).isEmpty {
                result += group.members
                addedRuled = true
            }
        }
        for id in methodGroups.unprefixed { test(id) }
        let length = path.utf8.count
        for prefixLength in methodGroups.prefixLengths {
            guard prefixLength <= length else { break }
            let prefix = String(Substring(path.utf8.prefix(prefixLength)))
            for id in methodGroups.byPrefix[prefix] ?? [] { test(id) }
        }
        guard addedRuled else { return result }
        // A ruled interaction is also filed under its example path, so it can appear twice.
        result.sort()
        var unique: [Int] = []
        unique.reserveCapacity(result.count)
        for index in result where unique.last != index { unique.append(index) }
        return unique
    }

    /// The path rule list as `PathMatching` finds it: the entry under "" (or `$`), else the only entry.
    package static func pathRules(_ rules: MatchingRules) -> RuleList? {
        let category = rules[.path]
        if let list = category[""] ?? category["$"], !list.isEmpty { return list }
        if category.count == 1, let list = category.first?.value, !list.isEmpty { return list }
        return nil
    }

    /// Whether the rules decide on the actual path alone, so interactions with different example paths can share
    /// one test.
    private static func isExpectationFree(_ list: RuleList) -> Bool {
        list.rules.allSatisfy { rule in
            switch rule {
            case .regex, .type, .include, .notEmpty, .semver, .timestamp, .date, .time, .integer, .decimal, .number:
                true
            default:
                false
            }
        }
    }

    /// The literal text every accepted path starts with: the longest literal prefix among the regexes of an AND
    /// list. Empty when unknown (OR lists, non-regex rules, patterns that start with a group or an escape).
    static func literalPrefix(_ list: RuleList) -> String {
        guard list.logic == .and || list.rules.count == 1 else { return "" }
        var best = ""
        for rule in list.rules {
            if case .regex(let pattern) = rule {
                let prefix = literalPrefix(pattern)
                if prefix.utf8.count > best.utf8.count { best = prefix }
            }
        }
        return best
    }

    /// The characters a whole match of `pattern` must start with. Conservative: any alternation gives up, and a
    /// character followed by an optional quantifier is not counted.
    static func literalPrefix(_ pattern: String) -> String {
        guard !pattern.contains("|") else { return "" }
        var rest = Substring(pattern)
        if rest.hasPrefix("^") { rest = rest.dropFirst() }
        var prefix = ""
        for character in rest {
            if character.isASCII, character.isLetter || character.isNumber || "/-_~,;=:@!'&%".contains(character) {
                prefix.append(character)
                continue
            }
            if "?*{".contains(character), !prefix.isEmpty { prefix.removeLast() }
            break
        }
        return prefix
    }

    /// Methods almost always arrive upper-cased; checking first avoids building a new string per request.
    package static func upperCased(_ method: String) -> String {
        method.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) ? method.uppercased() : method
    }
}
