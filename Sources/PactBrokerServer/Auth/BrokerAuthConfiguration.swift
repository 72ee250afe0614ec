/// Who may use the broker: nobody needs credentials by default (local use); otherwise basic auth with a read-write
/// user and an optional read-only user (pact_broker's `basic_auth_username` … `basic_auth_read_only_password`),
/// and/or a bearer token that reads and writes, as the Pact clients send it (`PACT_BROKER_TOKEN`).
///
/// ```swift
/// let auth = BrokerAuthConfiguration(
///     readWrite: BrokerCredentials(username: "ci", password: "secret"),
///     readOnly: BrokerCredentials(username: "viewer", password: "view"), allowPublicRead: false)
/// ```
public struct BrokerAuthConfiguration: Sendable, Hashable {
    /// The basic-auth user that may read and write.
    public var readWrite: BrokerCredentials?
    /// The basic-auth user that may only read (GET, HEAD, OPTIONS, and POST to pacts for verification).
    public var readOnly: BrokerCredentials?
    /// A bearer token that may read and write.
    public var bearerToken: String?
    /// Reads need no credentials (pact_broker's `allow_public_read`); writes still do.
    public var allowPublicRead: Bool
    /// `GET /diagnostic/status/heartbeat` needs no credentials, so a load balancer can probe it.
    public var publicHeartbeat: Bool

    /// No authentication: every request is allowed.
    public static let none = BrokerAuthConfiguration()

    /// Credentials as given; empty usernames, passwords or tokens count as not given. Without any credentials
    /// every request is allowed, whatever `allowPublicRead` says.
    public init(
        readWrite: BrokerCredentials? = nil, readOnly: BrokerCredentials? = nil, bearerToken: String? = nil,
        allowPublicRead: Bool = false, publicHeartbeat: Bool = true
    ) {
        self.readWrite = readWrite?.isComplete == true ? readWrite : nil
        self.readOnly = readOnly?.isComplete == true ? readOnly : nil
        self.bearerToken = bearerToken?.isEmpty == false ? bearerToken : nil
        self.allowPublicRead = allowPublicRead
        self.publicHeartbeat = publicHeartbeat
    }

    /// Whether any request needs credentials.
    public var isEnabled: Bool { readWrite != nil || readOnly != nil || bearerToken != nil }
}

/// A basic-auth username and password.
public struct BrokerCredentials: Sendable, Hashable, CustomStringConvertible {
    public var username: String
    public var password: String

    /// The user `username` with `password`.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    var isComplete: Bool { !username.isEmpty && !password.isEmpty }

    /// The username only: a password never reaches a log.
    public var description: String { "\(username):***" }
}

/// What an authenticated request may do.
public enum BrokerRole: Sendable, Hashable {
    /// Read and write (the read-write user, the bearer token).
    case readWrite
    /// Read only (the read-only user).
    case readOnly
}
