import Foundation
import PactMockServer
import PactStandaloneMock
import PactModel

/// Pacts for the standalone-mock tests, written as V4 JSON and read by the real reader.
enum StandalonePacts {
    /// A pact of `provider` whose interactions are the given JSON array.
    static func pact(
        _ interactionsJSON: String, file: String = "pacts/app-api.json", consumer: String = "app",
        provider: String = "api"
    ) throws -> ServedPact {
        try ServedPact.read(data: Data(document(interactionsJSON, consumer: consumer, provider: provider).utf8), file: file)
    }

    static func document(_ interactionsJSON: String, consumer: String = "app", provider: String = "api") -> String {
        """
        {"consumer": {"name": "\(consumer)"}, "provider": {"name": "\(provider)"}, "interactions": \(interactionsJSON),
         "metadata": {"pactSpecification": {"version": "4.0"}}}
        """
    }

    /// One V4 HTTP interaction.
    static func interaction(
        _ description: String, states: [String] = [], method: String = "GET", path: String,
        requestExtra: String = "", status: Int = 200, responseBody: String? = nil
    ) -> String {
        let statesJSON = states.map { #"{"name": "\#($0)"}"# }.joined(separator: ", ")
        let body = responseBody.map {
            #", "headers": {"Content-Type": ["application/json"]}, "body": {"content": \#($0), "contentType": "application/json"}"#
        } ?? ""
        return """
        {"type": "Synchronous/HTTP", "description": "\(description)", "providerStates": [\(statesJSON)],
         "request": {"method": "\(method)", "path": "\(path)"\(requestExtra)},
         "response": {"status": \(status)\(body)}}
        """
    }

    /// A mock serving `pacts`.
    static func mock(
        _ pacts: [ServedPact], options: StandaloneOptions = StandaloneOptions(), preferredState: String? = nil,
        lines: LineCollector? = nil
    ) throws -> StandaloneMock {
        let catalogue = try PactCatalogue.build(pacts, preferredState: preferredState.map { try ProviderStatePattern($0) })
        var sink: (@Sendable (String) -> Void)?
        if let lines { sink = { lines.add($0) } }
        return StandaloneMock(catalogue: catalogue, options: options, lineSink: sink)
    }
}

extension ServedPact {
    /// Reads a pact from bytes, as `read(_:)` does from a file.
    static func read(data: Data, file: String) throws -> ServedPact {
        let pact = try PactReader.read(data: data, file: file)
        var loaded = ServedPact(file: file, consumer: pact.consumer, provider: pact.provider, specVersion: pact.specVersion,
                                interactions: pact.httpInteractions,
                                skippedMessages: pact.interactions.count - pact.httpInteractions.count)
        loaded.skippedMessageDescriptions = pact.interactions.filter { if case .http = $0 { false } else { true } }.map(\.description)
        return loaded
    }
}

/// Collects the log lines a mock prints.
final class LineCollector: Sendable {
    private let storage = Locked<[String]>([])
    func add(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}

extension MockResponse {
    var json: JSONValue? { try? JSONParser.parse(body) }
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// A scratch directory removed when the test ends.
final class StandaloneScratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("standalone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
