import Foundation

/// Where a PostgreSQL store (the codes service's, the broker's) connects and how patiently. Built from a `postgres://` URL by `parse(url:…)`.
public struct PostgresStoreConfiguration: Sendable, Hashable {
    /// How the connection is encrypted, as libpq's `sslmode` says it.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Never TLS.
        case disable
        /// TLS when the server offers it (libpq's default).
        case prefer
        /// TLS or no connection.
        case require
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to log in as.
    public var username: String
    /// The role's password, if the server asks for one.
    public var password: String?
    /// The database holding the store's tables.
    public var database: String
    /// TLS use; `prefer` unless the URL says `sslmode=…`.
    public var tls: TLSMode
    /// The most connections one service instance opens (`pool_max`; default 16, as many as wrk's connections).
    public var maximumConnections: Int
    /// How long a request waits for a connection before it is answered 503 (`connect_timeout`, seconds; default 5).
    public var connectTimeout: Duration
    /// How long one SQL statement may run before the server cancels it (`statement_timeout`, seconds; default 30).
    public var statementTimeout: Duration

    /// Builds a configuration from its parts; `parse(url:…)` is the usual way.
    public init(
        host: String, port: Int = 5432, username: String, password: String? = nil, database: String,
        tls: TLSMode = .prefer, maximumConnections: Int = 16, connectTimeout: Duration = .seconds(5),
        statementTimeout: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
        self.maximumConnections = maximumConnections
        self.connectTimeout = connectTimeout
        self.statementTimeout = statementTimeout
    }

    /// `host:port`, as messages name the server.
    public var address: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Whether `text` is meant as a PostgreSQL URL (rather than a SQLite path).
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses `postgres://user[:password]@host[:port]/database[?sslmode=…&pool_max=…&connect_timeout=…&statement_timeout=…]`.
    /// The password comes from the URL, else from `passwordFile` (its first line), else from `PGPASSWORD` in
    /// `environment`; giving it in both the URL and a file is an error, so a stale one is never used by accident.
    public static func parse(
        url text: String, passwordFile: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PostgresStoreConfiguration {
        guard isURL(text) else { throw PostgresURLError(url: text, "must start with postgres:// or postgresql://") }
        guard let components = URLComponents(string: text) else {
            throw PostgresURLError(url: text, "not a valid URL (percent-encode reserved characters in the user or password)")
        }
        guard let host = components.host, !host.isEmpty else { throw PostgresURLError(url: text, "no host") }
        guard let username = components.user, !username.isEmpty else {
            throw PostgresURLError(url: text, "no user (postgres://USER@\(host)/DATABASE)")
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.isEmpty, !path.contains("/") else {
            throw PostgresURLError(url: text, "must name one database as its path (postgres://\(username)@\(host)/DATABASE)")
        }
        var configuration = PostgresStoreConfiguration(
            host: host, port: components.port ?? 5432, username: username, database: path)
        guard (1...65535).contains(configuration.port) else {
            throw PostgresURLError(url: text, "port \(configuration.port) is not in 1...65535")
        }
        for item in components.queryItems ?? [] {
            try configuration.apply(item, url: text)
        }
        configuration.password = try password(url: components, text: text, file: passwordFile, environment: environment)
        return configuration
    }

    private mutating func apply(_ item: URLQueryItem, url: String) throws {
        let value = item.value ?? ""
        switch item.name {
        case "sslmode":
            guard let mode = TLSMode(rawValue: value) else {
                throw PostgresURLError(url: url, "sslmode '\(value)' is not one of "
                                           + TLSMode.allCases.map(\.rawValue).joined(separator: ", "))
            }
            tls = mode
        case "pool_max":
            guard let count = Int(value), (1...1000).contains(count) else {
                throw PostgresURLError(url: url, "pool_max '\(value)' must be a whole number in 1...1000")
            }
            maximumConnections = count
        case "connect_timeout", "statement_timeout":
            guard let seconds = Double(value), seconds > 0, seconds <= 3600 else {
                throw PostgresURLError(url: url, "\(item.name) '\(value)' must be a number of seconds in (0, 3600]")
            }
            let duration = Duration.milliseconds(Int64((seconds * 1000).rounded()))
            if item.name == "connect_timeout" { connectTimeout = duration } else { statementTimeout = duration }
        default:
            throw PostgresURLError(url: url, "unknown parameter '\(item.name)' (known: sslmode, pool_max, "
                                       + "connect_timeout, statement_timeout)")
        }
    }

    private static func password(
        url components: URLComponents, text: String, file: String?, environment: [String: String]
    ) throws -> String? {
        let inURL = components.password.flatMap { $0.isEmpty ? nil : $0 }
        if let file {
            guard inURL == nil else {
                throw PostgresURLError(url: text, "the URL has a password and a password file was given too; give it once")
            }
            let contents: String
            do {
                contents = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw PostgresURLError(url: text, "password file \(file) cannot be read: \(error.localizedDescription)")
            }
            let line = contents.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            guard !line.isEmpty else { throw PostgresURLError(url: text, "password file \(file) is empty") }
            return line
        }
        if let inURL { return inURL }
        return environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// A `postgres://` URL (or its password file) that cannot be used; the message names the URL without its password.
public struct PostgresURLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL with any password replaced by `***`.
    public var url: String
    /// What is wrong with it.
    public var reason: String

    init(url: String, _ reason: String) {
        self.url = Self.redacting(url)
        self.reason = reason
    }

    /// `database URL postgres://codes:***@db:5432/: must name one database as its path …`.
    public var description: String { "database URL \(url): \(reason)" }

    /// The URL as it may be logged: a password becomes `***`.
    static func redacting(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
