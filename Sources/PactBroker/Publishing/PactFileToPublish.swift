import Foundation
import PactModel

/// A pact file checked before publishing: it reads as a pact, and names its consumer and provider.
public struct PactFileToPublish: Sendable {
    /// The path, as given.
    public var path: String
    /// The file's bytes, sent as they are.
    public var data: Data
    /// The consumer named in the pact.
    public var consumer: String
    /// The provider named in the pact.
    public var provider: String

    /// Reads and checks `path`; a file that is not a pact is refused with its name and the reason.
    public static func read(path: String) throws(BrokerError) -> PactFileToPublish {
        let data: Data
        do {
            data = try FileBytes.read(atPath: path)
        } catch {
            throw BrokerError(kind: .invalidInput, reason: "\(path): \(error.reason)")
        }
        let pact: Pact
        do {
            pact = try PactReader.read(data: data, file: path)
        } catch {
            throw BrokerError(kind: .invalidInput, reason: "\(path) is not a pact: \(error.jsonPath): \(error.reason)")
        }
        for (role, name) in [("consumer", pact.consumer), ("provider", pact.provider)] where name.isEmpty {
            throw BrokerError(kind: .invalidInput, reason: "\(path) is not a pact the broker accepts: $.\(role).name is empty")
        }
        return PactFileToPublish(path: path, data: data, consumer: pact.consumer, provider: pact.provider)
    }

    /// Every `*.json` file of a directory (in name order), or the file itself.
    public static func expand(_ path: String) throws(BrokerError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let files = names.filter { $0.lowercased().hasSuffix(".json") }.sorted()
        if files.isEmpty { throw BrokerError(kind: .invalidInput, reason: "\(path): the directory holds no *.json pact files") }
        return files.map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
    }
}
