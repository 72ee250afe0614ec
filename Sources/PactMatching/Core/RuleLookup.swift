import PactModel

/// Finds the rules of name-keyed categories (query, header, metadata) and single-value ones (path, status).
enum RuleLookup {
    /// The rules of a single-value category: the entry under "" (or `$`), else the only entry.
    static func single(_ category: [String: RuleList]) -> RuleList? {
        if let list = category[""] ?? category["$"], !list.isEmpty { return list }
        if category.count == 1, let list = category.first?.value, !list.isEmpty { return list }
        return nil
    }

    /// The rules for `name`: keyed by the name itself, or by a path naming it (`$.name`, `$['name']`), ignoring the
    /// name's case when `caseInsensitive` (header names).
    static func named(_ name: String, in category: [String: RuleList], caseInsensitive: Bool = false) -> RuleList? {
        if category.isEmpty { return nil }
        if let list = category[name], !list.isEmpty { return list }
        let wanted = caseInsensitive ? name.lowercased() : name
        for key in category.keys.sorted() {
            guard let list = category[key], !list.isEmpty else { continue }
            var candidate = key
            if key.hasPrefix("$"), let expression = try? PathExpression(parsing: key),
                expression.tokens.count == 2, case .field(let field) = expression.tokens[1]
            {
                candidate = field
            }
            if (caseInsensitive ? candidate.lowercased() : candidate) == wanted { return list }
        }
        return nil
    }
}
