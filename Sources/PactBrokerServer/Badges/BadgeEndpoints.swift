import Foundation
import PactModel

/// The badges a README embeds (pact_broker's `Badge`, `CanIDeploy…Badge` resources): the latest pact's
/// verification status and whether a branch's or tag's latest version can be deployed.
extension BrokerAPI {
    /// Answers a path ending in `badge` when it is one of the badge resources; nil otherwise.
    func badgeRoutes(_ r: APIRequest, _ urls: BrokerURLs) async throws -> APIReply? {
        let s = r.segments
        let label = r.queryValue("label").flatMap { $0.isEmpty ? nil : $0 }
        if s.matches("pacts", "provider", nil, "consumer", nil, "latest", "badge")
            || s.matches("pacts", "provider", nil, "consumer", nil, "latest", nil, "badge") {
            try r.allow("GET")
            return try await pactBadge(provider: s[2], consumer: s[4], tag: s.count == 8 ? s[6] : nil,
                                       label: label, initials: r.queryValue("initials") == "true")
        }
        if s.matches("pacticipants", nil, "branches", nil, "latest-version", "can-i-deploy", "to-environment", nil, "badge") {
            try r.allow("GET")
            return try await canIDeployBadge(r, urls, pacticipant: s[1], branch: s[3], tag: nil, to: s[7], label: label)
        }
        if s.matches("pacticipants", nil, "latest-version", nil, "can-i-deploy", "to", nil, "badge") {
            try r.allow("GET")
            return try await canIDeployBadge(r, urls, pacticipant: s[1], branch: nil, tag: s[3], to: s[6], label: label)
        }
        return nil
    }

    private struct PactBadgeFacts: Sendable {
        var latest: PublicationView
        var verification: VerificationRecord?
        var providerVersion: String?
        var pending: Bool
    }

    private func pactBadge(provider: String, consumer: String, tag: String?, label: String?, initials: Bool) async throws -> APIReply {
        let facts = try await store.read { tx -> PactBadgeFacts? in
            guard let p = try await tx.pacticipant(named: provider), let c = try await tx.pacticipant(named: consumer),
                  let latest = try await tx.publications(providerID: p.id, consumerID: c.id,
                                                         scope: tag.map { .latestForTag($0) } ?? .latest).last
            else { return nil }
            guard let verification = try await latestVerification(tx, consumer: c, provider: p, tag: tag) else {
                return PactBadgeFacts(latest: latest, pending: false)
            }
            // pact_broker records whether the pact was pending when the result arrived; PactKit's store does not, so
            // a failure counts as pending while the content has never been verified successfully.
            let pending = try await !tx.hasSuccessfulVerification(pactContentID: verification.pactContentID, .any)
            return PactBadgeFacts(latest: latest, verification: verification,
                                  providerVersion: try await tx.version(id: verification.providerVersionID)?.number, pending: pending)
        }
        let status = facts.flatMap { facts in
            facts.verification.map {
                IndexVerificationStatus(latestPactVersion: "\(facts.latest.content.id)", verifiedPactVersion: "\($0.pactContentID)",
                                        success: $0.success, pactPending: facts.pending)
            }
        }
        let badge = PactBadge.badge(consumer: consumer, provider: provider, found: facts != nil, status: status, label: label, initials: initials)
        // What the badge stands for, as pact_broker's comment before the SVG.
        let comment = "<!-- \(consumer) version \(facts?.latest.consumerVersion.number ?? "?") revision \(facts.map { "\($0.latest.publication.revision)" } ?? "?") "
            + "\(provider) version \(facts?.providerVersion ?? "?") number \(facts?.verification.map { "\($0.number)" } ?? "?") -->\n"
        return Self.svgReply(comment + badge.svg)
    }

    /// The newest verification of any of the integration's pacts from the consumer's last 50 versions (with `tag`, if
    /// given): pact_broker's `find_latest_verification_for(consumer, provider, tag)`.
    private func latestVerification(
        _ tx: any BrokerStoreTransaction, consumer: PacticipantRecord, provider: PacticipantRecord, tag: String?
    ) async throws -> VerificationRecord? {
        var versions = try await tx.versions(pacticipantID: consumer.id, limit: 50)
        if let tag {
            var tagged: [VersionRecord] = []
            for version in versions where try await tx.tagNames(versionID: version.id).contains(tag) { tagged.append(version) }
            versions = tagged
        }
        guard !versions.isEmpty else { return nil }
        let views = try await tx.publications(providerID: provider.id, consumerID: consumer.id, scope: .consumerVersions(versions.map(\.id)))
        var latest: VerificationRecord?
        for contentID in Set(views.map(\.content.id)) {
            for verification in try await tx.verifications(pactContentID: contentID) where verification.id > (latest?.id ?? 0) {
                latest = verification
            }
        }
        return latest
    }

    private func canIDeployBadge(
        _ r: APIRequest, _ urls: BrokerURLs, pacticipant: String, branch: String?, tag: String?, to: String, label: String?
    ) async throws -> APIReply {
        let missing = try await store.read { tx -> (String, String)? in
            guard let p = try await tx.pacticipant(named: pacticipant) else { return ("pacticipant", "not found") }
            if let branch {
                if try await tx.branch(pacticipantID: p.id, name: branch) == nil { return ("branch", "not found") }
                if try await tx.latestVersion(pacticipantID: p.id, tag: nil, branch: branch) == nil { return ("version", "not found") }
                if try await tx.environment(named: to) == nil { return ("environment", "not found") }
            } else if let tag, try await tx.latestVersion(pacticipantID: p.id, tag: tag, branch: nil) == nil {
                return ("version", "not found")
            }
            return nil
        }
        if let (left, right) = missing { return Self.svgReply(PactBadge.error(left, right).svg) }
        var query: [(name: String, value: String)] = [("pacticipant", pacticipant)]
        if let branch { query += [("branch", branch), ("environment", to)] }
        if let tag { query += [("tag", tag), ("latest", "true"), ("to", to)] }
        var matrixRequest = r
        matrixRequest.query = query
        let answer = try await matrix(matrixRequest, urls, canIDeploy: true)
        let deployable = answer.body?["summary"]?["deployable"]?.boolValue == true
        return Self.svgReply(PactBadge.canIDeploy(label: label, from: branch ?? tag ?? "", to: to, deployable: deployable).svg)
    }

    /// An SVG answer that caches nothing, as pact_broker's badges.
    static func svgReply(_ svg: String) -> APIReply {
        var reply = APIReply(status: 200, body: nil, headers: [("Cache-Control", "no-cache")])
        reply.text = svg
        reply.contentType = "image/svg+xml;charset=utf-8"
        return reply
    }
}
