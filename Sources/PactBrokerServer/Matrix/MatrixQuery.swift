/// A `/matrix` or `/can-i-deploy` query, parsed as pact_broker's `parse_query.rb` does: `q[][key]` parameters
/// start a new selector whenever a key repeats (Rack's nested-query rule), so their order matters.
struct MatrixQuery: Sendable {
    struct Selector: Sendable, Hashable {
        var pacticipant: String?
        var version: String?
        var latest = false
        var tag: String?
        var branch: String?
        var mainBranch = false
        var environment: String?
    }

    var selectors: [Selector] = []
    var ignore: [Selector] = []
    var latestby: String?
    var latest = false
    var tag: String?
    var branch: String?
    var environment: String?
    var mainBranch = false
    var limit = 100
    /// `success[]=true|false|` (or one `success=`): only rows whose verification success is one of these (nil: not
    /// verified), as pact_broker's `apply_success_filter`; nil keeps every row.
    var success: [Bool?]?

    /// Whether the other side of each integration is picked by an option (to a tag, environment, main branch…).
    var infersOthers: Bool { latest || tag != nil || branch != nil || environment != nil || mainBranch }

    init(matrix items: [(name: String, value: String)]) {
        var current: [String: String] = [:]
        var currentIgnore: [String: String] = [:]
        func flush(_ fields: inout [String: String], into list: inout [Selector]) {
            guard !fields.isEmpty else { return }
            list.append(Selector(pacticipant: fields["pacticipant"], version: fields["version"], latest: fields["latest"] == "true",
                                 tag: fields["tag"], branch: fields["branch"], mainBranch: fields["mainBranch"] == "true",
                                 environment: fields["environment"]))
            fields = [:]
        }
        for item in items {
            if item.name.hasPrefix("q[]["), item.name.hasSuffix("]") {
                let key = String(item.name.dropFirst(4).dropLast())
                if current[key] != nil { flush(&current, into: &selectors) }
                current[key] = item.value
            } else if item.name.hasPrefix("ignore[]["), item.name.hasSuffix("]") {
                let key = String(item.name.dropFirst(9).dropLast())
                if currentIgnore[key] != nil { flush(&currentIgnore, into: &ignore) }
                currentIgnore[key] = item.value
            } else {
                switch item.name {
                case "latestby": latestby = item.value.isEmpty ? nil : item.value
                case "latest": latest = item.value == "true"
                case "tag": tag = item.value
                case "branch": branch = item.value
                case "environment": environment = item.value
                case "mainBranch": mainBranch = item.value == "true"
                case "limit": limit = Int(item.value) ?? 100
                case "success", "success[]":
                    // A lone `success=` is one value; `success[]` collects them (parse_query.rb).
                    let value: Bool? = item.value.isEmpty ? nil : item.value == "true"
                    success = item.name == "success" ? [value] : (success ?? []) + [value]
                default: break
                }
            }
        }
        flush(&current, into: &selectors)
        flush(&currentIgnore, into: &ignore)
    }

    /// `GET /can-i-deploy?pacticipant=&version=&to=|environment=&ignore[]=` (`parse_can_i_deploy_query.rb`).
    init(canIDeploy items: [(name: String, value: String)]) {
        func value(_ name: String) -> String? { items.first { $0.name == name }?.value }
        var selector = Selector(pacticipant: value("pacticipant"), version: value("version"))
        selector.tag = value("tag")
        selector.branch = value("branch")
        selector.mainBranch = value("mainBranch") == "true"
        selector.latest = value("latest") == "true" || selector.branch != nil || selector.mainBranch
        selectors = [selector]
        latestby = "cvp"
        if let to = value("to") {
            tag = to
            latest = true
        }
        if let environment = value("environment") {
            self.environment = environment
            latestby = "cvpv"
        }
        var currentIgnore: [String: String] = [:]
        for item in items {
            if item.name == "ignore[]" {
                ignore.append(Selector(pacticipant: item.value))
            } else if item.name.hasPrefix("ignore[]["), item.name.hasSuffix("]") {
                let key = String(item.name.dropFirst(9).dropLast())
                if currentIgnore[key] != nil {
                    ignore.append(Selector(pacticipant: currentIgnore["pacticipant"], version: currentIgnore["version"]))
                    currentIgnore = [:]
                }
                currentIgnore[key] = item.value
            }
        }
        if !currentIgnore.isEmpty {
            ignore.append(Selector(pacticipant: currentIgnore["pacticipant"], version: currentIgnore["version"]))
        }
    }
}
