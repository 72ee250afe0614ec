/// Where in a test something was declared: the call site of a matcher, `uponReceiving`, `withRequest` or `run`.
///
/// Failures are reported at these locations, so a bad matcher or a mismatching request points at the line that
/// declared it rather than at the library.
public struct PactSourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// `Module/File.swift`, as Swift Testing expects.
    public let fileID: StaticString
    /// The full path, as XCTest expects.
    public let filePath: StaticString
    /// The line of the call site.
    public let line: UInt
    /// The column of the call site.
    public let column: UInt

    /// Captures the caller's location by default; pass the parameters through to report at a caller's caller.
    public init(
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        self.fileID = fileID
        self.filePath = filePath
        self.line = line
        self.column = column
    }

    /// `File.swift:12`.
    public var description: String {
        let id = "\(fileID)"
        let name = id.split(separator: "/").last.map(String.init) ?? id
        return "\(name):\(line)"
    }

    /// Same file path, line and column (`StaticString` is compared by its text).
    public static func == (lhs: PactSourceLocation, rhs: PactSourceLocation) -> Bool {
        "\(lhs.filePath)" == "\(rhs.filePath)" && lhs.line == rhs.line && lhs.column == rhs.column
    }

    /// Hashes the file path, line and column, as `==` compares them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine("\(filePath)")
        hasher.combine(line)
        hasher.combine(column)
    }
}
