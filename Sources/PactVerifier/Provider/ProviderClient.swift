import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends requests to the provider over one URLSession, reused for the whole run: ephemeral (no cache, no cookie
/// store), cookies neither stored nor sent, redirects returned as responses rather than followed, and a timeout per
/// request.
final class ProviderClient: Sendable {
    private let session: URLSession
    private let timeout: Duration

    init(timeout: Duration) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = Self.backstopSeconds(timeout)
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
        self.timeout = timeout
    }

    /// Releases the session (it holds its delegate strongly until invalidated).
    func close() {
        session.finishTasksAndInvalidate()
    }

    /// Sends `request` and waits for the whole response, at most the request timeout. The timeout is enforced here
    /// rather than by URLSession because Foundation on Linux rounds timeouts down to whole seconds.
    func send(_ request: URLRequest) async throws(VerificationError) -> ProviderResponse {
        var prepared = request
        prepared.timeoutInterval = Self.backstopSeconds(timeout)
        let request = prepared
        let target = "\(request.httpMethod ?? "GET") \(request.url?.absoluteString ?? "?")"
        let outcome = await withTaskGroup(of: Outcome.self) { [session, timeout] group in
            group.addTask {
                do {
                    let (data, response) = try await session.data(for: request)
                    guard let http = response as? HTTPURLResponse else {
                        return .failed(VerificationError(kind: .transport, message: "\(target): the answer is not an HTTP response"))
                    }
                    return .answered(ProviderResponse(status: http.statusCode, headers: ProviderResponse.headers(of: http), body: data))
                } catch {
                    return .failed(TransportErrors.classify(error, target: target, timeout: timeout))
                }
            }
            group.addTask {
                do {
                    try await Task.sleep(for: timeout)
                    return .timedOut
                } catch {
                    return .cancelled
                }
            }
            let first = await group.next() ?? .cancelled
            group.cancelAll()
            return first
        }
        switch outcome {
        case .answered(let response): return response
        case .failed(let error): throw error
        case .timedOut:
            throw VerificationError(kind: .timeout, message: "\(target): no response within \(TransportErrors.text(timeout))")
        case .cancelled:
            throw VerificationError(kind: .transport, message: "\(target): the request was cancelled")
        }
    }

    private enum Outcome: Sendable {
        case answered(ProviderResponse)
        case failed(VerificationError)
        case timedOut
        case cancelled
    }

    /// URLSession's own timeout, kept just above ours so it only fires if cancellation is not honoured.
    private static func backstopSeconds(_ timeout: Duration) -> TimeInterval {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        return seconds.rounded(.up) + 1
    }
}

/// Returns a redirect to the verifier as the response instead of following it: the pact says what the provider
/// answers, and a 302 is an answer.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
