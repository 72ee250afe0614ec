import PactModel

/// Why a set of pacts cannot be served: a file is missing or malformed, a directory cannot be read, or interactions
/// of different providers would answer the same request.
public enum StandaloneLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A pact file is missing or malformed; the error names the file, the JSON path and the reason.
    case pact(PactError)
    /// A `--dir` that does not exist or cannot be listed.
    case directory(path: String, reason: String)
    /// Two providers' interactions answer the same request.
    case collision(ProviderCollision)

    /// A message naming the file or directory and what is wrong, fit to show the user.
    public var description: String {
        switch self {
        case .pact(let error): error.description
        case .directory(let path, let reason): "\(path): \(reason)"
        case .collision(let collision): collision.description
        }
    }
}

/// Two interactions of different providers that the same request could reach. One port serves one API, so a
/// request must never depend on which provider's pact happened to be read first.
public struct ProviderCollision: Sendable, Hashable, CustomStringConvertible {
    /// The colliding interaction served first.
    public var first: InteractionSummary
    /// The colliding interaction served second.
    public var second: InteractionSummary

    /// Builds a collision between two interactions, in serving order.
    public init(first: InteractionSummary, second: InteractionSummary) {
        self.first = first
        self.second = second
    }

    /// Names both interactions and their pacts, and suggests serving each provider from its own process.
    public var description: String {
        """
        interactions of different providers collide: \(first.method) \(first.path) of '\(first.description)' \
        (provider '\(first.provider)', \(first.file)) and \(second.method) \(second.path) of '\(second.description)' \
        (provider '\(second.provider)', \(second.file)) can both answer the same request. Serve each provider from \
        its own process, e.g. `pactkit mock --file \(first.file) --port 8081` and \
        `pactkit mock --file \(second.file) --port 8082`.
        """
    }
}
