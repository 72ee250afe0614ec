/// The texts of a verifiable pact, worded as pact_broker's `verifiable_pact_messages.rb`.
struct VerifiablePactMessages {
    let pact: BrokerAPI.SelectedPact
    let query: BrokerAPI.VerificationQuery

    private static let readMorePending = "Read more at https://docs.pact.io/go/pending"
    private static let readMoreWIP = "Read more at https://docs.pact.io/go/wip"

    private var consumer: String { pact.view.consumer.name }
    private var provider: String { pact.view.provider.name }
    private var headTags: [String] {
        pact.reasons.compactMap { if case .latestForTag(let tag, _) = $0.kind { tag } else { nil } }
    }
    private var branches: [String] {
        pact.reasons.compactMap {
            switch $0.kind {
            case .latestForBranch(let b, _), .latestForMainBranch(let b): b
            default: nil
            }
        }
    }

    var pactDescription: String {
        let positions = headTags.isEmpty && branches.isEmpty
            ? ["latest"] : headTags.map { "latest with tag \($0)" } + branches.map { "latest from branch \($0)" }
        return "Pact between \(consumer) and \(provider), consumer version \(pact.view.consumerVersion.number), \(positions.joined(separator: ", "))"
    }

    var shortDescription: String {
        pact.reasons.map { reason in
            switch reason.kind {
            case .overallLatest: "latest"
            case .latestForTag(let tag, _): "latest with tag \(tag)"
            case .latestForMainBranch: "latest from main branch"
            case .latestForBranch(let branch, _): "latest from branch \(branch)"
            case .allForTag(let tag): reason.consumer.map { "one of \($0) \(tag)" } ?? "one of \(tag)"
            case .deployed(let env): "deployed to \(env)"
            case .released(let env): "released in \(env)"
            }
        }.joined(separator: ", ")
    }

    func inclusionReason(pactURL: String) -> String {
        if pact.wip {
            let versionText = headTags.count == 1 || branches.count == 1 ? "version" : "versions"
            var parts: [String] = []
            if !branches.isEmpty { parts.append("from \(branches.count == 1 ? "branch" : "branches") \(Self.join(branches))") }
            if !headTags.isEmpty { parts.append("tagged with \(Self.join(headTags))") }
            return "The pact at \(pactURL) is being verified because it is a 'work in progress' pact (ie. it is the pact for the latest \(versionText) of \(consumer) \(parts.joined(separator: " and "))\(sameContentNote) and it has not yet been successfully verified by \(pendingDescription("a")) when the pact's application version was explicitly specified in the consumer version selectors). \(Self.readMoreWIP)"
        }
        let count = pact.reasons.count
        return "The pact at \(pactURL) is being verified because the pact content belongs to \(count == 1 ? "the consumer version" : "the consumer versions") matching the following \(count > 1 ? "criteria" : "criterion"):\n"
            + pact.reasons.map { "    * " + description($0) }.joined(separator: "\n")
    }

    private var sameContentNote: String {
        switch pact.reasons.count {
        case 1: ""
        case 2: " (both have the same content)"
        default: " (all have the same content)"
        }
    }

    private func description(_ reason: SelectionReason) -> String {
        let versionLabel = reason.consumer.map { "version of \($0)" } ?? "version"
        let text: String = switch reason.kind {
        case .overallLatest: "latest version of \(reason.consumer ?? "a consumer") that has a pact with \(provider)"
        case .latestForTag(let tag, let original?): "latest \(versionLabel) tagged '\(tag)' (fallback tag used as no pact was found with tag '\(original)')"
        case .latestForTag(let tag, nil): "latest \(versionLabel) tagged '\(tag)'"
        case .latestForMainBranch(let branch): "latest \(versionLabel) from the main branch '\(branch)'"
        case .latestForBranch(let branch, let original?): "latest \(versionLabel) from branch '\(branch)' (fallback branch used as no pact was found from branch '\(original)')"
        case .latestForBranch(let branch, nil): "latest \(versionLabel) from branch '\(branch)'"
        case .allForTag(let tag): reason.consumer.map { "all \($0) versions tagged '\(tag)'" } ?? "all consumer versions tagged '\(tag)'"
        case .deployed(let env): "\(reason.consumer.map { "version(s) of \($0)" } ?? "consumer version(s)") currently deployed to \(env)"
        case .released(let env): "\(reason.consumer.map { "version(s) of \($0)" } ?? "consumer version(s)") released and supported in \(env)"
        }
        return "\(text) (\(reason.consumerVersion))"
    }

    var pendingReason: String {
        if pact.pending && pact.wip {
            return "This pact is in pending state for this version of \(provider) because it was included as a 'work in progress' pact. If this verification fails, it will not cause the overall build to fail. \(Self.readMorePending)"
        }
        if pact.pending {
            return "This pact is in pending state for this version of \(provider) because a successful verification result for \(pendingDescription("a")) has not yet been published. If this verification fails, it will not cause the overall build to fail. \(Self.readMorePending)"
        }
        let by: String
        if let branch = query.providerBranch {
            by = "a version of \(provider) from branch '\(branch)'"
        } else {
            by = switch query.providerTags.count {
            case 0: provider
            case 1: "a version of \(provider) with tag '\(query.providerTags[0])'"
            default: "a version of \(provider) with tag \(Self.join(query.providerTags))"
            }
        }
        return "This pact has previously been successfully verified by \(by). If this verification fails, it will fail the build. \(Self.readMorePending)"
    }

    func afterVerification(success: Bool, published: Bool) -> String? {
        guard pact.pending else { return nil }
        let these = switch query.providerTags.count {
        case 0: ""
        case 1: "with this tag "
        default: "with these tags "
        }
        switch (success, published) {
        case (true, false):
            return "This pact is still in pending state for \(pendingDescription()) as the successful verification results \(these)have not yet been published."
        case (true, true):
            return "This pact is no longer in pending state for \(pendingDescription()), as a successful verification result \(these)has been published. If a verification for a version of \(provider) \(these)fails in the future, it will fail the build. \(Self.readMorePending)"
        default:
            return "This pact is still in pending state for \(pendingDescription()) as a successful verification result \(these)has not yet been published"
        }
    }

    private func pendingDescription(_ anyOrA: String = "any") -> String {
        if let branch = query.providerBranch { return "\(anyOrA) version of \(provider) from branch '\(branch)'" }
        return switch query.providerTags.count {
        case 0: provider
        case 1: "\(anyOrA) version of \(provider) with tag '\(query.providerTags[0])'"
        default: "\(anyOrA) versions of \(provider) with tag \(Self.join(query.providerTags))"
        }
    }

    /// 'a', 'b' and 'c'.
    static func join(_ words: [String]) -> String {
        let quoted = words.map { "'\($0)'" }
        guard quoted.count > 2 else { return quoted.joined(separator: " and ") }
        return quoted.dropLast(2).joined(separator: ", ") + ", " + quoted.suffix(2).joined(separator: " and ")
    }
}
