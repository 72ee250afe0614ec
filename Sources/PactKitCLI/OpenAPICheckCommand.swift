#if OpenAPI
import ArgumentParser
import Foundation
import PactModel
import PactOpenAPI

/// `pactkit openapi-check`: checks pacts against a provider's OpenAPI document without running the provider.
struct OpenAPICheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi-check",
        abstract: "Check pacts against a provider's OpenAPI document (Swagger 2.0, OpenAPI 3.0 or 3.1; YAML or JSON).",
        discussion: """
            Each HTTP interaction is checked in order: route, path parameters, security, request headers, content \
            type and accept, query, request body, response status, headers, content type and body, with \
            openapi-pact-comparator's result codes. Message interactions are skipped with one note. A document \
            given by http(s) URL is fetched (its $refs to other files are not followed). Exit codes: 0 compatible \
            (warnings allowed), 1 an error was found, 2 a document or pact cannot be read, 64 bad usage.
            """
    )

    /// The output formats.
    enum Output: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .customLong("openapi"), help: ArgumentHelp("The OpenAPI document: a path or an http(s) URL.", valueName: "file|url"))
    var document: String

    @Option(name: .customLong("pact"), parsing: .upToNextOption,
            help: ArgumentHelp("A pact file (repeatable; several may follow one --pact).", valueName: "file"))
    var pacts: [String] = []

    @Option(help: "text: results grouped by interaction with a summary; json: one array of every result.")
    var output: Output = .text

    @Option(name: .customLong("base-path"),
            help: ArgumentHelp("A path prefix that replaces the document's own (`/v1`; Swagger's basePath, OpenAPI 3's first server).", valueName: "path"))
    var basePath: String?

    @Option(name: .customLong("request-timeout"), help: ArgumentHelp("Timeout for fetching a document URL, in milliseconds.", valueName: "ms"))
    var requestTimeout: Int = 10_000

    func validate() throws {
        if document.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--openapi must not be blank") }
        if pacts.isEmpty { throw ValidationError("give at least one pact with --pact FILE") }
        if let blank = pacts.first(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--pact must not be blank ('\(blank)')")
        }
        if let basePath, basePath.contains("?") || basePath.contains("#") || basePath.contains("://") {
            throw ValidationError("--base-path must be a path such as /v1, not '\(basePath)'")
        }
        if requestTimeout <= 0 { throw ValidationError("--request-timeout must be a positive number of milliseconds") }
    }

    func run() async throws {
        var unreadable = false
        let document: OpenAPIDocument?
        do {
            document = try await OpenAPIDocumentSource.read(self.document, timeout: .milliseconds(requestTimeout))
        } catch {
            Self.complain("cannot read the OpenAPI document: \(error)")
            document = nil
            unreadable = true
        }
        var read: [(file: String, pact: Pact)] = []
        for file in pacts {
            do {
                read.append((file, try PactReader.read(contentsOf: URL(fileURLWithPath: file))))
            } catch {
                Self.complain("cannot read a pact: \(error)")
                unreadable = true
            }
        }
        guard let document, !unreadable else { throw ExitCode(2) }

        let comparator = OpenAPIComparator(document: document, basePath: basePath)
        let report = OpenAPICheckReport(document: self.document, pacts: read.map { file, pact in
            OpenAPICheckReport.PactCheck(file: file, consumer: pact.consumer, provider: pact.provider,
                                         interactionCount: pact.interactions.count, comparison: comparator.compare(pact))
        })
        print(output == .json ? report.json() : report.text(), terminator: "")
        if report.hasErrors { throw ExitCode(1) }
    }

    private static func complain(_ text: String) {
        FileHandle.standardError.write(Data("pactkit openapi-check: \(text)\n".utf8))
    }
}
#endif
