import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PactModel

/// Reads the pacts of every source once, before any interaction is verified. A source that cannot be read becomes a
/// `SourceError` naming it; the others are still read.
struct PactSourceLoader: Sendable {
    let timeout: Duration

    func load(_ sources: [PactSource]) async -> (pacts: [LoadedPact], errors: [SourceError]) {
        var pacts: [LoadedPact] = []
        var errors: [SourceError] = []
        let fetcher = PactFetcher(timeout: timeout)
        defer { fetcher.close() }
        for source in sources {
            switch source {
            case .pact(let pact):
                pacts.append(LoadedPact(pact: pact, origin: nil))
            case .file(let url):
                do throws(SourceError) {
                    pacts.append(try readFile(url))
                } catch {
                    errors.append(error)
                }
            case .directory(let url):
                switch files(in: url) {
                case .failure(let error):
                    errors.append(error)
                case .success(let files):
                    for file in files {
                        do throws(SourceError) {
                            pacts.append(try readFile(file))
                        } catch {
                            errors.append(error)
                        }
                    }
                }
            case .document(let data, let origin, let pending):
                do throws(SourceError) {
                    var pact = try parse(data, origin: origin)
                    if pending {
                        pact.interactions = pact.interactions.map { $0.markedPending() }
                    }
                    pacts.append(LoadedPact(pact: pact, origin: origin))
                } catch {
                    errors.append(error)
                }
            case .url(let url, let authentication):
                do throws(SourceError) {
                    let data = try await fetcher.fetch(url, authentication: authentication)
                    pacts.append(LoadedPact(pact: try parse(data, origin: url.absoluteString), origin: url.absoluteString))
                } catch {
                    errors.append(error)
                }
            }
        }
        return (pacts, errors)
    }

    private func readFile(_ url: URL) throws(SourceError) -> LoadedPact {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw SourceError(source: url.path, message: "no such file")
            }
            throw SourceError(source: url.path, message: "cannot be read (\(error.localizedDescription))")
        }
        return LoadedPact(pact: try parse(data, origin: url.path), origin: url.path)
    }

    private func parse(_ data: Data, origin: String) throws(SourceError) -> Pact {
        do {
            return try PactReader.read(data: data)
        } catch {
            throw SourceError(source: origin, message: "not a valid pact: \(error.jsonPath): \(error.reason)")
        }
    }

    private func files(in directory: URL) -> Result<[URL], SourceError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(SourceError(source: directory.path, message: "no such directory"))
        }
        do {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            let files = names.filter { $0.lowercased().hasSuffix(".json") }.sorted()
                .map { directory.appendingPathComponent($0) }
            if files.isEmpty {
                return .failure(SourceError(source: directory.path, message: "the directory holds no *.json pact files"))
            }
            return .success(files)
        } catch {
            return .failure(SourceError(source: directory.path, message: "cannot be listed (\(error.localizedDescription))"))
        }
    }
}

extension Interaction {
    /// The interaction with `pending` set, whatever its kind.
    func markedPending() -> Interaction {
        switch self {
        case .http(var http):
            http.info.pending = true
            return .http(http)
        case .asynchronousMessage(var message):
            message.info.pending = true
            return .asynchronousMessage(message)
        case .synchronousMessages(var message):
            message.info.pending = true
            return .synchronousMessages(message)
        }
    }
}
