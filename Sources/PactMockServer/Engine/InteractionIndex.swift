import PactMatching
import PactModel

/// Finds the interactions a request could be meant for without scanning the whole pact: by upper-cased method and
/// exact path, plus the interactions whose path has a matching rule (tried for every request with their method).
struct InteractionIndex: Sendable {
    private struct Key: Hashable, Sendable {
        var method: String
        var path: String
    }

    let interactions: [HTTPInteraction]
    private let byMethodAndPath: [Key: [Int]]
    /// Interactions with a `path` rule, by upper-cased method.
    private let withPathRules: [String: [Int]]

    init(_ interactions: [HTTPInteraction]) {
        self.interactions = interactions
        var exact: [Key: [Int]] = [:]
        var ruled: [String: [Int]] = [:]
        for (index, interaction) in interactions.enumerated() {
            let method = interaction.request.method.uppercased()
            exact[Key(method: method, path: interaction.request.path), default: []].append(index)
            if !interaction.request.matchingRules[.path].isEmpty {
                ruled[method, default: []].append(index)
            }
        }
        self.byMethodAndPath = exact
        self.withPathRules = ruled
    }

    /// Indices, ascending (file order), of the interactions with this method and either this exact path or a path
    /// rule that accepts it.
    func candidates(method: String, path: String) -> [Int] {
        let upper = method.uppercased()
        let exact = byMethodAndPath[Key(method: upper, path: path)] ?? []
        guard let ruled = withPathRules[upper] else { return exact }
        var result = exact
        for index in ruled where !exact.contains(index) {
            let request = interactions[index].request
            if PathMatching.match(expected: request.path, actual: path, rules: request.matchingRules).isEmpty {
                result.append(index)
            }
        }
        return exact.count == result.count ? result : result.sorted()
    }
}
