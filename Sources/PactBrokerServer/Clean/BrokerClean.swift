import Foundation

/// `pactkit broker clean`: pact_broker's incremental clean (`db/clean_incremental.rb`). Deletes the oldest versions
/// that no keep selector matches, at most `limit` per run, with their tags, branch memberships, pact publications,
/// the verifications they made as providers and their deployments; then the pact contents nothing refers to any more.
/// Before the versions it deletes stale branches (pact_broker's `delete_stale_branches`): those no branch selector
/// keeps and that are not their pacticipant's main branch, at most `branchLimit`, least recently updated first, with
/// their branch memberships (not their versions).
public struct BrokerClean: Sendable {
    /// One version the clean deletes (or, in a dry run, would delete).
    public struct Doomed: Sendable, Hashable {
        public var pacticipant: String
        public var number: String
        public var createdAt: Date
    }

    /// One stale branch the clean deletes (or, in a dry run, would delete).
    public struct DoomedBranch: Sendable, Hashable {
        public var pacticipant: String
        public var name: String
        public var updatedAt: Date
    }

    /// What a clean did or would do.
    public struct Report: Sendable {
        public var keep: [CleanKeepSelector]
        public var totalVersions: Int
        public var versionsToKeep: Int
        /// The versions deleted (or to delete), oldest first.
        public var deleted: [Doomed]
        /// Pact contents deleted because no publication or verification refers to them (0 in a dry run).
        public var orphanPactContentsDeleted: Int
        public var dryRun: Bool
        /// The branch selectors; nil when stale branch cleanup is off.
        public var keepBranches: [CleanBranchSelector]?
        public var totalBranches: Int
        /// The stale branches deleted (or to delete), least recently updated first.
        public var deletedBranches: [DoomedBranch]
    }

    public var keep: [CleanKeepSelector]
    public var limit: Int
    public var dryRun: Bool
    /// nil or empty: delete no branches (pact_broker's `keep_branches: nil` or `[]`).
    public var keepBranches: [CleanBranchSelector]?
    public var branchLimit: Int

    /// `keep` empty means `CleanKeepSelector.defaults`. As pact_broker's clean task, `{"deployed":true}` and
    /// `{"released":true}` are added when no selector keeps deployed or released versions.
    /// `keepBranches` defaults to `CleanBranchSelector.defaults` and `branchLimit` to `limit`, as in pact_broker.
    public init(keep: [CleanKeepSelector] = [], limit: Int = 1000, dryRun: Bool = false,
                keepBranches: [CleanBranchSelector]? = CleanBranchSelector.defaults, branchLimit: Int? = nil) {
        var selectors = keep.isEmpty ? CleanKeepSelector.defaults : keep
        if !selectors.contains(where: \.deployed) { selectors.append(CleanKeepSelector(deployed: true)) }
        if !selectors.contains(where: \.released) { selectors.append(CleanKeepSelector(released: true)) }
        self.keep = selectors
        self.limit = limit
        self.dryRun = dryRun
        self.keepBranches = keepBranches?.isEmpty == true ? nil : keepBranches
        self.branchLimit = branchLimit ?? limit
    }

    /// Runs the clean in one write transaction (a dry run changes nothing).
    public func run(_ store: any BrokerStore, now: Date = Date()) async throws -> Report {
        try await store.write { tx in try await run(tx, now: now) }
    }

    private func run(_ tx: any BrokerStoreTransaction, now: Date) async throws -> Report {
        for name in Set(keep.compactMap(\.environment)) where try await tx.environment(named: name) == nil {
            throw CleanError("--keep: no environment named \(name)")
        }
        // Stale branches go first, as in pact_broker, so a version kept only as the latest of one is not kept.
        let branches = try await tx.branchesForClean()
        let staleBranches = keepBranches.map { selectors in
            branches.filter { b in !b.isMain && !selectors.contains { $0.keeps(b, now: now) } }.prefix(max(branchLimit, 0))
        } ?? []
        if !dryRun { for branch in staleBranches { try await tx.deleteBranch(id: branch.id) } }
        var total = 0, kept = 0
        var candidates: [(VersionRecord, String)] = []
        for pacticipant in try await tx.pacticipants() {
            let versions = try await tx.versions(pacticipantID: pacticipant.id, limit: Int.max)  // newest first
            total += versions.count
            let keepIDs = try await keptVersionIDs(tx, pacticipant, versions, now: now)
            kept += keepIDs.count
            candidates += versions.filter { !keepIDs.contains($0.id) }.map { ($0, pacticipant.name) }
        }
        let doomed = candidates.sorted { $0.0.order < $1.0.order }.prefix(max(limit, 0))
        var orphans = 0
        if !dryRun {
            for (version, _) in doomed { try await tx.deleteVersion(id: version.id) }
            orphans = try await tx.deleteOrphanPactContents()
        }
        return Report(keep: keep, totalVersions: total, versionsToKeep: kept,
                      deleted: doomed.map { Doomed(pacticipant: $0.1, number: $0.0.number, createdAt: $0.0.createdAt) },
                      orphanPactContentsDeleted: orphans, dryRun: dryRun, keepBranches: keepBranches,
                      totalBranches: branches.count,
                      deletedBranches: staleBranches.map { DoomedBranch(pacticipant: $0.pacticipant, name: $0.name, updatedAt: $0.updatedAt) })
    }

    /// The ids of the pacticipant's versions (`versions`, newest first) that some selector keeps.
    private func keptVersionIDs(
        _ tx: any BrokerStoreTransaction, _ p: PacticipantRecord, _ versions: [VersionRecord], now: Date
    ) async throws -> Set<RowID> {
        var tagCache: [RowID: [String]] = [:], branchCache: [RowID: [String]] = [:]
        func tags(_ v: VersionRecord) async throws -> [String] {
            if let cached = tagCache[v.id] { return cached }
            let names = try await tx.tagNames(versionID: v.id)
            tagCache[v.id] = names
            return names
        }
        func branches(_ v: VersionRecord) async throws -> [String] {
            if let cached = branchCache[v.id] { return cached }
            let names = try await tx.branchNames(versionID: v.id)
            branchCache[v.id] = names
            return names
        }
        var keepIDs: Set<RowID> = []
        for s in keep where s.pacticipant == nil || s.pacticipant == p.name {
            if s.mainBranch && p.mainBranch == nil { continue }
            // Deployments and releases that count: current ones, in the environment when one is named.
            var current: Set<RowID>?
            if s.deployed || s.released || s.environment != nil {
                let environmentID = try await s.environment.asyncFlatMap { try await tx.environment(named: $0)?.id }
                var ids: Set<RowID> = []
                let both = !s.deployed && !s.released
                if s.deployed || both {
                    ids.formUnion(try await tx.currentlyDeployed(environmentID: environmentID, pacticipantID: p.id).map(\.versionID))
                }
                if s.released || both {
                    ids.formUnion(try await tx.currentlySupported(environmentID: environmentID, pacticipantID: p.id).map(\.versionID))
                }
                current = ids
            }
            let cutoff = s.maxAge.map { now.addingTimeInterval(-Double($0) * 86_400) }
            var seenGroups: Set<String> = []
            for v in versions {
                if let current, !current.contains(v.id) { continue }
                if let cutoff, v.createdAt < cutoff { continue }
                var groups = [""]
                switch s.tag {
                case .named(let name)?: if try await !tags(v).contains(name) { continue }
                case .any?:
                    let names = try await tags(v)
                    if names.isEmpty { continue }
                    groups = names.map { "t:" + $0 }
                case nil: break
                }
                if s.mainBranch, let main = p.mainBranch, try await !branches(v).contains(main) { continue }
                switch s.branch {
                case .named(let name)?: if try await !branches(v).contains(name) { continue }
                case .any?:
                    let names = try await branches(v)
                    if names.isEmpty { continue }
                    groups = groups.flatMap { g in names.map { g + "|b:" + $0 } }
                case nil: break
                }
                if s.latest {
                    // Versions come newest first: the first match of each group is its latest.
                    let fresh = groups.filter { !seenGroups.contains($0) }
                    if fresh.isEmpty { continue }
                    seenGroups.formUnion(fresh)
                }
                keepIDs.insert(v.id)
            }
        }
        return keepIDs
    }
}
