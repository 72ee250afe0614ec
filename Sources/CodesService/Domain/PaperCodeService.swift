import Foundation

/// The rules for paper verification codes (SPEC.md §2.7–2.9). Each operation is one store transaction.
public struct PaperCodeService: Sendable {
    /// Which code an expire request means.
    public enum Target: Sendable, Hashable {
        case code(String)
        /// The single unexpired code of this actor on this LPA.
        case actor(lpa: String, actor: String)
    }

    let store: any CodeStore
    let clock: any CodeClock
    let generator: CodeGenerator

    /// Builds the service over `store`, reading "now" from `clock` and drawing new codes from `generator`.
    public init(store: any CodeStore, clock: any CodeClock, generator: CodeGenerator) {
        self.store = store
        self.clock = clock
        self.generator = generator
    }

    /// Creates a new code for the actor on the LPA. Every unexpired older code for the pair gets a one-month
    /// `superseded` expiry, unless it already expires sooner.
    public func create(lpa: String, actor: String) async throws -> PaperVerificationCode {
        let now = clock.now()
        let supersededExpiry = ExpiryReason.superseded.expiry(from: now)
        let generator = generator
        return try await store.write { store in
            for existing in try await store.paperCodes(lpa: lpa, actor: actor) where existing.isUnexpired(at: now) {
                if let expiresAt = existing.expiresAt, expiresAt <= supersededExpiry { continue }
                var superseded = existing
                superseded.expiresAt = supersededExpiry
                superseded.expiryReason = .superseded
                superseded.updatedAt = now
                try await store.put(superseded)
            }
            let code = try await generator.unique(generator.paperVerificationCode) { try await store.paperCode($0) != nil }
            let record = PaperVerificationCode(code: code, lpa: lpa, actor: actor, updatedAt: now)
            try await store.insert(record)
            return record
        }
    }

    /// The code as stored, expired or not (the consumer decides what an expiry means); nil when unknown.
    public func find(code: String) async throws -> PaperVerificationCode? {
        try await store.read { store in try await store.paperCode(code) }
    }

    /// Gives the code the expiry `reason` implies, unless it already expires no later: an expiry only ever moves
    /// earlier. Returns the code's expiry afterwards, or nil when no code (or, by actor, not exactly one unexpired
    /// code) matches.
    public func expire(_ target: Target, reason: ExpiryReason) async throws -> Date? {
        let now = clock.now()
        let newExpiry = reason.expiry(from: now)
        return try await store.write { store in
            let found: PaperVerificationCode?
            switch target {
            case .code(let code):
                found = try await store.paperCode(code)
            case .actor(let lpa, let actor):
                let live = try await store.paperCodes(lpa: lpa, actor: actor).filter { $0.isUnexpired(at: now) }
                found = live.count == 1 ? live[0] : nil
            }
            guard var record = found else { return nil }
            if let existing = record.expiresAt, existing <= newExpiry { return existing }
            record.expiresAt = newExpiry
            record.expiryReason = reason
            record.updatedAt = now
            try await store.put(record)
            return newExpiry
        }
    }
}
