import CodesService
import Foundation
import XCTest

/// `--db postgres://…` parsing: every part, the three password sources, and a clear error for each bad input.
final class PostgresURLTests: XCTestCase {
    func testEveryPartIsRead() throws {
        let configuration = try PostgresStoreConfiguration.parse(
            url: "postgres://codes:s%40cret@db.internal:6543/codes?sslmode=require&pool_max=4&connect_timeout=2.5&statement_timeout=10",
            environment: [:])
        XCTAssertEqual(configuration, PostgresStoreConfiguration(
            host: "db.internal", port: 6543, username: "codes", password: "s@cret", database: "codes", tls: .require,
            maximumConnections: 4, connectTimeout: .milliseconds(2500), statementTimeout: .seconds(10)))
        let defaults = try PostgresStoreConfiguration.parse(url: "postgresql://codes@127.0.0.1/codes", environment: [:])
        XCTAssertEqual(defaults, PostgresStoreConfiguration(host: "127.0.0.1", username: "codes", database: "codes"))
        XCTAssertEqual(defaults.address, "127.0.0.1:5432")
    }

    func testThePasswordComesFromTheURLAFileOrPGPASSWORD() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("password")
        try "from-file\nignored second line\n".write(to: file, atomically: true, encoding: .utf8)
        let environment = ["PGPASSWORD": "from-env"]
        XCTAssertEqual(try PostgresStoreConfiguration.parse(url: "postgres://u:from-url@h/d", environment: environment).password,
                       "from-url")
        XCTAssertEqual(try PostgresStoreConfiguration.parse(url: "postgres://u@h/d", passwordFile: file.path,
                                                            environment: environment).password, "from-file")
        XCTAssertEqual(try PostgresStoreConfiguration.parse(url: "postgres://u@h/d", environment: environment).password,
                       "from-env")
        XCTAssertNil(try PostgresStoreConfiguration.parse(url: "postgres://u@h/d", environment: [:]).password)
    }

    func testBadURLsSayWhatIsWrongWithoutThePassword() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty")
        try "\n".write(to: empty, atomically: true, encoding: .utf8)
        let cases: [(String, String?, String)] = [
            ("mysql://u@h/d", nil, "database URL mysql://u@h/d: must start with postgres:// or postgresql://"),
            ("postgres://u:secret@/d", nil, "database URL postgres://u:***@/d: no host"),
            ("postgres://h/d", nil, "database URL postgres://h/d: no user (postgres://USER@h/DATABASE)"),
            ("postgres://u@h", nil, "database URL postgres://u@h: must name one database as its path (postgres://u@h/DATABASE)"),
            ("postgres://u@h/a/b", nil, "database URL postgres://u@h/a/b: must name one database as its path (postgres://u@h/DATABASE)"),
            ("postgres://u@h:0/d", nil, "database URL postgres://u@h:0/d: port 0 is not in 1...65535"),
            ("postgres://u@h/d?sslmode=verify-full", nil,
             "database URL postgres://u@h/d?sslmode=verify-full: sslmode 'verify-full' is not one of disable, prefer, require"),
            ("postgres://u@h/d?pool_max=0", nil, "database URL postgres://u@h/d?pool_max=0: pool_max '0' must be a whole number in 1...1000"),
            ("postgres://u@h/d?connect_timeout=-1", nil,
             "database URL postgres://u@h/d?connect_timeout=-1: connect_timeout '-1' must be a number of seconds in (0, 3600]"),
            ("postgres://u@h/d?user=x", nil,
             "database URL postgres://u@h/d?user=x: unknown parameter 'user' (known: sslmode, pool_max, connect_timeout, statement_timeout)"),
            ("postgres://u:secret@h/d", empty.path,
             "database URL postgres://u:***@h/d: the URL has a password and a password file was given too; give it once"),
            ("postgres://u@h/d", empty.path, "database URL postgres://u@h/d: password file \(empty.path) is empty"),
        ]
        for (url, file, message) in cases {
            XCTAssertThrowsError(try PostgresStoreConfiguration.parse(url: url, passwordFile: file, environment: [:]), url) { error in
                XCTAssertEqual((error as? PostgresURLError)?.description, message)
            }
        }
    }
}
