import Foundation
import NIOCore
import NIOPosix
import PostgresNIO

/// What a PostgreSQL failure means for the request that met it.
package enum PostgresFailure {
    /// The server cannot be reached or dropped the connection: the request is answered 503 and may be retried.
    case unavailable(String)
    /// Two transactions collided (deadlock, serialisation): running the transaction again is safe.
    case conflict
    /// Anything else: a 500.
    case other(String)

    /// SQLSTATE classes and codes that mean "the server is not there right now" (connection exceptions, shutdown,
    /// starting up, too many connections).
    private static let unavailableStates: Set<String> = ["57P01", "57P02", "57P03", "53300", "53400"]

    /// Whether `error` came from PostgreSQL or the connection to it, in any of the forms postgres-nio throws: its
    /// `PSQLError`, the `PostgresError` of its older API (prepared statements go through it, see `PreparedSQL`), or
    /// the network error of a connection that broke under that API.
    package static func isDatabaseFailure(_ error: any Error) -> Bool {
        error is PSQLError || error is PostgresError || error is IOError || error is ChannelError
    }

    /// The server's SQLSTATE for a statement it refused, whichever form of error carries it.
    package static func sqlState(_ error: any Error) -> String? {
        if let error = error as? PSQLError { return error.serverInfo?[.sqlState] }
        if let error = error as? PostgresError, case .server(let message) = error { return message.fields[.sqlState] }
        return nil
    }

    package static func classify(_ error: any Error) -> PostgresFailure {
        if let error = error as? PostgresError {
            switch error {
            case .server: return serverFailure(sqlState(error) ?? "", error)
            case .connectionClosed: return .unavailable(describe(error))
            case .protocol(let message):
                return message == "Unexpected connection close" ? .unavailable(describe(error)) : .other(describe(error))
            }
        }
        if error is IOError || error is ChannelError { return .unavailable(describe(error)) }
        guard let error = error as? PSQLError else { return .other(String(describing: error)) }
        switch error.code {
        case .server:
            return serverFailure(error.serverInfo?[.sqlState] ?? "", error)
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed,
             .queryCancelled, .sslUnsupported, .failedToAddSSLHandler:
            return .unavailable(describe(error))
        default:
            return .other(describe(error))
        }
    }

    private static func serverFailure(_ state: String, _ error: any Error) -> PostgresFailure {
        if state == "40001" || state == "40P01" { return .conflict }
        if state.hasPrefix("08") || unavailableStates.contains(state) { return .unavailable(describe(error)) }
        return .other(describe(error))
    }

    /// A one-line reason in the words a user acts on: the server's message, or what the network said.
    package static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return message + state
            }
            if let underlying = error.underlying { return describe(underlying) }
            switch error.code {
            case .serverClosedConnection: return "the server closed the connection"
            case .clientClosedConnection, .poolClosed: return "the connection was closed"
            case .uncleanShutdown: return "the connection ended unexpectedly"
            case .queryCancelled: return "the request was cancelled"
            case .sslUnsupported: return "the server does not support TLS (use sslmode=disable or prefer)"
            default: return String(describing: error.code)
            }
        }
        if let error = error as? PostgresError {
            switch error {
            case .server(let message):
                let state = message.fields[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return (message.fields[.message] ?? "the server refused the statement") + state
            case .connectionClosed: return "the connection was closed"
            case .protocol(let message):
                return message == "Unexpected connection close" ? "the connection ended unexpectedly" : message
            }
        }
        if let error = error as? NIOConnectionError {
            if error.dnsAError != nil || error.dnsAAAAError != nil, error.connectionErrors.isEmpty {
                return "cannot resolve host name \(error.host)"
            }
            if let first = error.connectionErrors.first { return describe(first.error) }
            return "no address found for \(error.host)"
        }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        if let error = error as? ChannelError, case .connectTimeout(let amount) = error {
            return "no answer within \(Double(amount.nanoseconds) / 1e9) s"
        }
        return String(describing: error)
    }
}

/// Why a PostgreSQL store could not start.
public enum PostgresStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No connection could be made (refused, unresolvable host, timeout, authentication, missing database).
    case unreachable(address: String, reason: String)
    /// The database's `schema` (the store's name for its tables) is newer than this build knows, or a migration
    /// failed.
    case schema(schema: String, address: String, reason: String)

    /// `cannot connect to PostgreSQL at db:5432: Connection refused`.
    public var description: String {
        switch self {
        case .unreachable(let address, let reason): "cannot connect to PostgreSQL at \(address): \(reason)"
        case .schema(let schema, let address, let reason):
            "cannot prepare the \(schema) schema in PostgreSQL at \(address): \(reason)"
        }
    }
}
