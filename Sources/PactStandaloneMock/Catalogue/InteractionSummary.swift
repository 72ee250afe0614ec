import PactModel
import PactMockServer

/// Who an interaction is, for logs, error bodies and the admin API: its description, provider states, the pact it
/// came from and its request line. Immutable and shared, so recording a request costs one reference, not copies.
public final class InteractionSummary: Sendable, Hashable, CustomStringConvertible {
    /// Position in the catalogue (serving order).
    public let ordinal: Int
    /// The interaction's description, as written in the pact.
    public let description: String
    /// The provider-state names, in pact order.
    public let providerStates: [String]
    /// The consumer named in the interaction's pact.
    public let consumer: String
    /// The provider named in the interaction's pact.
    public let provider: String
    /// The pact file, as given on the command line.
    public let file: String
    /// Position among the file's interactions.
    public let indexInFile: Int
    /// The expected method, upper-cased.
    public let method: String
    /// The expected path (an example when the path has a matching rule).
    public let path: String
    /// `'get item 1' given 'item 1 exists'`: built once, as every log line names the interaction.
    public let label: String
    /// Identifies "the same interaction" across reloads: file, description and states (not the position, so
    /// adding an interaction above it does not make it a new one). Built when asked (at start and on reloads), not
    /// kept: a large catalogue would hold a megabyte of them.
    var identity: String {
        Self.identity(file: file, consumer: consumer, provider: provider, description: description,
                      providerStates: providerStates)
    }
    /// The ordinal of the first interaction with the same identity: identical duplicates share one received count.
    let canonicalOrdinal: Int

    /// Builds a summary and its label; `canonicalOrdinal` (the first identical interaction's) defaults to `ordinal`.
    public init(
        ordinal: Int, description: String, providerStates: [String], consumer: String, provider: String, file: String,
        indexInFile: Int, method: String, path: String, canonicalOrdinal: Int? = nil
    ) {
        self.ordinal = ordinal
        self.description = description
        self.providerStates = providerStates
        self.consumer = consumer
        self.provider = provider
        self.file = file
        self.indexInFile = indexInFile
        self.method = method
        self.path = path
        self.canonicalOrdinal = canonicalOrdinal ?? ordinal
        let states = providerStates.map { "'\($0)'" }.joined(separator: " and ")
        label = states.isEmpty ? "'\(description)'" : "'\(description)' given \(states)"
    }

    static func identity(
        file: String, consumer: String, provider: String, description: String, providerStates: [String]
    ) -> String {
        ([file, consumer, provider, description] + providerStates).joined(separator: "\u{1F}")
    }


    /// Same position, identity, request line and place in the file.
    public static func == (lhs: InteractionSummary, rhs: InteractionSummary) -> Bool {
        lhs.ordinal == rhs.ordinal && lhs.identity == rhs.identity && lhs.method == rhs.method && lhs.path == rhs.path
            && lhs.indexInFile == rhs.indexInFile
    }

    /// Hashes the position and identity, which equal summaries share.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ordinal)
        hasher.combine(identity)
    }
}
