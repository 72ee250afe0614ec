import Foundation

/// The index page's search and page, from its query string (`?search=orders&page=2&pageSize=50`), as pact_broker's
/// index takes them.
public struct IndexPageQuery: Sendable, Hashable {
    /// Only integrations with a pacticipant whose name contains this, ignoring case; nil or empty for all.
    public var search: String?
    /// The page, from 1.
    public var page: Int
    /// Rows per page (pact_broker's default is 100).
    public var pageSize: Int

    /// The largest page size accepted; a larger one is cut to it.
    public static let maxPageSize = 1000

    /// A query; every integration, first page of 100 by default. Page and size are clamped to at least 1, the size
    /// to at most `maxPageSize`.
    public init(search: String? = nil, page: Int = 1, pageSize: Int = 100) {
        let trimmed = search?.trimmingCharacters(in: .whitespaces)
        self.search = trimmed?.isEmpty == false ? trimmed : nil
        self.page = max(page, 1)
        self.pageSize = min(max(pageSize, 1), IndexPageQuery.maxPageSize)
    }

    /// The query read from a request's raw query string: `search`, `page` and `pageSize`; `+` is a space, as a form
    /// submits it. Unknown parameters are ignored and a page or size that is not a number keeps its default.
    public init(rawQuery: String?) {
        var components = URLComponents()
        components.percentEncodedQuery = rawQuery?.replacingOccurrences(of: "+", with: "%20")
        var search: String?
        var page = 1
        var pageSize = 100
        for item in components.queryItems ?? [] {
            switch item.name {
            case "search": search = item.value
            case "page": page = item.value.flatMap { Int($0) } ?? page
            case "pageSize": pageSize = item.value.flatMap { Int($0) } ?? pageSize
            default: continue
            }
        }
        self.init(search: search, page: page, pageSize: pageSize)
    }

    /// The rows matching the search in the index's order (pact_broker's IndexItem order: consumer, then provider,
    /// ignoring case), the page shown (the last one when `page` is past it), the number of pages and the rows on
    /// the page shown.
    func paging(_ rows: [IndexPageRow]) -> (matching: [IndexPageRow], page: Int, pageCount: Int, shown: ArraySlice<IndexPageRow>) {
        let matching = rows.filter(matches).sorted { lhs, rhs in
            let l = (lhs.consumer.lowercased(), lhs.provider.lowercased(), lhs.consumer, lhs.provider)
            let r = (rhs.consumer.lowercased(), rhs.provider.lowercased(), rhs.consumer, rhs.provider)
            return l < r
        }
        let pageCount = max((matching.count + pageSize - 1) / pageSize, 1)
        let shownPage = min(page, pageCount)
        return (matching, shownPage, pageCount, matching.dropFirst((shownPage - 1) * pageSize).prefix(pageSize))
    }

    /// Whether `row` matches the search.
    func matches(_ row: IndexPageRow) -> Bool {
        guard let search else { return true }
        return row.consumer.range(of: search, options: .caseInsensitive) != nil
            || row.provider.range(of: search, options: .caseInsensitive) != nil
    }
}
