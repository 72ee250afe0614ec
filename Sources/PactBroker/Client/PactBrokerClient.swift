import Foundation
import OutboundHTTP
import PactModel

/// A Pact Broker client: navigates from the index resource by HAL relations, authenticates, retries idempotent
/// calls, and turns every failure into a `BrokerError` carrying the broker's status and error text.
///
/// ```swift
/// let broker = try PactBrokerClient(configuration: BrokerConfiguration(
///     baseURL: URL(string: "https://broker.example.com")!, authentication: .basic(username: "ci", password: secret)))
/// let answer = try await broker.canIDeploy(CanIDeployQuery(pacticipant: "web", version: sha, toEnvironment: "production"))
/// await broker.shutdown()
/// ```
public final class PactBrokerClient: Sendable {
    /// The configuration every call uses.
    public let configuration: BrokerConfiguration
    let http: OutboundHTTPClient

    /// A client; fails when the CA file of `configuration.tls` cannot be read or the base URL is not http(s).
    public init(configuration: BrokerConfiguration) throws(BrokerError) {
        guard let scheme = configuration.baseURL.scheme?.lowercased(), scheme == "http" || scheme == "https",
              configuration.baseURL.host != nil
        else {
            throw BrokerError(kind: .invalidInput,
                              reason: "the Pact Broker URL '\(configuration.baseURL.absoluteString)' is not an http or https URL")
        }
        self.configuration = configuration
        do {
            http = try OutboundHTTPClient(settings: OutboundHTTPClient.Settings(
                timeout: configuration.timeout, maxResponseBodyBytes: 50 * 1024 * 1024, tls: configuration.tls))
        } catch {
            throw BrokerError(kind: .invalidInput, reason: error.reason, target: error.target)
        }
    }

    /// Closes pooled connections; call once when done.
    public func shutdown() async { await http.shutdown() }

    /// The index resource, `GET {baseURL}`.
    public func index() async throws(BrokerError) -> HALResource {
        try await resource(at: configuration.baseURL, what: "the Pact Broker index")
    }

    /// `GET url` as a HAL resource.
    public func resource(at url: URL, what: String) async throws(BrokerError) -> HALResource {
        let response = try await send("GET", url)
        return try Self.hal(response, url: url, what: what)
    }

    /// Sends one call: JSON bodies as `application/json` (or `contentType`), HAL or JSON accepted (or `accept`),
    /// retried with back-off when `idempotent` (GET, PUT, DELETE by default) on connection failures and 5xx/408/429
    /// answers. A non-2xx answer after the retries is thrown as a `BrokerError` with the broker's messages.
    public func send(
        _ method: String, _ url: URL, json body: JSONValue? = nil, contentType: String = "application/json",
        accept: String = "application/hal+json, application/json", idempotent: Bool? = nil
    ) async throws(BrokerError) -> BrokerResponse {
        var headers = [HTTPField(name: "Accept", value: accept),
                       HTTPField(name: "User-Agent", value: "pactkit/\(PactWriter.pactKitVersion)")]
        if let authentication = configuration.authentication {
            headers.append(HTTPField(name: "Authorization", value: authentication.headerValue))
        }
        var bytes: [UInt8]?
        if let body {
            headers.append(HTTPField(name: "Content-Type", value: contentType))
            bytes = Array(JSONWriter.compact(body).utf8)
        }
        let request = OutboundRequest(method: method, url: url, headers: headers, body: bytes)
        let retryable = idempotent ?? ["GET", "HEAD", "PUT", "DELETE"].contains(method)
        let target = "\(method) \(url.absoluteString)"
        var attempt = 0
        while true {
            let outcome: Result<OutboundResponse, OutboundHTTPError>
            do {
                outcome = .success(try await http.send(request))
            } catch {
                outcome = .failure(error)
            }
            let mayRetry = retryable && attempt < configuration.retry.retries
            switch outcome {
            case .success(let response) where (200..<300).contains(response.status):
                return response
            case .success(let response):
                if mayRetry, Self.isRetryable(status: response.status) { break }
                throw BrokerErrorDecoder.error(status: response.status, body: response.body, target: target,
                                               location: response.values(forHeader: "Location").first)
            case .failure(let error):
                if mayRetry, [.unreachable, .connection].contains(error.kind) { break }
                throw BrokerError.transport(error)
            }
            attempt += 1
            do {
                try await Task.sleep(for: configuration.retry.delay(beforeRetry: attempt))
            } catch {
                throw BrokerError(kind: .unreachable, reason: "cancelled while waiting to retry", target: target)
            }
        }
    }

    static func isRetryable(status: Int) -> Bool { status >= 500 || status == 408 || status == 429 }

    /// The response's body as a HAL resource; an HTML page or broken JSON is a `.malformedResponse` saying so.
    static func hal(_ response: BrokerResponse, url: URL, what: String) throws(BrokerError) -> HALResource {
        let target = "GET \(url.absoluteString)"
        let json: JSONValue
        do {
            json = try JSONParser.parse(Data(response.body))
        } catch {
            let text = BrokerErrorDecoder.excerpt(response.body)
            let looksHTML = text.lowercased().contains("<html") || text.lowercased().hasPrefix("<!doctype")
                || response.contentType?.lowercased().contains("html") == true
            let why = looksHTML
                ? "answered with an HTML page instead of HAL JSON (is the URL the Pact Broker's base URL, not a login page or proxy?)"
                : "answered with a body that is not JSON (\(error))"
            throw BrokerError(kind: .malformedResponse, reason: "\(what) \(why)", target: target, status: response.status,
                              body: text)
        }
        guard json.objectValue != nil else {
            throw BrokerError(kind: .malformedResponse, reason: "\(what) is not a JSON object", target: target,
                              status: response.status, body: BrokerErrorDecoder.excerpt(response.body))
        }
        if let links = json["_links"], links.objectValue == nil {
            throw BrokerError(kind: .malformedResponse, reason: "\(what) has '_links' that is not an object", target: target,
                              status: response.status, body: BrokerErrorDecoder.excerpt(response.body))
        }
        return HALResource(json: json, url: url)
    }
}

/// A successful broker answer: the outbound client's complete response.
public typealias BrokerResponse = OutboundResponse

extension OutboundResponse {
    /// The `Content-Type` header, if any.
    public var contentType: String? { values(forHeader: "Content-Type").first }

    /// The body as JSON, or nil when empty or not JSON.
    public var json: JSONValue? { body.isEmpty ? nil : try? JSONParser.parse(Data(body)) }
}
