/// Failures of the service itself (never of the caller's input); the HTTP layer answers them with 500.
public enum CodesServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every candidate code was already taken.
    case codeGenerationExhausted(attempts: Int)
    /// The store failed; `reason` carries its message.
    case storage(String)

    /// A one-line message for the service log; the caller only sees a generic 500.
    public var description: String {
        switch self {
        case .codeGenerationExhausted(let attempts): "generate code reached max attempts (\(attempts))"
        case .storage(let reason): "storage failure: \(reason)"
        }
    }
}
