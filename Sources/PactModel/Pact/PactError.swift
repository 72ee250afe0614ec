/// Why a pact file or a piece of one could not be read: names the file, the JSON path and the reason.
public struct PactError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file being read, when known.
    public var file: String?
    /// Where in the document (`$.interactions[2].request.matchingRules.body['$.id']`).
    public var jsonPath: String
    /// What is wrong, as a sentence.
    public var reason: String

    /// An error at `jsonPath` with `reason`, in `file` when known.
    public init(file: String? = nil, jsonPath: String, reason: String) {
        self.file = file
        self.jsonPath = jsonPath
        self.reason = reason
    }

    /// `file: path: reason`, leaving out the file when unknown.
    public var description: String {
        let location = file.map { "\($0): " } ?? ""
        return "\(location)\(jsonPath): \(reason)"
    }
}
