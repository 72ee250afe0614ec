import Foundation
import Logging
import HTTPServerCore

/// How to run a codes service.
public struct CodesServiceConfiguration: Sendable {
    /// Where codes are kept.
    public enum Storage: Sendable {
        /// A SQLite file (created on first start); `:memory:` for a private in-memory SQLite database.
        case sqlite(path: String)
        /// A PostgreSQL database shared by any number of instances (schema created or migrated at start).
        case postgres(PostgresStoreConfiguration)
        /// Process memory (`InMemoryCodeStore`).
        case inMemory
        /// A store of the caller's (for example one that injects failures in tests).
        case custom(any CodeStore)
    }

    /// The address to bind; loopback by default.
    public var host: String
    /// The port to bind; 0 picks a free one (read it back from `RunningCodesService.port`).
    public var port: Int
    /// In memory unless set; the `codes-service` executable uses a SQLite file.
    public var storage: Storage
    /// Serve `POST /_pact_state` and `/_reset_database`. Off by default: never enable it on a service holding real data.
    public var providerStatesEnabled: Bool
    /// When set, every route but the healthcheck requires `Authorization: Bearer <token>`.
    public var authToken: String?
    /// Request bodies above this many bytes get 413.
    public var maxBodyBytes: Int
    /// Timeouts and the connection cap of the HTTP server.
    public var connectionLimits: HTTPConnectionLimits
    /// "Now" for every rule (creation dates, expiry) and for the `Date` response header; UTC.
    public var clock: any CodeClock
    /// Where code characters come from; the system CSPRNG unless a test injects a seeded source.
    public var random: any RandomSource
    /// Called once per answered request (for example to log `entry.line`).
    public var requestLogger: (@Sendable (RequestLogEntry) -> Void)?
    /// Where the PostgreSQL client logs (at debug and trace only).
    public var storeLogger = Logger(label: "codes-service.store")

    /// Builds a configuration: loopback on a free port, in-memory storage, provider states off, no auth, 1 MiB bodies,
    /// the system clock and CSPRNG, and no request log unless told otherwise.
    public init(
        host: String = "127.0.0.1", port: Int = 0, storage: Storage = .inMemory, providerStatesEnabled: Bool = false,
        authToken: String? = nil, maxBodyBytes: Int = 1 << 20, connectionLimits: HTTPConnectionLimits = HTTPConnectionLimits(),
        clock: any CodeClock = SystemClock(),
        random: any RandomSource = SystemRandomSource(), requestLogger: (@Sendable (RequestLogEntry) -> Void)? = nil
    ) {
        self.host = host
        self.port = port
        self.storage = storage
        self.providerStatesEnabled = providerStatesEnabled
        self.authToken = authToken
        self.maxBodyBytes = maxBodyBytes
        self.connectionLimits = connectionLimits
        self.clock = clock
        self.random = random
        self.requestLogger = requestLogger
    }
}
