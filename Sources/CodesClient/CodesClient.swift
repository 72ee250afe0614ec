import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An async client for the OPG codes API (provider `data-lpa-codes`): the calls Use an LPA and Sirius make.
///
/// Every call is a `POST` of JSON to `<baseURL>/v1/<endpoint>` with the headers the real consumers send:
/// `Accept: application/vnd.opg-data.v1+json,application/json`, `Content-Type: application/json`, and, when
/// configured, `Authorization` and `x-amzn-trace-id`. A 200 is decoded into the endpoint's model; 404 throws
/// `CodesClientError.notFound`; any other status throws `.api(status:body:)`.
///
/// ```swift
/// let client = CodesClient(baseURL: URL(string: "https://lpa-codes.example")!, authorization: "Bearer …")
/// let result = try await client.validate(lpa: "700000000047", dob: "1960-06-05", code: "YSR5GNXKXAU3")
/// if result.actor != nil { try await client.markUsed(code: "YSR5GNXKXAU3") }
/// ```
public struct CodesClient: Sendable {
    /// The `Accept` header of every request: the OPG vendor type first, plain JSON as a fallback.
    public static let acceptHeader = "application/vnd.opg-data.v1+json,application/json"
    /// How many entries `createCodes` sends per request unless told otherwise.
    public static let defaultBatchSize = 100

    /// The service root; `/v1/<endpoint>` is appended (a path in it, e.g. behind a gateway, is kept).
    public let baseURL: URL
    /// The `Authorization` header value (a bearer token, or a signature computed by the caller); none when nil.
    public let authorization: String?
    /// The `x-amzn-trace-id` header value that ties the calls to the caller's trace; none when nil.
    public let traceID: String?
    /// Seconds to wait for each answer.
    public let timeout: TimeInterval
    private let session: URLSession

    /// Builds a client for `baseURL`: no `Authorization` or trace header, a 30 s timeout and the shared session
    /// unless told otherwise.
    public init(
        baseURL: URL, authorization: String? = nil, traceID: String? = nil, timeout: TimeInterval = 30,
        session: URLSession = .shared
    ) {
        self.baseURL = baseURL
        self.authorization = authorization
        self.traceID = traceID
        self.timeout = timeout
        self.session = session
    }

    /// The same client sending `traceID` in `x-amzn-trace-id`, for calls made on behalf of another request.
    public func withTraceID(_ traceID: String?) -> CodesClient {
        CodesClient(baseURL: baseURL, authorization: authorization, traceID: traceID, timeout: timeout, session: session)
    }

    /// POSTs `body` to `/v1/<endpoint>` and decodes a 200 answer as `Answer`.
    func post<Answer: Decodable>(
        _ endpoint: String, _ body: some Encodable, as answer: Answer.Type
    ) async throws(CodesClientError) -> Answer {
        let request = try makeRequest(endpoint, body)
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw .transport("POST \(request.url?.absoluteString ?? endpoint): \(error.localizedDescription)")
        }
        guard let http = response as? HTTPURLResponse else {
            throw .transport("POST \(endpoint): the answer is not HTTP")
        }
        let text = String(decoding: data, as: UTF8.self)
        switch http.statusCode {
        case 200: break
        case 404: throw .notFound
        default: throw .api(status: http.statusCode, body: text)
        }
        do {
            return try JSONDecoder().decode(Answer.self, from: data)
        } catch {
            throw .unexpectedResponse(endpoint: endpoint, reason: Self.describe(error), body: text)
        }
    }

    private func makeRequest(_ endpoint: String, _ body: some Encodable) throws(CodesClientError) -> URLRequest {
        var root = baseURL.absoluteString
        while root.hasSuffix("/") { root.removeLast() }
        guard let url = URL(string: root + "/v1/" + endpoint), url.scheme != nil else {
            throw .invalidRequest("'\(baseURL.absoluteString)' is not a usable base URL")
        }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue(Self.acceptHeader, forHTTPHeaderField: "Accept")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let authorization { request.setValue(authorization, forHTTPHeaderField: "Authorization") }
        if let traceID { request.setValue(traceID, forHTTPHeaderField: "x-amzn-trace-id") }
        let encoder = JSONEncoder()
        // Sorted keys and unescaped slashes: the same call always sends the same bytes.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            request.httpBody = try encoder.encode(body)
        } catch {
            throw .invalidRequest("the body for \(endpoint) cannot be encoded: \(error)")
        }
        return request
    }

    /// A decoding error as "what at which key", rather than Foundation's long debug text.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return "$" + keys
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue) is missing"
        case .valueNotFound(_, let context): return "\(path(context)) is null"
        case .typeMismatch(let type, let context): return "\(path(context)) is not \(type)"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
