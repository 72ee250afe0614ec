import PactModel

/// One consumer version selector of a pacts-for-verification request, validated and normalised as pact_broker's
/// `consumer_version_selector_contract.rb` and `pacts_for_verification_query_decorator.rb` do.
struct ConsumerVersionSelector: Sendable, Hashable {
    var consumer: String?
    var tag: String?
    var fallbackTag: String?
    var latest: Bool?
    var branch: String?
    var fallbackBranch: String?
    var mainBranch = false
    var matchingBranch = false
    var environment: String?
    var deployed = false
    var released = false

    /// Validation messages for the selector at `index`, worded as pact_broker's.
    static func parse(_ json: JSONValue, index: Int, providerBranch: String?) -> (selectors: [ConsumerVersionSelector], errors: [String]) {
        guard let object = json.objectValue else { return ([], ["consumerVersionSelectors[\(index)] must be an object"]) }
        func bool(_ key: String) -> Bool? {
            if let b = object[key]?.boolValue { return b }
            if let s = object[key]?.stringValue { return s == "true" ? true : s == "false" ? false : nil }
            return nil
        }
        func text(_ key: String) -> String? { object[key]?.stringValue }
        var s = ConsumerVersionSelector()
        s.consumer = text("consumer")
        s.tag = text("tag")
        s.fallbackTag = text("fallbackTag")
        s.latest = bool("latest")
        s.branch = text("branch")
        s.fallbackBranch = text("fallbackBranch")
        s.mainBranch = bool("mainBranch") ?? false
        s.matchingBranch = bool("matchingBranch") ?? false
        s.environment = text("environment")
        s.deployed = bool("deployed") ?? false
        s.released = bool("released") ?? false
        let deployedOrReleased = bool("deployedOrReleased") ?? false
        let prefix = "consumerVersionSelectors[\(index)]: "
        var errors: [String] = []
        let hasBranchKeys = s.latest != nil || s.tag != nil || s.fallbackTag != nil || s.branch != nil || s.fallbackBranch != nil
            || s.matchingBranch || s.mainBranch
        let hasEnvironmentKeys = s.environment != nil || s.deployed || s.released || deployedOrReleased
        if !(s.mainBranch || s.tag != nil || s.branch != nil || s.environment != nil || s.matchingBranch || s.deployed
             || s.released || deployedOrReleased || s.latest == true) {
            errors.append(prefix + "must specify a value for environment or tag or branch, or specify mainBranch=true, matchingBranch=true, latest=true, deployed=true, released=true or deployedOrReleased=true")
        }
        if s.mainBranch && (s.tag != nil || s.branch != nil || s.fallbackTag != nil || s.fallbackBranch != nil || s.matchingBranch || hasEnvironmentKeys) {
            errors.append(prefix + "cannot specify mainBranch=true with any other criteria apart from consumer")
        }
        if s.mainBranch && s.latest == false { errors.append(prefix + "cannot specify mainBranch=true with latest=false") }
        if s.matchingBranch && (s.tag != nil || s.branch != nil || s.fallbackTag != nil || s.fallbackBranch != nil || s.mainBranch || hasEnvironmentKeys) {
            errors.append(prefix + "cannot specify matchingBranch=true with any other criteria apart from consumer")
        }
        if s.matchingBranch && (providerBranch ?? "").isEmpty {
            errors.append(prefix + "the providerVersionBranch must be specified when the selector matchingBranch=true is used")
        }
        if s.tag != nil && s.branch != nil { errors.append(prefix + "cannot specify both a tag and a branch") }
        if hasBranchKeys && hasEnvironmentKeys {
            errors.append(prefix + "cannot specify a branch or tag related key (latest, tag, fallbackTag, branch, fallbackBranch, matchingBranch, mainBranch) with an environment related key (environment, deployed, released, deployedOrReleased)")
        }
        if s.fallbackTag != nil && s.tag == nil { errors.append(prefix + "a tag must be specified when a fallbackTag is specified") }
        if s.fallbackTag != nil && s.latest != true { errors.append(prefix + "fallbackTag can only be set if latest is true") }
        if s.fallbackBranch != nil && s.branch == nil { errors.append(prefix + "a branch must be specified when a fallbackBranch is specified") }
        if s.fallbackBranch != nil && s.latest == false { errors.append(prefix + "fallbackBranch can only be set if latest is true") }
        if s.branch != nil && s.latest == false { errors.append(prefix + "cannot specify a branch with latest=false") }
        if s.deployed && s.released { errors.append(prefix + "cannot specify both deployed=true and released=true") }
        if s.deployed && deployedOrReleased { errors.append(prefix + "cannot specify both deployed=true and deployedOrReleased=true") }
        if s.released && deployedOrReleased { errors.append(prefix + "cannot specify both released=true and deployedOrReleased=true") }
        guard errors.isEmpty else { return ([], errors) }
        if s.mainBranch || s.branch != nil || s.matchingBranch { s.latest = true }
        if s.matchingBranch {
            s.branch = providerBranch
            s.matchingBranch = false
        }
        if deployedOrReleased {
            var deployed = s, released = s
            deployed.deployed = true
            released.released = true
            return ([deployed, released], [])
        }
        return ([s], [])
    }
}

/// How a selector picked a consumer version, for notices, descriptions and the metadata segment.
struct SelectionReason: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case overallLatest
        case latestForTag(String, fallbackFor: String?)
        case latestForMainBranch(String)
        case latestForBranch(String, fallbackFor: String?)
        case allForTag(String)
        case deployed(String)
        case released(String)
    }

    var kind: Kind
    var consumer: String?
    var consumerVersion: String
    var consumerVersionID: RowID
}
