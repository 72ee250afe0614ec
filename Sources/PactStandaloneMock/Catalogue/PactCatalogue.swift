import PactMatching
import PactMockServer
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

/// Everything a standalone mock serves, immutable once built: interactions of every pact in serving order, the
/// matching engine over them (provider state, then specificity) and who each interaction is. A reload builds a new
/// catalogue and swaps it in whole.
public final class PactCatalogue: Sendable {
    /// The pact files, in serving order.
    public let pacts: [PactSummary]
    /// Things worth knowing that do not stop serving (skipped message interactions, unreachable paths).
    public let warnings: [String]
    /// Who each interaction is, by ordinal (the engine's index).
    let summaries: [InteractionSummary]
    let engine: MatchingEngine
    /// Matches already made against this catalogue.
    let memo: MatchMemo

    private init(pacts: [PactSummary], warnings: [String], summaries: [InteractionSummary], engine: MatchingEngine) {
        self.pacts = pacts
        self.warnings = warnings
        self.summaries = summaries
        self.engine = engine
        var headerNames: Set<String> = ["content-type"]
        for served in engine.served {
            headerNames.formUnion(served.request.headers.keys.map { $0.lowercased() })
        }
        memo = MatchMemo(headerNames: headerNames.sorted())
    }

    /// The interactions, in serving order.
    public var interactions: [InteractionSummary] { summaries }

    /// How many interactions are served.
    public var count: Int { summaries.count }

    /// Builds the catalogue of `pacts`, in order. Throws `.collision` when interactions of different providers can
    /// answer the same request.
    /// - Parameter preferredState: the `--provider-state` default; interactions with a matching state win ties.
    public static func build(
        _ pacts: [ServedPact], preferredState: ProviderStatePattern? = nil
    ) throws(StandaloneLoadError) -> PactCatalogue {
        var summaries: [InteractionSummary] = []
        var served: [HTTPInteraction] = []
        var versions: [PactSpecVersion] = []
        var pactSummaries: [PactSummary] = []
        var warnings: [String] = []
        var firstOrdinal: [String: Int] = [:]
        for pact in pacts {
            pactSummaries.append(PactSummary(file: pact.file, consumer: pact.consumer, provider: pact.provider,
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
                let canonical = firstOrdinal[identity] ?? summaries.count
                firstOrdinal[identity] = canonical
                let summary = InteractionSummary(
                    ordinal: summaries.count, description: interaction.info.description, providerStates: states,
                    consumer: pact.consumer, provider: pact.provider, file: pact.file, indexInFile: position,
                    method: interaction.request.method.uppercased(), path: interaction.request.path,
                    canonicalOrdinal: canonical)
                if summary.path.hasPrefix(AdminAPI.prefix) {
                    warnings.append("\(pact.file): interaction \(summary.label) uses the reserved path prefix "
                        + "\(AdminAPI.prefix) and can never be reached")
                }
                summaries.append(summary)
                served.append(interaction)
                versions.append(pact.specVersion)
            }
        }
        let engine = MatchingEngine(served, version: { versions[$0] }, policy: .providerStateThenSpecificity,
                                    preferredState: preferredState)
        let catalogue = PactCatalogue(pacts: pactSummaries, warnings: warnings, summaries: summaries, engine: engine)
        if let collision = catalogue.firstProviderCollision() { throw .collision(collision) }
        return catalogue
    }

    /// The first pair of interactions of different providers where one's example request would be answered by the
    /// other (same method, the path accepted, and query, headers and body matching under its rules). Only
    /// interactions the index offers for each example are compared, so a one-provider catalogue costs nothing.
    func firstProviderCollision() -> ProviderCollision? {
        guard let firstProvider = summaries.first?.provider,
              summaries.contains(where: { $0.provider != firstProvider })
        else { return nil }
        for (position, entry) in engine.served.enumerated() {
            let request = entry.request
            for other in engine.index.candidates(method: request.method, path: request.path) where other != position {
                guard summaries[other].provider != summaries[position].provider else { continue }
                let candidate = engine.served[other]
                let mismatches = RequestMatching.match(expected: candidate.request, actual: request,
                                                       version: candidate.version)
                if mismatches.isEmpty {
                    let (first, second) = position < other ? (position, other) : (other, position)
                    return ProviderCollision(first: summaries[first], second: summaries[second])
                }
            }
        }
        return nil
    }
}
