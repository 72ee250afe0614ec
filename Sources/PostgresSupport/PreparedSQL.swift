import PostgresNIO

/// One SQL statement written with interpolated values, which become `$1`, `$2`, … parameters: the text (with the
/// parameters in place) is the same for every value, so a connection prepares it once and then only binds and
/// executes it (see `PostgresConnection.execute(_:preparedIn:logger:deadline:)`).
///
/// `\(unescaped: text)` pastes text into the statement, for column lists and fixed clauses; never a value from a
/// request. The server infers each parameter's type from where it stands, so a value must stand where its column's
/// type is clear (cast it, `\(value)::text`, where it is not).
package struct PreparedSQL: ExpressibleByStringInterpolation, Sendable {
    /// The statement, with `$n` where values go; the key a connection's prepared statement is found by.
    package let sql: String
    /// The values, in parameter order.
    package let binds: [PostgresData]

    package init(stringLiteral value: String) {
        sql = value
        binds = []
    }

    package init(stringInterpolation: StringInterpolation) {
        sql = stringInterpolation.sql
        binds = stringInterpolation.binds
    }

    package struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [PostgresData] = []

        package init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + 3 * interpolationCount)
            binds.reserveCapacity(interpolationCount)
        }

        package mutating func appendLiteral(_ literal: String) { sql += literal }

        package mutating func appendInterpolation(unescaped text: String) { sql += text }

        package mutating func appendInterpolation(_ value: String) { bind(PostgresData(string: value)) }
        package mutating func appendInterpolation(_ value: String?) { bind(value.map { PostgresData(string: $0) }) }
        package mutating func appendInterpolation(_ value: Int64) { bind(PostgresData(int64: value)) }
        package mutating func appendInterpolation(_ value: Int32) { bind(PostgresData(int32: value)) }
        package mutating func appendInterpolation(_ value: Bool) { bind(PostgresData(bool: value)) }
        package mutating func appendInterpolation(_ value: Double) { bind(PostgresData(double: value)) }
        package mutating func appendInterpolation(_ value: Double?) { bind(value.map { PostgresData(double: $0) }) }

        private mutating func bind(_ value: PostgresData?) {
            binds.append(value ?? .null)
            sql += "$\(binds.count)"
        }
    }
}

/// A row of a prepared statement's answer. postgres-nio's prepared-statement API (the one that answers on its event
/// loop, which `execute(_:preparedIn:deadline:)` needs for its deadline) asks the server for every column in binary
/// but labels the columns with the text format of the statement's description; a row's cells are read here as the
/// binary they are.
package struct PreparedRow: Sendable {
    private let cells: [PostgresCell]

    init(_ row: PostgresRow) {
        cells = row.map { cell in
            var cell = cell
            cell.format = .binary
            return cell
        }
    }

    /// The value of column `index` (0-based), decoded as `type`; throws `PostgresDecodingError` if it is not one.
    package func decode<Value: PostgresDecodable>(_ index: Int, as type: Value.Type = Value.self) throws -> Value {
        try cells[index].decode(Value.self)
    }
}
