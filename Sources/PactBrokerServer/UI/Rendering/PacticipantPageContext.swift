/// The pacticipant page's template context: the network graph's boxes and arrows, and lists of who the pacticipant
/// depends on and who depends on it.
struct PacticipantPageContext {
    struct Node {
        var name: String
        var label: String
        var url: String
        var x: String, y: String, width: String, height: String
        var textX: String, textY: String
        var nodeClass: String
    }
    struct Edge { var consumer: String; var provider: String; var path: String }
    struct Link { var name: String; var url: String; var pactURL: String; var matrixURL: String }

    var name: String
    var title: String
    var mainBranch: String?
    var latestVersion: String?
    var repositoryLink: String?
    var repositoryText: String?
    var hasDetails: Bool
    var width: String
    var height: String
    var nodes: [Node]
    var edges: [Edge]
    var graphSummary: String
    var omitted: String?
    var consumers: [Link]
    var hasConsumers: Bool
    var providers: [Link]
    var hasProviders: Bool

    init(model: PacticipantPageModel, links: BrokerPageLinks) {
        let layout = NetworkGraphLayout(focus: model.name, dependencies: model.dependencies)
        func n(_ value: Double) -> String {
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }
        name = model.name
        title = model.name
        mainBranch = model.mainBranch
        latestVersion = model.latestVersion
        // Escaping keeps a URL inside its attribute, not a `javascript:` URL from running: only web links link.
        if let url = model.repositoryURL {
            let lower = url.lowercased()
            if lower.hasPrefix("https://") || lower.hasPrefix("http://") { repositoryLink = url } else { repositoryText = url }
        }
        hasDetails = model.mainBranch != nil || model.latestVersion != nil || model.repositoryURL != nil
        width = n(layout.width)
        height = n(layout.height)
        nodes = layout.nodes.map { node in
            Node(
                name: node.name, label: NetworkGraphLayout.label(for: node.name), url: links.pacticipant(node.name),
                x: n(node.x), y: n(node.y), width: n(node.width), height: n(node.height),
                textX: n(node.x + node.width / 2), textY: n(node.y + node.height / 2),
                nodeClass: node.isFocus ? "node focus" : "node")
        }
        edges = layout.edges.map { Edge(consumer: $0.consumer, provider: $0.provider, path: $0.path) }
        let nodeCount = layout.nodes.count
        let edgeCount = layout.edges.count
        graphSummary = "Network of \(model.name): \(nodeCount) \(nodeCount == 1 ? "pacticipant" : "pacticipants"), "
            + "\(edgeCount) \(edgeCount == 1 ? "integration" : "integrations")"
        omitted = layout.omitted == 0 ? nil : "\(layout.omitted) more pacticipants are not drawn."
        let direct = Set(model.dependencies)
        consumers = direct.filter { $0.provider == model.name }.map(\.consumer).sorted().map { consumer in
            Link(name: consumer, url: links.pacticipant(consumer),
                 pactURL: links.latestPact(consumer: consumer, provider: model.name),
                 matrixURL: links.matrix(consumer: consumer, provider: model.name))
        }
        hasConsumers = !consumers.isEmpty
        providers = direct.filter { $0.consumer == model.name }.map(\.provider).sorted().map { provider in
            Link(name: provider, url: links.pacticipant(provider),
                 pactURL: links.latestPact(consumer: model.name, provider: provider),
                 matrixURL: links.matrix(consumer: model.name, provider: provider))
        }
        hasProviders = !providers.isEmpty
    }
}
