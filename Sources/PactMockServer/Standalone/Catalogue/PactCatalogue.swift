import PactMatching
import PactModel

/// One pact file as served.
public struct PactSummary: Sendable, Hashable {
    /// The pact file, as given on the command line.
    public var file: String
    /// The consumer named in the pact.
    public var consumer: String
    /// The provider named in the pact.
    public var provider: String
    /// The version the pact's interactions are matched by.
    public var specVersion: PactSpecVersion
    /// HTTP interactions served from the file.
    public var interactionCount: Int
    /// Message interactions in the file, which are not served.
    public var skippedMessages: Int
}

/// An interaction ready to answer requests. A class: requests read it from the catalogue's array, and a reference
/// costs one retain where a struct of this size would cost a dozen.
final class CatalogueEntry: Sendable {
    let summary: InteractionSummary
    let interaction: HTTPInteraction
    /// The rules the interaction's requests are matched by: its pact's version.
    let version: PactSpecVersion
    let template: ResponseTemplate
    /// Among several full matches the most specific wins: exact paths, expected headers, query parameters and
    /// bodies count for it, matching rules (which loosen) against it.
    let specificity: Int
    /// A provider state matches the `--provider-state` default.
    let preferred: Bool

    init(summary: InteractionSummary, interaction: HTTPInteraction, version: PactSpecVersion, template: ResponseTemplate,
         specificity: Int, preferred: Bool) {
        self.summary = summary
        self.interaction = interaction
        self.version = version
        self.template = template
        self.specificity = specificity
        self.preferred = preferred
    }
}

/// Everything a standalone mock serves, immutable once built: interactions of every pact in serving order, with the
/// indexes that find candidates for a request. A reload builds a new catalogue and swaps it in whole.
public final class PactCatalogue: Sendable {
    /// The pact files, in serving order.
    public let pacts: [PactSummary]
    /// Things worth knowing that do not stop serving (skipped message interactions, unreachable paths).
    public let warnings: [String]
    let entries: [CatalogueEntry]
    let index: CatalogueIndex
    let nearest: NearestPathIndex
    /// Matches already made against this catalogue.
    let memo: MatchMemo

    private init(pacts: [PactSummary], warnings: [String], entries: [CatalogueEntry]) {
        self.pacts = pacts
        self.warnings = warnings
        self.entries = entries
        index = CatalogueIndex(entries.map(\.interaction.request))
        nearest = NearestPathIndex(paths: entries.map(\.interaction.request.path))
        var headerNames: Set<String> = ["content-type"]
        for entry in entries { headerNames.formUnion(entry.interaction.request.headers.keys.map { $0.lowercased() }) }
        memo = MatchMemo(headerNames: headerNames.sorted())
    }

    /// The interactions, in serving order.
    public var interactions: [InteractionSummary] { entries.map(\.summary) }

    /// How many interactions are served.
    public var count: Int { entries.count }

    /// Builds the catalogue of `pacts`, in order. Throws `.collision` when interactions of different providers can
    /// answer the same request.
    /// - Parameter preferredState: the `--provider-state` default; interactions with a matching state win ties.
    public static func build(
        _ pacts: [LoadedPact], preferredState: ProviderStatePattern? = nil
    ) throws(StandaloneLoadError) -> PactCatalogue {
        var entries: [CatalogueEntry] = []
        var summaries: [PactSummary] = []
        var warnings: [String] = []
        var firstOrdinal: [String: Int] = [:]
        for pact in pacts {
            summaries.append(PactSummary(file: pact.file, consumer: pact.consumer, provider: pact.provider,
                                         specVersion: pact.specVersion, interactionCount: pact.interactions.count,
                                         skippedMessages: pact.skippedMessages))
            if pact.skippedMessages > 0 {
                let names = pact.skippedMessageDescriptions.map { "'\($0)'" }.joined(separator: ", ")
                warnings.append("\(pact.file): \(pact.skippedMessages) message interaction(s) skipped"
                    + (names.isEmpty ? "" : " (\(names))") + "; "
                    + "a mock HTTP provider serves HTTP interactions only")
            }
            for (position, interaction) in pact.interactions.enumerated() {
                let states = interaction.info.providerStates.map(\.name)
                let identity = InteractionSummary.identity(
                    file: pact.file, consumer: pact.consumer, provider: pact.provider,
                    description: interaction.info.description, providerStates: states)
                let canonical = firstOrdinal[identity] ?? entries.count
                firstOrdinal[identity] = canonical
                let summary = InteractionSummary(
                    ordinal: entries.count, description: interaction.info.description, providerStates: states,
                    consumer: pact.consumer, provider: pact.provider, file: pact.file, indexInFile: position,
                    method: interaction.request.method.uppercased(), path: interaction.request.path,
                    canonicalOrdinal: canonical)
                if summary.path.hasPrefix(AdminAPI.prefix) {
                    warnings.append("\(pact.file): interaction \(summary.label) uses the reserved path prefix "
                        + "\(AdminAPI.prefix) and can never be reached")
                }
                entries.append(CatalogueEntry(
                    summary: summary, interaction: interaction, version: pact.specVersion,
                    template: ResponseTemplate(interaction), specificity: specificity(interaction.request),
                    preferred: preferredState.map { pattern in states.contains(where: pattern.matches) } ?? false))
            }
        }
        let catalogue = PactCatalogue(pacts: summaries, warnings: warnings, entries: entries)
        if let collision = catalogue.firstProviderCollision() { throw .collision(collision) }
        return catalogue
    }

    private static func specificity(_ request: HTTPRequest) -> Int {
        var score = CatalogueIndex.pathRules(request.matchingRules) == nil ? 8 : 0
        score += 2 * (request.query?.count ?? 0) + 2 * request.headers.count
        if !request.body.isMissing { score += 2 }
        for category in [RuleCategoryName.query, .header, .body] { score -= request.matchingRules[category].count }
        return score
    }

    /// The first pair of interactions of different providers where one's example request would be answered by the
    /// other (same method, the path accepted, and query, headers and body matching under its rules). Only
    /// interactions the index offers for each example are compared, so a one-provider catalogue costs nothing.
    func firstProviderCollision() -> ProviderCollision? {
        guard let firstProvider = entries.first?.summary.provider,
              entries.contains(where: { $0.summary.provider != firstProvider })
        else { return nil }
        for (position, entry) in entries.enumerated() {
            let request = entry.interaction.request
            for other in index.candidates(method: request.method, path: request.path) where other != position {
                let candidate = entries[other]
                guard candidate.summary.provider != entry.summary.provider else { continue }
                let mismatches = RequestMatching.match(expected: candidate.interaction.request, actual: request,
                                                       version: candidate.version)
                if mismatches.isEmpty {
                    let (first, second) = position < other ? (entry, candidate) : (candidate, entry)
                    return ProviderCollision(first: first.summary, second: second.summary)
                }
            }
        }
        return nil
    }
}
