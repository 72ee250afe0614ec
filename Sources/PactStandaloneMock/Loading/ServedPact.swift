import Foundation
import NIOConcurrencyHelpers
import PactMockServer
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
    /// Their descriptions, in file order, so the warning names them.
    public var skippedMessageDescriptions: [String] = []

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

    /// Pacts with more interactions than this are read a slice at a time (see `PactDocumentSlices`).
    static let sliceSize = 256

    /// Reads one pact file; errors name the file, the JSON path and the reason.
    public static func read(_ path: String) throws(StandaloneLoadError) -> ServedPact {
        // Read once: the sliced and the whole-document readers both work on these bytes. Errors name the path as the
        // user gave it, which is easier to recognise than the absolute one.
        let data: Data
        do {
            data = try FileBytes.read(atPath: path)
        } catch {
            throw .pact(PactError(file: path, jsonPath: "$", reason: "cannot read the file: \(error.reason)"))
        }
        if let pact = readInSlices([UInt8](data)) { return ServedPact(path: path, pact: pact) }
        do throws(PactError) {
            return ServedPact(path: path, pact: try PactReader.read(data: data, file: path))
        } catch {
            throw .pact(error)
        }
    }

    private init(path: String, pact: Pact) {
        let http = pact.httpInteractions.map(Self.compacted)
        self.init(file: path, consumer: pact.consumer, provider: pact.provider, specVersion: pact.specVersion,
                  interactions: http, skippedMessages: pact.interactions.count - http.count)
        skippedMessageDescriptions = pact.interactions.filter { if case .http = $0 { false } else { true } }.map(\.description)
    }

    /// A large pact read `sliceSize` interactions at a time, one after the other (in parallel, each thread's
    /// allocator keeps its own holes: a few megabytes more resident for a load time within noise); nil when the
    /// document is small or cannot be sliced, or a slice does not read (the whole read then reports the error with its
    /// exact JSON path).
    private static func readInSlices(_ bytes: [UInt8]) -> Pact? {
        guard let slices = PactDocumentSlices(bytes), slices.elements.count > 2 * sliceSize else { return nil }
        var interactions: [Interaction] = []
        interactions.reserveCapacity(slices.elements.count)
        var first: Pact?
        for start in stride(from: 0, to: slices.elements.count, by: sliceSize) {
            let range = start..<min(start + sliceSize, slices.elements.count)
            guard let part = try? PactReader.read(data: Data(slices.document(bytes, elements: range))) else { return nil }
            // Compacted slice by slice, so each slice's response trees are freed before the next slice is read.
            for interaction in part.interactions {
                guard case .http(let http) = interaction else {
                    interactions.append(interaction)
                    continue
                }
                interactions.append(.http(compacted(http)))
            }
            first = first ?? part
        }
        guard let first else { return nil }
        return Pact(consumer: first.consumer, provider: first.provider, interactions: interactions,
                    metadata: first.metadata, specVersion: first.specVersion)
    }

    /// The interaction with its response compacted (see `ResponseTemplate.compacted`), and without provider-state
    /// params when no generator can read them (the mock serves states by name).
    private static func compacted(_ interaction: HTTPInteraction) -> HTTPInteraction {
        var compact = interaction
        compact.response = ResponseTemplate.compacted(interaction.response)
        if !ResponseTemplate.hasGenerators(interaction.response) {
            compact.info.providerStates = interaction.info.providerStates.map { ProviderState(name: $0.name) }
        }
        return compact
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
