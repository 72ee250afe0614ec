import Foundation
import NIOConcurrencyHelpers
import PactModel

/// The HTTP interactions of one pact file, ready to serve.
public struct ServedPact: Sendable {
    /// The pact file's path, as given.
    public var file: String
    /// The consumer named in the pact.
    public var consumer: String
    /// The provider named in the pact.
    public var provider: String
    /// The version the file declares (or was read as); its interactions are matched by that version's rules.
    public var specVersion: PactSpecVersion
    /// The HTTP interactions to serve, in file order.
    public var interactions: [HTTPInteraction]
    /// Message interactions in the file, which a mock HTTP provider cannot serve.
    public var skippedMessages: Int

    /// Builds a pact ready to serve; `skippedMessages` defaults to 0.
    public init(
        file: String, consumer: String, provider: String, specVersion: PactSpecVersion,
        interactions: [HTTPInteraction], skippedMessages: Int = 0
    ) {
        self.file = file
        self.consumer = consumer
        self.provider = provider
        self.specVersion = specVersion
        self.interactions = interactions
        self.skippedMessages = skippedMessages
    }

    /// Reads one pact file; errors name the file, the JSON path and the reason.
    public static func read(_ path: String) throws(StandaloneLoadError) -> ServedPact {
        let pact: Pact
        do {
            pact = try PactReader.read(contentsOf: URL(fileURLWithPath: path))
        } catch {
            // The reader names the file by its absolute path; the path as the user gave it is easier to recognise.
            throw .pact(PactError(file: path, jsonPath: error.jsonPath, reason: error.reason))
        }
        let http = pact.httpInteractions
        return ServedPact(file: path, consumer: pact.consumer, provider: pact.provider, specVersion: pact.specVersion,
                          interactions: http, skippedMessages: pact.interactions.count - http.count)
    }

    /// Reads every file, several at once; the first failure in file order is thrown.
    public static func read(_ files: [PactFileReference]) throws(StandaloneLoadError) -> [ServedPact] {
        let results = NIOLockedValueBox([Result<ServedPact, StandaloneLoadError>?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let result = Result { () throws(StandaloneLoadError) -> ServedPact in try read(files[index].path) }
            results.withLockedValue { $0[index] = result }
        }
        var pacts: [ServedPact] = []
        for result in results.withLockedValue({ $0 }) {
            switch result {
            case .success(let pact)?: pacts.append(pact)
            case .failure(let error)?: throw error
            case nil: break
            }
        }
        return pacts
    }
}
