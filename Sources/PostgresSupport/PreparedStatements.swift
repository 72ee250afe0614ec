import NIOConcurrencyHelpers
import PostgresNIO

/// The statements each pooled connection has prepared, by SQL text. A pooled connection serves one operation at a
/// time, so a statement is prepared once per connection: the first `execute` on that connection pays one extra round
/// trip (Parse and Describe), every later one only binds and executes, and the server neither parses nor plans it
/// again. Entries of closed connections are dropped when a new connection prepares its first statement.
package final class PreparedStatements: Sendable {
    private struct Prepared {
        let connection: PostgresConnection
        var statements: [String: PreparedQuery] = [:]
    }

    private let byConnection = NIOLockedValueBox([PostgresConnection.ID: Prepared]())

    package init() {}

    func statement(_ sql: String, on connection: PostgresConnection) -> PreparedQuery? {
        byConnection.withLockedValue { all in
            guard let prepared = all[connection.id], prepared.connection === connection else { return nil }
            return prepared.statements[sql]
        }
    }

    func remember(_ statement: PreparedQuery, sql: String, on connection: PostgresConnection) {
        byConnection.withLockedValue { all in
            if all[connection.id]?.connection !== connection {
                all = all.filter { !$0.value.connection.isClosed }
                all[connection.id] = Prepared(connection: connection)
            }
            all[connection.id]?.statements[sql] = statement
        }
    }

    /// How many connections have statements here (for tests).
    package var connectionCount: Int { byConnection.withLockedValue { $0.count } }
}
