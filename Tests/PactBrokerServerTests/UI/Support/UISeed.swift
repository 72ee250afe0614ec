import Foundation
import PactBrokerServer
import PactModel

/// The data the page tests and the screenshots render: a broker with integrations in every verification state, a
/// V4 pact with HTTP and message interactions, a matrix and a network.
enum UISeed {
    /// The tests' clock: Monday 7 December 2026, 10:00 UTC.
    static let now = date("2026-12-07T10:00:00Z")

    static func date(_ iso: String) -> Date {
        guard let date = ISO8601DateFormatter().date(from: iso) else { fatalError("bad test date \(iso)") }
        return date
    }

    /// `now` minus the given time.
    static func ago(days: Double = 0, hours: Double = 0, minutes: Double = 0) -> Date {
        now.addingTimeInterval(-(days * 86400 + hours * 3600 + minutes * 60))
    }

    static func pages() throws -> BrokerPages { try BrokerPages(now: { now }) }

    /// A name no page may render as markup.
    static let hostileName = #"<img src=x onerror="console.error('xss')">"#

    static let indexRows: [IndexPageRow] = [
        IndexPageRow(
            consumer: "web-app", provider: "orders-api", latestPactPublishedAt: ago(days: 3), latestPactBranch: "main",
            lastVerification: IndexPageVerification(status: .success, verifiedAt: ago(days: 2), providerVersion: "4f2a9c1"),
            webhook: IndexPageWebhook(status: .success, lastExecutedAt: ago(days: 3))),
        IndexPageRow(
            consumer: "mobile-app", provider: "orders-api", latestPactPublishedAt: ago(hours: 5), latestPactBranch: "main",
            lastVerification: IndexPageVerification(
                status: .stale, verifiedAt: ago(days: 6), providerVersion: "9b7e31d2c4a8f0e5")),
        IndexPageRow(
            consumer: "web-app", provider: "payments", latestPactPublishedAt: ago(minutes: 40),
            lastVerification: IndexPageVerification(status: .failed, verifiedAt: ago(minutes: 20), providerVersion: "1.8.0"),
            webhook: IndexPageWebhook(status: .retrying)),
        IndexPageRow(
            consumer: "checkout", provider: "payments", latestPactPublishedAt: ago(days: 45), latestPactTag: "prod",
            lastVerification: IndexPageVerification(
                status: .failedPending, verifiedAt: ago(days: 40), providerVersion: "1.9.0-rc1")),
        IndexPageRow(
            consumer: "orders-api", provider: "inventory", latestPactPublishedAt: ago(days: 400),
            webhook: IndexPageWebhook(status: .none)),
        IndexPageRow(consumer: hostileName, provider: "audit-log", latestPactPublishedAt: ago(days: 1)),
    ]

    static let matrixRows: [MatrixPageRow] = [
        MatrixPageRow(
            consumerVersion: "a1b2c3d", consumerVersionBranch: "main", pactPublishedAt: ago(days: 3),
            verification: MatrixPageVerification(
                providerVersion: "4f2a9c1", providerVersionBranch: "main", success: true, verifiedAt: ago(days: 2))),
        MatrixPageRow(
            consumerVersion: "0ff1ce5", consumerVersionBranch: "feat/refunds", pactPublishedAt: ago(days: 5),
            verification: MatrixPageVerification(providerVersion: "4f2a9c1", success: false, verifiedAt: ago(days: 4))),
        MatrixPageRow(consumerVersion: "<b>bold</b>", pactPublishedAt: ago(days: 9)),
    ]

    static let network = PacticipantPageModel(name: "orders-api", dependencies: [
        NetworkDependency(consumer: "web-app", provider: "orders-api"),
        NetworkDependency(consumer: "mobile-app", provider: "orders-api"),
        NetworkDependency(consumer: "orders-api", provider: "inventory"),
        NetworkDependency(consumer: "orders-api", provider: "payments"),
        NetworkDependency(consumer: "inventory", provider: "warehouse"),
        NetworkDependency(consumer: "web-app", provider: "payments"),
        NetworkDependency(consumer: hostileName, provider: "orders-api"),
    ], mainBranch: "main", latestVersion: "4f2a9c1")

    /// A V4 pact with an HTTP interaction (provider state with params, query, headers, JSON bodies, matching rules,
    /// generators), a message and a synchronous message exchange.
    static let pactJSON = #"""
    {
      "consumer": {"name": "web-app"},
      "provider": {"name": "orders-api"},
      "interactions": [
        {
          "type": "Synchronous/HTTP",
          "description": "a request for order 42",
          "providerStates": [{"name": "order 42 exists", "params": {"id": 42, "status": "shipped"}}],
          "request": {
            "method": "GET",
            "path": "/orders/42",
            "query": {"expand": ["items"], "currency": ["EUR"]},
            "headers": {"Accept": ["application/json"]}
          },
          "response": {
            "status": 200,
            "headers": {"Content-Type": ["application/json"]},
            "body": {"content": {"id": 42, "status": "shipped", "items": [{"sku": "A-1", "qty": 2}],
                                 "note": "<script>alert(1)</script>"},
                     "contentType": "application/json", "encoded": false},
            "matchingRules": {
              "body": {
                "$.id": {"combine": "AND", "matchers": [{"match": "integer"}]},
                "$.status": {"combine": "AND", "matchers": [{"match": "regex", "regex": "^(pending|shipped)$"}]},
                "$.items": {"combine": "AND", "matchers": [{"match": "type", "min": 1}]}
              }
            },
            "generators": {"body": {"$.id": {"type": "RandomInt", "min": 1, "max": 1000}}}
          }
        },
        {
          "type": "Asynchronous/Messages",
          "description": "an order shipped event",
          "providerStates": [{"name": "order 42 is shipped"}],
          "contents": {"content": {"orderId": 42, "event": "shipped"}, "contentType": "application/json", "encoded": false},
          "metadata": {"topic": "orders", "contentType": "application/json"},
          "matchingRules": {"content": {"$.orderId": {"combine": "AND", "matchers": [{"match": "integer"}]}}}
        },
        {
          "type": "Synchronous/Messages",
          "description": "a stock check",
          "pending": true,
          "request": {"contents": {"content": "sku=A-1", "contentType": "text/plain", "encoded": false}},
          "response": [{"contents": {"content": {"inStock": true}, "contentType": "application/json", "encoded": false}}]
        }
      ],
      "metadata": {"pactSpecification": {"version": "4.0"}, "pactRust": {"models": "1.2.0"}}
    }
    """#

    static func pact() throws -> Pact { try PactReader.read(data: Data(pactJSON.utf8), file: "seed-pact.json") }

    static let pactInfo = PactPageInfo(consumerVersion: "a1b2c3d", publishedAt: ago(days: 3))
}
