extension RuleList {
    /// Reads `{"matchers": [...], "combine": "AND"|"OR"}`. A bare matcher object (`{"match": "type"}`), as some
    /// writers put there, is read as a list of one.
    static func decode(_ json: JSONValue, at jsonPath: @autoclosure () -> String) throws(PactError) -> RuleList {
        typealias S = RuleCodingSupport
        let members = try S.object(json, at: jsonPath(), what: "a rule list object")
        guard let matchers = members["matchers"] else {
            if members["match"] != nil { return RuleList([try MatchingRule.decode(json, lazyPath: jsonPath())]) }
            throw PactError(jsonPath: S.child(jsonPath(), "matchers"), reason: "missing required array field 'matchers'")
        }
        func matchersPath() -> String { S.child(jsonPath(), "matchers") }
        let items = try S.array(matchers, at: matchersPath())
        var rules: [MatchingRule] = []
        rules.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            rules.append(try MatchingRule.decode(item, lazyPath: S.element(matchersPath(), index)))
        }
        var logic = RuleLogic.and
        if let combine = try S.optionalString(members, "combine", at: jsonPath()) {
            // As written by PactKit and pact-reference, compared before upper-casing any other spelling.
            let exact: RuleLogic? = combine == "AND" ? .and : combine == "OR" ? .or : nil
            guard let known = exact ?? RuleLogic(rawValue: combine.uppercased()) else {
                throw PactError(jsonPath: S.child(jsonPath(), "combine"), reason: "expected 'AND' or 'OR', got '\(combine)'")
            }
            logic = known
        }
        return RuleList(rules, logic: logic)
    }

    /// Appends `list`'s rules to the list at `key` in `lists`, or puts `list` there when there is none.
    static func appendOrSet(_ list: RuleList, at key: String, in lists: inout [String: RuleList]) {
        if lists[key] != nil {
            lists[key]!.rules += list.rules
        } else {
            lists[key] = list
        }
    }

    /// The list as written in V3/V4 pact files, always with `combine`.
    var json: JSONValue { JSONTreeBuilder.build { write(to: &$0) } }

    /// Writes `{"combine": …, "matchers": […]}`.
    func write<Sink: JSONSink>(to out: inout Sink) {
        out.beginObject()
        out.member("combine", logic.rawValue)
        out.key("matchers")
        out.beginArray()
        for rule in rules { rule.write(to: &out) }
        out.endArray()
        out.endObject()
    }
}

extension MatchingRules {
    /// Reads the `matchingRules` object of a request, response or message: the V2 flat form (keys starting with
    /// `$.`) or the V3/V4 category form. `jsonPath` is where the object sits in the document, for error messages.
    /// Unknown categories are ignored.
    public static func decode(_ json: JSONValue, at jsonPath: String) throws(PactError) -> MatchingRules {
        try decode(json, at: .path(jsonPath))
    }

    /// `decode(_:at:)` with the path built only when an error reports it.
    static func decode(_ json: JSONValue, at location: JSONLocation) throws(PactError) -> MatchingRules {
        typealias S = RuleCodingSupport
        func jsonPath() -> String { location.path }
        var result = MatchingRules()
        for (key, value) in S.sortedMembers(try S.object(json, at: jsonPath())) {
            func keyPath() -> String { S.child(jsonPath(), key) }
            if key.hasPrefix("$") {
                guard let (category, ruleKey) = try v2Location(key, at: keyPath()) else { continue }
                let rule = try MatchingRule.decode(value, lazyPath: keyPath())
                result.add(rule, category: category, key: ruleKey)
                continue
            }
            guard let category = ruleCategory(named: key) else { continue }
            switch category {
            case .path, .status, .method:
                result.merge(try RuleList.decode(value, at: keyPath()), category: category, key: "")
            case .body, .query, .header, .metadata:
                // Gathered in a dictionary of the right size, then added to the category in one step.
                let members = try S.object(value, at: keyPath())
                var lists = [String: RuleList](minimumCapacity: members.count)
                for (name, list) in S.sortedMembers(members) {
                    func namePath() -> String { S.child(keyPath(), name) }
                    if category == .body { try S.checkPathExpression(name, at: namePath()) }
                    // Names in one object are distinct.
                    lists[name] = try RuleList.decode(list, at: namePath())
                }
                result.merge(lists, category: category)
            }
        }
        return result
    }

    /// The V3/V4 `matchingRules` object, or nil when there are no rules. `bodyCategory` is "body", or "content" for
    /// V4 message contents.
    public func encode(bodyCategory: String = "body") -> JSONValue? {
        isEmpty ? Optional.none : JSONTreeBuilder.build { write(bodyCategory: bodyCategory, to: &$0) }
    }

    /// Writes the V3/V4 `matchingRules` object (`{}` when there are no rules): categories and their keys sorted,
    /// empty lists left out.
    func write<Sink: JSONSink>(bodyCategory: String, to out: inout Sink) {
        var written: [(name: String, lists: [String: RuleList], category: RuleCategoryName)] = []
        written.reserveCapacity(categories.count)
        for (category, lists) in categories where lists.values.contains(where: { !$0.isEmpty }) {
            written.append((category == .body ? bodyCategory : category.rawValue, lists, category))
        }
        if written.count > 1 { written.sort { $0.name < $1.name } }
        out.beginObject()
        for (name, lists, category) in written {
            out.key(name)
            switch category {
            case .path, .status, .method:
                // Single-value categories have one list; a stray non-empty key would otherwise be lost.
                if let list = lists[""], !list.isEmpty {
                    list.write(to: &out)
                } else if let list = lists.first(where: { !$0.value.isEmpty })?.value {
                    list.write(to: &out)
                }
            case .body, .query, .header, .metadata:
                // Gathered into an array and sorted: filtering the dictionary would hash every key again.
                var entries: [(key: String, list: RuleList)] = []
                entries.reserveCapacity(lists.count)
                for (key, list) in lists where !list.isEmpty { entries.append((key, list)) }
                if entries.count > 1 { entries.sort { $0.key < $1.key } }
                out.beginObject()
                for (key, list) in entries {
                    out.key(key)
                    list.write(to: &out)
                }
                out.endObject()
            }
        }
        out.endObject()
    }

    /// The category a V3/V4 category name stands for, with pact-reference's aliases.
    static func ruleCategory(named name: String) -> RuleCategoryName? {
        switch name {
        case "body", "content", "contents": .body
        case "header", "headers": .header
        default: RuleCategoryName(rawValue: name)
        }
    }

    /// Adds a list read from a file; a second list for the same place (`body` and `content` both present) is
    /// appended rather than lost.
    private mutating func merge(_ list: RuleList, category: RuleCategoryName, key: String) {
        // Changed in place: going through `self[category]` copied the category's whole dictionary for each list.
        RuleList.appendOrSet(list, at: key, in: &categories[category, default: [:]])
    }

    /// Adds the lists of one category object; a category read before (`body`, then `content`) keeps its lists and
    /// gets these appended, in the order `merge(_:category:key:)` would have added them one by one.
    private mutating func merge(_ lists: [String: RuleList], category: RuleCategoryName) {
        guard !lists.isEmpty else { return }
        guard categories[category] != nil else {
            categories[category] = lists
            return
        }
        for (key, list) in lists { merge(list, category: category, key: key) }
    }

    /// Where a V2 key points: `$.body.a` → (body, `$.a`), `$.headers.X` → (header, `X`), `$.path` → (path, "").
    /// Returns nil for keys outside the known parts, which are ignored like unknown categories.
    static func v2Location(_ key: String, at keyPath: String) throws(PactError) -> (RuleCategoryName, String)? {
        guard key.hasPrefix("$.") else { return nil }
        let afterRoot = key.dropFirst(2)
        let partEnd = afterRoot.firstIndex(where: { $0 == "." || $0 == "[" }) ?? afterRoot.endIndex
        let part = String(afterRoot[..<partEnd])
        let rest = String(afterRoot[partEnd...])
        switch part {
        case "body":
            let path = "$" + rest
            try RuleCodingSupport.checkPathExpression(path, at: keyPath)
            return (.body, path)
        case "header", "headers", "query":
            let category: RuleCategoryName = part == "query" ? .query : .header
            guard let name = v2Name(rest), !name.isEmpty else {
                throw PactError(jsonPath: keyPath, reason: "V2 matcher key '\(key)' does not name a \(part == "query" ? "query parameter" : "header")")
            }
            return (category, name)
        case "path", "status", "method":
            guard rest.isEmpty else {
                throw PactError(jsonPath: keyPath, reason: "V2 matcher key '\(key)' has a sub-path after '\(part)'")
            }
            return (RuleCategoryName(rawValue: part) ?? .path, "")
        default:
            return nil
        }
    }

    /// The name in `.Name` or `['Name']` (quotes `'` or `"`).
    private static func v2Name(_ rest: String) -> String? {
        if rest.hasPrefix(".") { return String(rest.dropFirst()) }
        for quote in ["'", "\""] where rest.hasPrefix("[\(quote)") && rest.hasSuffix("\(quote)]") && rest.count >= 4 {
            return String(rest.dropFirst(2).dropLast(2))
        }
        return nil
    }
}
