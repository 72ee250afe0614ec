import Foundation
import PactModel

/// Reads the pacts of every source once, before any interaction is verified. A source that cannot be read becomes a
/// `SourceError` naming it; the others are still read.
struct PactSourceLoader: Sendable {
    let fetcher: PactFetcher

    func load(_ sources: [PactSource]) async -> (pacts: [LoadedPact], errors: [SourceError]) {
        var pacts: [LoadedPact] = []
        var errors: [SourceError] = []
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
            data = try FileBytes.read(atPath: url.path)
        } catch {
            let message = error.kind == .directory
                ? "is a directory, not a pact file (give a directory of pacts with --dir)" : error.reason
            throw SourceError(source: url.path, message: message)
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
        let files: [String]
        do throws(PactFolderError) {
            files = try PactFolder.pactFiles(in: directory.path)
        } catch {
            return .failure(SourceError(source: directory.path, message: error.reason))
        }
        // An empty folder lists nothing (the mock waits for pacts to appear); for a verification it is an error.
        if files.isEmpty {
            return .failure(SourceError(source: directory.path, message: "the directory holds no *.json pact files"))
        }
        return .success(files.map { URL(fileURLWithPath: $0) })
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
