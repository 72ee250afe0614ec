import Foundation

/// The rules for activation codes (SPEC.md §2.2–2.6). Each operation is one store transaction.
public struct ActivationCodeService: Sendable {
    /// One entry of a batch create.
    public struct NewCode: Sendable, Hashable {
        /// The LPA the code is for.
        public var lpa: String
        /// The actor the code is for.
        public var actor: String
        /// The actor's date of birth, `YYYY-MM-DD`; validation must give exactly the same.
        public var dob: String

        /// Builds a create entry for the actor on the LPA.
        public init(lpa: String, actor: String, dob: String) {
            self.lpa = lpa
            self.actor = actor
            self.dob = dob
        }
    }

    /// The outcome of validating a code: the actor when the code is good, and whether that actor also holds an
    /// unexpired paper verification code for the (LPA-store) LPA.
    public struct Validation: Sendable, Hashable {
        /// The code's actor, or nil when the code is not good.
        public var actor: String?
        /// Whether that actor also holds an unexpired paper verification code.
        public var hasPaperVerificationCode: Bool
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

    /// Creates one code per entry, in order, all in one transaction: first every live active code for the entry's
    /// lpa+actor becomes `Superseded`, then a fresh unique code is stored, valid for one year.
    public func create(_ entries: [NewCode]) async throws -> [ActivationCode] {
        let now = clock.now()
        let today = UTC.dateString(now)
        let expiry = Int64(UTC.adding(years: 1, to: now).timeIntervalSince1970.rounded(.down))
        let generator = generator
        return try await store.write { store in
            var created: [ActivationCode] = []
            created.reserveCapacity(entries.count)
            for entry in entries {
                for existing in try await store.activationCodes(lpa: entry.lpa, actor: entry.actor)
                where existing.active && existing.isVisibleByKey(now: now) {
                    var superseded = existing
                    superseded.active = false
                    superseded.status = .superseded
                    superseded.lastUpdatedDate = today
                    try await store.put(superseded)
                }
                // Any stored row blocks a candidate, even an expired one: codes are never silently overwritten.
                let code = try await generator.unique(generator.activationCode) { try await store.activationCode($0) != nil }
                let record = ActivationCode(
                    code: code, lpa: entry.lpa, actor: entry.actor, dob: entry.dob, active: true, status: .generated,
                    generatedDate: today, lastUpdatedDate: today, expiryDate: expiry)
                try await store.insert(record)
                created.append(record)
            }
            return created
        }
    }

    /// A code is good when it exists, has not expired, is active and matches both lpa and dob exactly.
    public func validate(lpa: String, dob: String, code: String) async throws -> Validation {
        let now = clock.now()
        return try await store.read { store in
            guard let record = try await store.activationCode(code), record.isVisibleOnLookup(now: now), record.active,
                  record.dob == dob, record.lpa == lpa
            else { return Validation(actor: nil, hasPaperVerificationCode: false) }
            var hasPaperCode = false
            if record.lpa.hasPrefix("M-") {
                hasPaperCode = try await store.paperCodes(lpa: record.lpa, actor: record.actor).contains { $0.isUnexpired(at: now) }
            }
            return Validation(actor: record.actor, hasPaperVerificationCode: hasPaperCode)
        }
    }

    /// Revokes a live active code; returns how many codes changed (0 or 1).
    public func revoke(code: String) async throws -> Int {
        let now = clock.now()
        return try await store.write { store in
            guard var record = try await store.activationCode(code), record.isVisibleOnLookup(now: now), record.active
            else { return 0 }
            record.active = false
            record.status = .revoked
            record.lastUpdatedDate = UTC.dateString(now)
            try await store.put(record)
            return 1
        }
    }

    /// The generated date of the actor's live active code on the LPA, if there is one.
    public func createdDate(lpa: String, actor: String) async throws -> String? {
        let now = clock.now()
        return try await store.read { store in
            try await store.activationCodes(lpa: lpa, actor: actor)
                .first { $0.active && $0.isVisibleByKey(now: now) }?.generatedDate
        }
    }

    /// Every detail of a code that has not expired, including revoked and superseded ones.
    public func details(code: String) async throws -> ActivationCode? {
        let now = clock.now()
        return try await store.read { store in
            try await store.activationCode(code).flatMap { $0.isVisibleOnLookup(now: now) ? $0 : nil }
        }
    }
}
