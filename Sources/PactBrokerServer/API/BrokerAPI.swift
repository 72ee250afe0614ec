import Foundation
import PactModel

/// The broker's HTTP API, independent of the HTTP server: it maps an `APIRequest` to an `APIReply`, with the store
/// and a clock.
struct BrokerAPI: Sendable {
    let store: any BrokerStore
    let now: @Sendable () -> Date
    /// Runs webhooks and checks new ones against its policy; nil serves the webhook routes without execution and
    /// fires no events.
    var webhookDispatcher: WebhookDispatcher? = nil

    /// Answers one request; a refused request becomes its `APIError` reply.
    func respond(to request: APIRequest) async -> APIReply {
        do {
            return try await route(request)
        } catch let error as APIError {
            return APIReply(status: error.status, body: error.body)
        } catch let error as BrokerStoreError {
            if case .duplicate = error {
                return APIReply(status: 409, body: ["errors": ["base": [.string(error.description)]]])
            }
            if case .unavailable = error {
                // pact_broker answers a lost database with its error body; 503 says "try again" to clients and
                // load balancers, and nothing of the request was kept.
                return APIReply(status: 503, body: ["error": ["message": .string("Database error: \(error.description)")]])
            }
            return APIReply(status: 500, body: ["error": ["message": .string(error.description)]])
        } catch {
            return APIReply(status: 500, body: ["error": ["message": .string("\(error)")]])
        }
    }

    private func route(_ r: APIRequest) async throws -> APIReply {
        let s = r.segments
        let urls = BrokerURLs(base: r.base)
        if s.isEmpty {
            try r.allow("GET")
            return .ok(IndexResource.json(urls))
        }
        if s.matches("diagnostic", "status", "heartbeat") {
            try r.allow("GET")
            return APIReply(status: 200, body: ["ok": true, "_links": ["self": ["href": .string(r.base + "/diagnostic/status/heartbeat")]]])
        }
        if s.last == "badge", let badge = try await badgeRoutes(r, urls) { return badge }
        switch s[0] {
        case "pacticipants": return try await pacticipantRoutes(r, urls)
        case "contracts" where s.matches("contracts", "publish"):
            try r.allow("POST")
            return try await publishContracts(r, urls)
        case "pacts": return try await pactRoutes(r, urls)
        case "provider-contracts": return try await providerContractRoutes(r, urls)
        case "environments": return try await environmentRoutes(r, urls)
        case "deployed-versions" where s.count == 2: return try await deployedVersion(r, urls, uuid: s[1])
        case "released-versions" where s.count == 2: return try await releasedVersion(r, urls, uuid: s[1])
        case "matrix" where s.count == 1:
            try r.allow("GET")
            return try await matrix(r, urls, canIDeploy: false)
        case "labels" where s.count == 1: return try await labelList(r, urls)
        case "webhooks": return try await webhookRoutes(r, urls)
        case "triggered-webhooks" where s.matches("triggered-webhooks", nil, "logs"):
            try r.allow("GET")
            return try await triggeredWebhookLogs(r, urls, uuid: s[1])
        case "can-i-deploy" where s.count == 1:
            try r.allow("GET")
            return try await matrix(r, urls, canIDeploy: true)
        default: throw APIError.notFound()
        }
    }
}

extension APIRequest {
    /// Throws 405 unless the method is one of `methods`.
    func allow(_ methods: String...) throws(APIError) {
        guard methods.contains(method) else { throw APIError.methodNotAllowed }
    }
}

extension Array where Element == String {
    /// True when the segments are exactly `parts`, nil standing for any one segment.
    func matches(_ parts: String?...) -> Bool {
        guard count == parts.count else { return false }
        return zip(self, parts).allSatisfy { $1 == nil || $0 == $1 }
    }
}
