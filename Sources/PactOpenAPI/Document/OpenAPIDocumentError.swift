/// Why a document cannot be read: the file, the reason, and the position when the parser gives one.
public struct OpenAPIDocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or name) of the document that failed.
    public var file: String
    /// Why, in a sentence.
    public var reason: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?

    /// An error about `file`.
    public init(file: String, reason: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.reason = reason
        self.line = line
        self.column = column
    }

    /// `file:line:column: reason` (the position only when known).
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let line, line > 0, let column { text += ":\(column)" }
        return text + ": " + reason
    }
}
