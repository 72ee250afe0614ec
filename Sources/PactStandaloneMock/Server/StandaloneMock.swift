import Foundation
import HTTPServerCore
import NIOConcurrencyHelpers
import PactMatching
import PactMockServer
import PactModel

/// A mock provider for a whole set of pacts, without I/O: answers each request from the catalogue (or the admin
/// API), records it, and reports it as one log line. The catalogue can be replaced at any moment (a reload):
/// requests already being answered finish with the one they started with.
public final class StandaloneMock: Sendable {
    /// How the mock answers and records; fixed for its lifetime.
    public let options: StandaloneOptions
    let log: RequestLog
    private let current: NIOLockedValueBox<PactCatalogue>
    private let serverURL = NIOLockedValueBox<String?>(nil)
    private let reloads = NIOLockedValueBox(ReloadStatus())
    private let lineSink: (@Sendable (String) -> Void)?
    let started = Date()

    /// - Parameter lineSink: receives the one-line account of each request (including admin requests).
    public init(catalogue: PactCatalogue, options: StandaloneOptions = StandaloneOptions(),
                lineSink: (@Sendable (String) -> Void)? = nil) {
        self.options = options
        self.lineSink = lineSink
        current = NIOLockedValueBox(catalogue)
        log = RequestLog(catalogue: catalogue, limit: options.logLimit)
    }

    /// The catalogue being served.
    public var catalogue: PactCatalogue { current.withLockedValue { $0 } }

    /// Serves `catalogue` from now on; received counts carry over to the interactions that are still there.
    public func replace(with catalogue: PactCatalogue) {
        log.rebase(to: catalogue)
        current.withLockedValue { $0 = catalogue }
        reloads.withLockedValue { $0.count += 1; $0.lastProblem = nil }
    }

    /// Notes a reload that failed (the admin health call shows it until the next successful one).
    public func noteReloadProblem(_ problem: String) {
        reloads.withLockedValue { $0.lastProblem = problem }
    }

    var reloadStatus: ReloadStatus { reloads.withLockedValue { $0 } }

    /// Sets the base URL that MockServerURL generators substitute.
    public func setServerURL(_ url: String) { serverURL.withLockedValue { $0 = url } }

    /// The kept log entries, oldest first.
    public func logEntries() -> [MockRequestLogEntry] { log.entries().entries }

    /// Forgets every request recorded so far.
    public func clearLog() { log.clear() }

    /// The answer to `request`: the admin API under `/__pactkit/`, otherwise the chosen interaction's response or
    /// a 500 that says why none answered.
    public func handle(_ request: ServerRequest) -> ServerResponse {
        if request.path.hasPrefix(AdminAPI.prefix) {
            let response = AdminAPI.handle(request, mock: self)
            lineSink?("\(request.method) \(request.path) -> \(response.status) admin API")
            return ServerResponse(status: response.status, headers: response.headers, body: response.body)
        }
        if request.headers.count > options.maxHeaderCount {
            let refusal = ErrorResponses.tooManyHeaders(count: request.headers.count, limit: options.maxHeaderCount)
            lineSink?("\(RequestLine.text(method: request.method, path: request.path, query: request.rawQuery)) -> "
                + "\(refusal.status) too many header fields (\(request.headers.count), at most \(options.maxHeaderCount))")
            return ServerResponse(status: refusal.status, headers: refusal.headers, body: refusal.body)
        }
        let catalogue = self.catalogue
        let key = options.memoizeMatches ? catalogue.memo.key(for: request, stateHeader: options.providerStateHeader) : nil
        let response: MockResponse
        let entry: MockRequestLogEntry
        if let key, let answer = catalogue.memo.answer(for: key) {
            (response, entry) = answerMatched(
                answer, catalogue: catalogue, method: request.method, path: request.path, query: request.rawQuery,
                origin: options.cors ? request.header("Origin") : nil)
        } else {
            let actual = ActualRequest.make(method: request.method, path: request.path, rawQuery: request.rawQuery,
                                            headers: request.headers, body: request.body, hasBody: request.hasBody)
            let outcome = catalogue.engine.outcome(actual, requestedState: requestedState(request.headers),
                                                   stateHeader: options.providerStateHeader)
            if let key, case .matched(let chosen, let alternatives, let selection) = outcome {
                catalogue.memo.remember(.init(chosen: chosen, alternatives: alternatives, selection: selection), for: key)
            }
            (response, entry) = answer(outcome, to: actual, catalogue: catalogue)
        }
        lineSink?(LogLine.format(entry, stateHeader: options.providerStateHeader))
        return ServerResponse(status: response.status, headers: response.headers, body: response.body)
    }

    /// `handle(_:)` for a request given in parts, for callers without a server (tests, embedding).
    public func handle(
        method: String, target: String, headers: [(name: String, value: String)] = [], body: Data = Data()
    ) -> MockResponse {
        let response = handle(ServerRequest(method: method, target: target, headers: headers, body: body))
        return MockResponse(status: response.status, headers: response.headers, body: response.body)
    }

    /// The answer to an arrived request and its log entry (already recorded).
    /// - Parameter requestedState: the provider-state header's value, if the request had one.
    public func respond(to request: PactRequest, requestedState: String? = nil) -> (MockResponse, MockRequestLogEntry) {
        let catalogue = self.catalogue
        let outcome = catalogue.engine.outcome(request, requestedState: requestedState,
                                               stateHeader: options.providerStateHeader)
        return answer(outcome, to: request, catalogue: catalogue)
    }

    private func answer(
        _ outcome: MatchOutcome, to request: PactRequest, catalogue: PactCatalogue
    ) -> (MockResponse, MockRequestLogEntry) {
        var entry = MockRequestLogEntry(method: request.method, path: request.path, query: request.rawQuery, status: 500,
                                    outcome: .preflight)
        var response: MockResponse
        switch outcome {
        case .matched(let chosen, let alternatives, let selection):
            let origin = options.cors ? request.headers.values(forHeader: "Origin")?.first : nil
            return answerMatched(.init(chosen: chosen, alternatives: alternatives, selection: selection),
                                 catalogue: catalogue, method: request.method, path: request.path,
                                 query: request.rawQuery, origin: origin)
        case .mismatched(let closest, let mismatches):
            entry.outcome = .mismatched(closest: catalogue.summaries[closest], mismatches: capped(mismatches))
            response = StandaloneErrors.response(for: entry)
        case .unexpected(let closest, let mismatches):
            entry.outcome = .unexpected(closest: closest.map { catalogue.summaries[$0] }, mismatches: capped(mismatches))
            response = StandaloneErrors.response(for: entry)
        }
        if options.cors, InteractionIndex.upperCased(request.method) == "OPTIONS" {
            entry.outcome = .preflight
            response = CORS.preflight(for: request)
        } else if options.cors {
            response.headers += CORS.headers(for: request)
        }
        entry.status = response.status
        entry.sequence = log.record(entry, catalogue: catalogue)
        return (response, entry)
    }

    private func answerMatched(
        _ answer: MatchMemo.Answer, catalogue: PactCatalogue, method: String, path: String, query: String?,
        origin: String?
    ) -> (MockResponse, MockRequestLogEntry) {
        var warnings: [String] = []
        var response = catalogue.engine.render(answer.chosen, mockServerURL: serverURL.withLockedValue { $0 },
                                               warnings: &warnings)
        if options.cors {
            response.headers += CORS.headers(for: PactRequest(headers: origin.map { ["Origin": [$0]] } ?? [:]))
        }
        var entry = MockRequestLogEntry(
            method: method, path: path, query: query, status: response.status,
            outcome: .matched(catalogue.summaries[answer.chosen], alternatives: answer.alternatives.map { catalogue.summaries[$0] },
                              selection: answer.selection))
        entry.sequence = log.record(entry, catalogue: catalogue)
        return (response, entry)
    }

    /// Mismatches as the log keeps them and the 500 echoes them: the actual value of a body mismatch can be the
    /// whole body, so each value keeps a prefix and its size (30 requests of 8 MB once took 330 MB of log).
    private func capped(_ mismatches: [Mismatch]) -> [Mismatch] {
        EchoCap.mismatches(mismatches, limit: options.maxEchoedValueBytes)
    }

    /// The provider-state header's first value, trimmed; nil when absent or empty.
    private func requestedState(_ headers: [(name: String, value: String)]) -> String? {
        let wanted = options.providerStateHeader
        guard let field = headers.first(where: { ActualRequest.sameHeaderName($0.name, wanted) }) else { return nil }
        let value = field.value.trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }
}

/// Reloads so far and the last one that failed.
struct ReloadStatus: Sendable {
    var count = 0
    var lastProblem: String?
}
