import Foundation
import HTTPServerCore

/// Answers every request: route, method, auth, size, then the endpoint; adds the `Date` header and logs one entry.
struct CodesHTTPHandler: Sendable {
    let activation: ActivationEndpoints
    let paper: PaperEndpoints
    /// Nil unless provider states are enabled: the hooks then answer 404 like any unknown route.
    let states: ProviderStateEndpoints?
    let auth: BearerAuth?
    let maxBodyBytes: Int
    let clock: any CodeClock
    let log: (@Sendable (RequestLogEntry) -> Void)?

    func respond(_ request: ServerRequest) async -> ServerResponse {
        let received = Date()
        let started = ContinuousClock.now
        var (response, failure) = await dispatch(request)
        response.headers.append(("Date", UTC.httpDate(clock.now())))
        log?(RequestLogEntry(received: received, method: request.method, target: request.target, status: response.status,
                             duration: ContinuousClock.now - started, failure: failure))
        return response
    }

    private func dispatch(_ request: ServerRequest) async -> (ServerResponse, failure: String?) {
        guard let route = Route.match(request.path), !route.isTestHook || states != nil else {
            return (APIResponses.routeNotFound(request.path), nil)
        }
        // As the real service, the method is checked before anything else about the request.
        guard route.allowedMethods.contains(request.method) else {
            return (APIResponses.methodNotAllowed(allowed: route.allowedMethods), nil)
        }
        if route != .healthcheck, let auth, !auth.allows(request) { return (APIResponses.unauthorised, nil) }
        if request.body.count > maxBodyBytes { return (APIResponses.payloadTooLarge(limit: maxBodyBytes), nil) }
        do {
            return (try await serve(route, request), nil)
        } catch let failure as BadRequest {
            return (APIResponses.badRequest(failure), nil)
        } catch let error as CodeStoreError {
            if case .unavailable = error { return (APIResponses.unavailable, String(describing: error)) }
            return (APIResponses.internalError, String(describing: error))
        } catch {
            return (APIResponses.internalError, String(describing: error))
        }
    }

    private func serve(_ route: Route, _ request: ServerRequest) async throws -> ServerResponse {
        let body = request.body
        switch route {
        case .healthcheck: return APIResponses.ok(.string("OK"))
        case .create: return try await activation.create(body)
        case .validate: return try await activation.validate(body)
        case .revoke: return try await activation.revoke(body)
        case .exists: return try await activation.exists(body)
        case .code: return try await activation.details(body)
        case .paperCreate: return try await paper.create(body)
        case .paperValidate: return try await paper.validate(body)
        case .paperExpire: return try await paper.expire(body)
        case .pactState, .resetDatabase:
            guard let states else { return APIResponses.routeNotFound(request.path) }
            return route == .pactState ? try await states.stateChange(request) : try await states.resetDatabase()
        }
    }
}
