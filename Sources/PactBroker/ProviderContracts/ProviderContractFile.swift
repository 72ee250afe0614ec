import Foundation
import PactModel

/// A provider contract read from a file: the document's bytes (sent as they are, base64-encoded), its content type
/// and its specification (`oas`, an OpenAPI document).
public struct ProviderContractFile: Sendable, Hashable {
    /// The path, as given.
    public var path: String
    /// The file's bytes.
    public var content: Data
    /// The document's media type: `application/yaml` or `application/json`, unless given.
    public var contentType: String
    /// The contract's specification; PactFlow and `pactkit broker` know `oas`.
    public var specification: String

    /// A contract from bytes already read.
    public init(path: String, content: Data, contentType: String, specification: String = "oas") {
        self.path = path
        self.content = content
        self.contentType = contentType
        self.specification = specification
    }

    /// Reads `path`; without `contentType`, it follows the file's extension (`.yaml`/`.yml` → `application/yaml`,
    /// `.json` → `application/json`) or, for any other name, the content (JSON when it starts with `{`, else YAML).
    /// A missing or unreadable file is an `.invalidInput` error naming it.
    public static func read(path: String, contentType: String? = nil, specification: String = "oas") throws(BrokerError) -> ProviderContractFile {
        let content = try ProviderContractFiles.read(path, what: "the provider contract file")
        return ProviderContractFile(path: path, content: content,
                                    contentType: contentType ?? Self.contentType(path: path, content: content),
                                    specification: specification)
    }

    /// The media type a contract file's name (or, failing that, its content) implies.
    public static func contentType(path: String, content: Data = Data()) -> String {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "yaml", "yml": return "application/yaml"
        case "json": return "application/json"
        default:
            let first = content.first { ![UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), 0xEF, 0xBB, 0xBF].contains($0) }
            return first == UInt8(ascii: "{") ? "application/json" : "application/yaml"
        }
    }
}

/// Reading the files a provider contract publication sends, with errors that name the file and the cause.
enum ProviderContractFiles {
    static func read(_ path: String, what: String) throws(BrokerError) -> Data {
        do {
            return try FileBytes.read(atPath: path)
        } catch {
            let why = switch error.kind {
            case .missing: "was not found (no such file)"
            case .directory: "is a directory, not a file"
            case .other: error.reason
            }
            throw BrokerError(kind: .invalidInput, reason: "\(what) '\(path)' \(why)")
        }
    }
}
