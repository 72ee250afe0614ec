import Foundation

extension PactBrokerClient {
    /// Asks whether the query's versions can be deployed. One version to an environment or tag uses the index's
    /// `pb:can-i-deploy-pacticipant-version-to-environment` / `…-to-tag`; anything else the matrix (`/matrix` has no
    /// index relation, so its path is the documented fallback, as in the pact-broker CLI).
    public func canIDeploy(_ query: CanIDeployQuery) async throws(BrokerError) -> MatrixAnswer {
        let url = try await canIDeployURL(query)
        let response = try await send("GET", url)
        guard let json = response.json else {
            throw BrokerError(kind: .malformedResponse, reason: "the can-i-deploy answer is not JSON", target: "GET \(url.absoluteString)",
                              status: response.status, body: BrokerErrorDecoder.excerpt(response.body))
        }
        return try MatrixAnswer(json: json)
    }

    /// Asks, and while the answer has unknown results, waits `interval` and asks again, up to `times` more times;
    /// `waiting` is told before the first wait. The last answer counts.
    public func canIDeploy(
        _ query: CanIDeployQuery, retryWhileUnknown times: Int, interval: Duration, waiting: @Sendable (String) -> Void
    ) async throws(BrokerError) -> MatrixAnswer {
        var answer = try await canIDeploy(query)
        guard times > 0, answer.unknownCount > 0 else { return answer }
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        let total = (seconds * Double(times) * 10).rounded() / 10
        waiting("Waiting for \(answer.unknownCount) verification result(s) to be published (maximum of \(Self.text(total)) seconds)")
        for _ in 0..<times where answer.unknownCount > 0 {
            do {
                try await Task.sleep(for: interval)
            } catch {
                break
            }
            answer = try await canIDeploy(query)
        }
        return answer
    }

    private static func text(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    private func canIDeployURL(_ query: CanIDeployQuery) async throws(BrokerError) -> URL {
        if query.selectors.count == 1, let version = query.selectors[0].version, query.ignore.isEmpty {
            let pacticipant = query.selectors[0].pacticipant
            let index = try await index()
            if let environment = query.toEnvironment,
               let link = index.link("pb:can-i-deploy-pacticipant-version-to-environment") {
                return try link.url(["pacticipant": pacticipant, "version": version, "environment": environment])
            }
            if let tag = query.toTag, let link = index.link("pb:can-i-deploy-pacticipant-version-to-tag") {
                return try link.url(["pacticipant": pacticipant, "version": version, "tag": tag])
            }
        }
        let query = query.matrixQueryItems.map { "\(HALLink.encode($0.0))=\(HALLink.encode($0.1))" }.joined(separator: "&")
        guard let url = URL(string: configuration.baseURL.absoluteString + "/matrix?" + query) else {
            throw BrokerError(kind: .invalidInput, reason: "cannot build the matrix URL from \(configuration.baseURL.absoluteString)")
        }
        return url
    }
}
