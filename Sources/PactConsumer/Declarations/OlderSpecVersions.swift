import PactModel

/// What V1, V1.1 and V2 pacts cannot hold, checked where it is declared so the usage error names the line: those
/// versions hold HTTP interactions only (`oldestSpecVersion`), one provider state without parameters, no generators,
/// and matching rules only in V2, where a place takes one `type` (with `min`/`max`) or `regex` matcher.
extension DeclaredItem {
    /// The oldest Pact version that can hold this kind of interaction: V3 unless the kind says otherwise.
    static var oldestSpecVersion: PactSpecVersion { .v3 }
}

extension DeclaredInteraction {
    /// HTTP interactions exist in every version.
    static var oldestSpecVersion: PactSpecVersion { .v1 }
}

extension PactSpecVersion {
    /// `V1`, `V1.1`, `V2`, `V3` or `V4`, as usage errors name the version a feature needs.
    var majorName: String {
        switch self {
        case .v1: "V1"
        case .v1_1: "V1.1"
        case .v2: "V2"
        case .v3: "V3"
        case .v4: "V4"
        }
    }

    /// The `specVersion:` values from this one on, as advice: `.v4`, `.v3 or .v4`, `.v2, .v3 or .v4`.
    var upgradeSpelling: String {
        let spellings: [PactSpecVersion: String] = [.v1: ".v1", .v1_1: ".v1_1", .v2: ".v2", .v3: ".v3", .v4: ".v4"]
        let names = PactSpecVersion.allCases.filter { $0 >= self }.compactMap { spellings[$0] }
        guard let last = names.last, names.count > 1 else { return names.first ?? ".v4" }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }
}

enum OlderSpecVersions {
    /// The error for the provider state just added to `info` when the pact is V1, V1.1 or V2 and cannot hold it:
    /// a second state, or parameters.
    static func providerStateError(
        _ info: DeclaredInfo, version: PactSpecVersion, at location: PactSourceLocation
    ) -> PactUsageError? {
        guard version < .v3, let state = info.states.last else { return nil }
        let reason: String
        if info.states.count > 1 {
            let names = info.states.map { "'\($0.name)'" }.joined(separator: ", ")
            reason = "a \(version) pact holds one provider state per interaction (providerState), but this one is given "
                + "\(names); several states need Pact V3 or later, use specVersion: .v3 or .v4"
        } else if !state.params.isEmpty {
            reason = "the provider state '\(state.name)' has parameters, which a \(version) pact cannot hold "
                + "(providerState is a name only); parameters need Pact V3 or later, use specVersion: .v3 or .v4"
        } else {
            return nil
        }
        return PactUsageError(location: location, interaction: info.description, reason: reason)
    }

    /// The query string a V1/V1.1/V2 pact writes for `query`, kept as the request's raw query so the interaction
    /// served and matched is the one the file holds (a reader keeps the string of such a pact).
    static func rawQuery(_ query: [QueryParameter]?, version: PactSpecVersion) -> String? {
        guard version < .v3, let query else { return nil }
        return PactWriter.json(for: PactRequest(query: query), version: version)["query"]?.stringValue
    }
}

extension PartCompiler {
    /// For V1/V1.1/V2 pacts, the rules and generators of the part just compiled that the version cannot hold, once
    /// the matchers themselves are known to be right (a matcher needing a later version is reported by the
    /// template compiler at its own line). `part` is "request" or "response".
    mutating func checkOlderVersion(part: String) {
        guard version < .v3, errors.isEmpty else { return }
        if !generators.isEmpty {
            let places = generators.categories.flatMap { category, byName in
                byName.keys.sorted().map { $0.isEmpty ? category.rawValue : "\(category.rawValue) \($0)" }
            }.sorted()
            fail("\(places.joined(separator: ", ")) generates its value (a generator), which a \(version) pact cannot "
                 + "hold; give it an example, or use specVersion: .v3 or .v4", part: part)
        }
        for (category, lists) in rules.categories.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for (name, list) in lists.sorted(by: { $0.key < $1.key }) where !list.isEmpty {
                let place = name.isEmpty ? "\(part) \(category.rawValue)" : "\(part) \(category.rawValue) \(name)"
                if version < .v2 {
                    fail("a \(version) pact cannot hold matchers (\(list.rules.map(\.name).joined(separator: ", "))); "
                         + "they need Pact V2 or later, use specVersion: .v2, .v3 or .v4", part: place)
                } else if list.rules.count > 1 {
                    fail("\(list.rules.map(\.name).joined(separator: " and ")) apply here, but a V2 pact holds one "
                         + "matcher per place; keep one, or use specVersion: .v3 or .v4", part: place)
                } else if let rule = list.rules.first, !rule.fitsPactV2 {
                    fail("the \(rule.name) matcher is not one a V2 pact can hold (type, with min and max, and regex); "
                         + "use specVersion: .v3 or .v4", part: place)
                } else if !category.fitsPactV2 {
                    fail("a V2 pact holds matchers on the path, query, headers and body only; use specVersion: .v3 "
                         + "or .v4", part: place)
                }
            }
        }
    }
}
