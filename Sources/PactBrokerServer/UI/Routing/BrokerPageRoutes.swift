import Foundation
import PactModel

/// The HTML pages a browser gets (`Accept: text/html`, see `BrokerPageNegotiation`), built from the store:
///
/// - `GET /`: the index of integrations (`?search=…&page=…&pageSize=…`);
/// - `GET /pacts/provider/{p}/consumer/{c}/latest` and `…/version/{v}`: the pact;
/// - `GET /matrix/provider/{p}/consumer/{c}`: the integration's matrix;
/// - `GET /pacticipants/{name}`: the pacticipant and its network graph.
///
/// Any other path is the API's. An unknown pacticipant, version or pact is a 404 page.
struct BrokerPageRoutes: Sendable {
    let store: any BrokerStore
    let pages: BrokerPages

    /// A page's status and HTML.
    struct Page: Sendable {
        var status: Int
        var html: String
    }

    /// The page for a GET of `segments`, or nil when the path has no page. `base` is the broker's base URL, the
    /// pages' links go under it.
    func page(segments s: [String], rawQuery: String?, base: String) async throws -> Page? {
        let pages = pages.linking(under: BrokerPageLinks(base: base))
        if s.isEmpty {
            let query = IndexPageQuery(rawQuery: rawQuery)
            let rows = try await store.read { try await IndexRowsQuery.rows($0, query: query) }
            return Page(status: 200, html: pages.index(rows, query: query))
        }
        if s.matches("pacts", "provider", nil, "consumer", nil, "latest") || s.matches("pacts", "provider", nil, "consumer", nil, "version", nil) {
            let (provider, consumer) = (s[2], s[4])
            let version = s.count == 7 ? s[6] : nil
            guard let found = try await store.read({
                try await PactPageQuery.pact($0, provider: provider, consumer: consumer, consumerVersion: version)
            }) else {
                let what = version.map { "version \($0) of \(consumer)" } ?? consumer
                return notFound(pages, "No pact between \(what) and \(provider) was found.")
            }
            do {
                let pact = try PactReader.read(data: Data(found.content.utf8))
                return Page(status: 200, html: pages.pact(pact, info: found.info))
            } catch {
                return Page(status: 500, html: pages.message(heading: "Server error", "The pact cannot be shown: \(error)"))
            }
        }
        if s.matches("matrix", "provider", nil, "consumer", nil) {
            let (provider, consumer) = (s[2], s[4])
            guard let rows = try await store.read({ try await MatrixRowsQuery.rows($0, consumer: consumer, provider: provider) }) else {
                return notFound(pages, "No integration between \(consumer) and \(provider) was found.")
            }
            return Page(status: 200, html: pages.matrix(consumer: consumer, provider: provider, rows: rows))
        }
        if s.matches("pacticipants", nil) {
            let name = s[1]
            guard let model = try await store.read({ try await PacticipantPageQuery.model($0, name: name) }) else {
                return notFound(pages, "No pacticipant with name '\(name)' found")
            }
            return Page(status: 200, html: pages.pacticipant(model))
        }
        return nil
    }

    private func notFound(_ pages: BrokerPages, _ message: String) -> Page {
        Page(status: 404, html: pages.message(heading: "Not found", message))
    }
}
