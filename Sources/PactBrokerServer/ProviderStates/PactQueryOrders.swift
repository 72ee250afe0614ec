/// The `/matrix` queries of the Pact Broker clients' pacts, in the order the clients wrote them. A verifier replays a
/// pact's query from a map (the Rust verifier sorts it by name, PactKit's groups it by name), which loses the order
/// Rack's `q[]` grouping depends on; pact_broker's own verification puts these queries back in order with a fixed
/// table (`HalRelationProxyApp::QUERY_STRING_REPLACEMENTS`), and so does the test mode, for any order of the same
/// parameters.
enum PactQueryOrders {
    static let originals: [[(name: String, value: String)]] = [
        "q[][pacticipant]=Bar&q[][version]=4.5.6&q[][pacticipant]=Foo&q[][tag]=prod&latestby=cvpv&ignore[][pacticipant]=Foo&ignore[][version]=3.4.5",
        "q[][pacticipant]=Foo&q[][version]=1.2.3&q[][pacticipant]=Bar&q[][version]=4.5.6&latestby=cvpv",
        "q[][pacticipant]=Foo Thing&q[][version]=1.2.3&q[][pacticipant]=Bar&q[][version]=4.5.6&latestby=cvpv",
        "q[][pacticipant]=Foo&q[][version]=1.2.3&q[][pacticipant]=Bar&q[][version]=9.9.9&latestby=cvpv",
        "q[][pacticipant]=Foo&q[][version]=1.2.3&q[][pacticipant]=Bar&q[][latest]=true&q[][tag]=prod&latestby=cvpv",
        "q[][pacticipant]=Foo&q[][version]=1.2.4&q[][pacticipant]=Bar&q[][latest]=true&latestby=cvpv",
    ].map { query in
        query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), String(parts[1]))
        }
    }

    /// The pact's original order when `query` holds exactly one of these queries' parameters; else `query`.
    static func original(_ query: [(name: String, value: String)]) -> [(name: String, value: String)] {
        let key = sortedKey(query)
        return originals.first { $0.count == query.count && sortedKey($0) == key } ?? query
    }

    private static func sortedKey(_ query: [(name: String, value: String)]) -> [String] {
        query.map { $0.name + "=" + $0.value }.sorted()
    }
}
