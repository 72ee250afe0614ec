/// A can-i-deploy question: these pacticipant versions, deployed to an environment (or tagged), together.
public struct CanIDeployQuery: Sendable, Hashable {
    /// One pacticipant and which of its versions.
    public struct Selector: Sendable, Hashable {
        /// The pacticipant's name.
        public var pacticipant: String
        /// An exact version number.
        public var version: String?
        /// The latest version (of `tag` when given).
        public var latest: Bool
        /// With `latest`: the latest version with this tag; alone: every version with it.
        public var tag: String?
        /// The latest version of this branch.
        public var branch: String?
        /// The latest version of the pacticipant's main branch.
        public var mainBranch: Bool

        /// A selector; give a version, `latest` (with an optional tag), a branch or the main branch.
        public init(pacticipant: String, version: String? = nil, latest: Bool = false, tag: String? = nil,
                    branch: String? = nil, mainBranch: Bool = false) {
            self.pacticipant = pacticipant
            self.version = version
            self.latest = latest
            self.tag = tag
            self.branch = branch
            self.mainBranch = mainBranch
        }
    }

    /// The pacticipant versions to deploy, the first being the one asked about.
    public var selectors: [Selector]
    /// The environment to deploy to (recorded deployments).
    public var toEnvironment: String?
    /// The tag the deployment target's versions carry (legacy).
    public var toTag: String?
    /// Pacticipants whose verifications are left out.
    public var ignore: [String]

    /// A query.
    public init(selectors: [Selector], toEnvironment: String? = nil, toTag: String? = nil, ignore: [String] = []) {
        self.selectors = selectors
        self.toEnvironment = toEnvironment
        self.toTag = toTag
        self.ignore = ignore
    }

    /// The simplest question: can this version of this pacticipant go to this environment?
    public init(pacticipant: String, version: String, toEnvironment: String) {
        self.init(selectors: [Selector(pacticipant: pacticipant, version: version)], toEnvironment: toEnvironment)
    }

    /// `/matrix` query items as the pact-broker CLI builds them: selectors in order, `latestby`, then the target.
    var matrixQueryItems: [(String, String)] {
        var items: [(String, String)] = []
        for selector in selectors {
            items.append(("q[][pacticipant]", selector.pacticipant))
            if let version = selector.version { items.append(("q[][version]", version)) }
            if let branch = selector.branch { items.append(("q[][branch]", branch)) }
            if selector.mainBranch { items.append(("q[][mainBranch]", "true")) }
            if selector.latest || selector.branch != nil || selector.mainBranch { items.append(("q[][latest]", "true")) }
            if let tag = selector.tag { items.append(("q[][tag]", tag)) }
        }
        items.append(("latestby", selectors.count == 1 ? "cvp" : "cvpv"))
        if let toEnvironment { items.append(("environment", toEnvironment)) }
        if let toTag { items += [("latest", "true"), ("tag", toTag)] }
        if selectors.count == 1, toEnvironment == nil, toTag == nil { items.append(("latest", "true")) }
        for name in ignore { items.append(("ignore[][pacticipant]", name)) }
        return items
    }
}
