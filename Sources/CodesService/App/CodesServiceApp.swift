import Foundation
import HTTPServerCore
import ProcessLifecycle
import ServiceLifecycle

/// Starts codes services.
public enum CodesServiceApp {
    /// Opens the store (creating a SQLite file's or PostgreSQL database's schema on first start), binds and starts
    /// serving. A PostgreSQL store answers once its pool runs: run the result's `services`. Throws `SQLiteError` or `PostgresStoreError` when the database cannot be opened and `HTTPServerError`
    /// when the address cannot be bound.
    public static func start(configuration: CodesServiceConfiguration) async throws -> RunningCodesService {
        guard configuration.maxBodyBytes >= 0 else {
            throw HTTPServerError.invalidConfiguration(field: "maxBodyBytes", reason: "must not be negative")
        }
        let store: any CodeStore = switch configuration.storage {
        case .sqlite(let path): try SQLiteCodeStore(path: path)
        case .postgres(let database): try await PostgresCodeStore.connect(database, logger: configuration.storeLogger)
        case .inMemory: InMemoryCodeStore()
        case .custom(let store): store
        }
        let ownsStore = if case .custom = configuration.storage { false } else { true }
        let generator = CodeGenerator(random: configuration.random)
        let activation = ActivationCodeService(store: store, clock: configuration.clock, generator: generator)
        let paper = PaperCodeService(store: store, clock: configuration.clock, generator: generator)
        let states = ProviderStates(store: store, clock: configuration.clock)
        let handler = CodesHTTPHandler(
            activation: ActivationEndpoints(service: activation), paper: PaperEndpoints(service: paper),
            states: configuration.providerStatesEnabled ? ProviderStateEndpoints(states: states) : nil,
            auth: configuration.authToken.map(BearerAuth.init(token:)), maxBodyBytes: configuration.maxBodyBytes,
            clock: configuration.clock, log: configuration.requestLogger)
        let limit = configuration.maxBodyBytes
        // The core answers bodies over its own limit before the handler runs; its limit sits above ours so that bodies
        // just over our limit still go through routing and method checks first, as in the real service. Either way
        // the answer is the service's JSON 413 with a Date header.
        let coreLimit = limit > Int.max / 2 ? Int.max : max(limit * 2, limit + 64 * 1024)
        let clock = configuration.clock
        let oversized: @Sendable (Int) -> ServerResponse = { _ in
            var response = APIResponses.payloadTooLarge(limit: limit)
            response.headers.append(("Date", UTC.httpDate(clock.now())))
            return response
        }
        let server: HTTPServer
        do {
            server = try await HTTPServer.start(
                configuration: HTTPServerConfiguration(
                    host: configuration.host, port: configuration.port, maxBodyBytes: coreLimit,
                    connectionLimits: configuration.connectionLimits, oversizedBodyResponse: oversized),
                // The handler never blocks (SQLite's store works on its own queue): its task runs on the connection's
                // event loop, which spares two thread wake-ups per request.
                handler: .asyncOnEventLoop { request in await handler.respond(request) })
        } catch {
            if ownsStore { await store.close() }
            throw error
        }
        return RunningCodesService(
            server: server, store: store, ownsStore: ownsStore, activationCodes: activation, paperCodes: paper,
            providerStates: states)
    }
}

/// A started codes service.
public final class RunningCodesService: Sendable {
    /// `http://<host>:<port>`; the API is under `url/v1/` (and at the root).
    public var url: URL { server.url }
    /// The port actually bound.
    public var port: Int { server.port }
    /// State set-up without HTTP, for in-process verifiers. Always available in-process, whatever
    /// `providerStatesEnabled` says (that flag only controls the HTTP hooks).
    public let providerStates: ProviderStates
    /// The domain operations, without HTTP.
    public let activationCodes: ActivationCodeService
    /// The paper verification code operations, without HTTP.
    public let paperCodes: PaperCodeService
    /// The store the service uses.
    public let store: any CodeStore

    private let server: HTTPServer
    private let ownsStore: Bool

    init(
        server: HTTPServer, store: any CodeStore, ownsStore: Bool, activationCodes: ActivationCodeService,
        paperCodes: PaperCodeService, providerStates: ProviderStates
    ) {
        self.server = server
        self.store = store
        self.ownsStore = ownsStore
        self.activationCodes = activationCodes
        self.paperCodes = paperCodes
        self.providerStates = providerStates
    }

    /// What to run, in `ServiceGroup` order, for as long as the service serves: the PostgreSQL store's pool (when
    /// the service opened one), then the server, whose graceful shutdown is `shutdown()`. A group shuts them down
    /// in reverse order, so requests finish before the pool stops.
    public var services: [any Service] {
        var services: [any Service] = []
        if ownsStore, let pool = store as? PostgresCodeStore { services.append(pool) }
        services.append(StopOnShutdown { try await self.shutdown() })
        return services
    }

    /// Stops accepting requests, lets in-flight ones finish, then closes the store (unless the caller supplied it
    /// as `.custom`). Safe to call more than once.
    public func shutdown() async throws {
        try await server.shutdown()
        if ownsStore { await store.close() }
    }
}
