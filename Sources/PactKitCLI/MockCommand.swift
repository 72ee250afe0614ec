import ArgumentParser
import CommandLineLogging
import Foundation
import PactMockServer
import PactStandaloneMock
import ServerCLIOptions

/// `pactkit mock`: serves pacts as a standalone mock provider.
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Serve pacts as a mock provider.",
        discussion: """
            Serves every HTTP interaction of the given pacts on one port. The first line on standard output is \
            `listening on http://HOST:PORT`; then one line per request: the interaction that answered it, or why none \
            did. Diagnostics go to standard error. When several interactions match a request, the provider-state \
            header picks one by state name, else --provider-state, else the most specific, then the first in file \
            order. Unmatched requests get 500 with an `X-Pact` header and a JSON body naming the closest interaction \
            and every mismatch. The admin API lives under /__pactkit/ (health, interactions, log, verification). \
            With --tls-cert and --tls-key, or --tls-self-signed, it serves https (the first line then says \
            https://); --tls-self-signed makes a certificate for localhost and 127.0.0.1 at start and writes its PEM \
            to --tls-self-signed-out (default: a file in the temporary directory), named on standard error, for \
            clients to trust. Exit codes: 2 for a missing or malformed pact, colliding providers, or an unusable \
            certificate or key; 64 for a usage error; 1 when the port cannot be bound. SIGINT or SIGTERM stops the server after in-flight requests finish; a second one exits \
            at once.
            """)

    @Option(name: .customLong("file"), help: ArgumentHelp("A pact file to serve (repeatable).", valueName: "path"))
    var files: [String] = []

    @Option(name: .customLong("dir"), help: ArgumentHelp(
        "A directory whose *.json files are all pacts to serve (repeatable).", valueName: "path"))
    var directories: [String] = []

    @Option(help: "The address to bind.")
    var host = "127.0.0.1"

    @Option(help: "The port to bind; 0 picks a free one.")
    var port = 0

    @Flag(help: "Answer CORS pre-flight requests and add CORS headers to every response.")
    var cors = false

    @Flag(help: "Reload pact files when they change; a broken file is reported and its last good version kept.")
    var watch = false

    @Option(help: ArgumentHelp("Milliseconds between checks for changes with --watch.", valueName: "ms"))
    var watchInterval = 250

    @Option(help: ArgumentHelp(
        "Prefer interactions with a provider state this regular expression matches (whole name) when several match.",
        valueName: "regex"))
    var providerState: String?

    @Option(help: ArgumentHelp("The request header that names the provider state to answer with.", valueName: "name"))
    var providerStateHeaderName = "X-Pact-Provider-State"

    @Option(help: ArgumentHelp("Requests kept for the admin log (the newest).", valueName: "count"))
    var logLimit = 10_000

    @Option(help: ArgumentHelp("Requests with a larger body get 413.", valueName: "bytes"))
    var maxBodyBytes = 8 * 1024 * 1024

    @Option(help: ArgumentHelp("Requests with more header fields get 431.", valueName: "count"))
    var maxHeaderCount = 100

    @Option(help: ArgumentHelp(
        "Bytes of a mismatched value (often a whole body) kept in the log and echoed in a 500; longer ones keep a prefix and their size.",
        valueName: "bytes"))
    var maxEchoedValueBytes = 4 * 1024

    @Flag(help: "Match every request afresh instead of remembering which interaction answered an identical one.")
    var noMatchCache = false

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp(
        "Serve https with this certificate chain (PEM, leaf first); needs --tls-key.", valueName: "file"))
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp(
        "The private key (PEM, unencrypted) of --tls-cert's certificate.", valueName: "file"))
    var tlsKey: String?

    @Flag(help: "Serve https with a certificate made at start for localhost and 127.0.0.1; its PEM is written for clients to trust.")
    var tlsSelfSigned = false

    @Option(name: .customLong("tls-self-signed-out"), help: ArgumentHelp(
        "Where --tls-self-signed writes its certificate (PEM); default: pactkit-mock-<pid>.pem in the temporary directory.",
        valueName: "file"))
    var tlsSelfSignedOut: String?

    @OptionGroup(title: "Connections")
    var connections: ConnectionLimitOptions

    @OptionGroup(title: "Logging")
    var logging: LoggingOptions

    // Not `validate()`: argument-parser runs that before it reports unknown options, so `mock -f x` would say
    // "nothing to serve". `run()` calls this first; `PactKitCommand.main` prints its errors with this command's usage.
    private func checkUsage() throws {
        guard !files.isEmpty || !directories.isEmpty else {
            throw ValidationError("nothing to serve: give at least one --file or --dir")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        guard watchInterval >= 10 else { throw ValidationError("--watch-interval must be at least 10 ms") }
        guard logLimit >= 0 else { throw ValidationError("--log-limit must not be negative") }
        guard maxBodyBytes >= 0 else { throw ValidationError("--max-body-bytes must not be negative") }
        guard maxHeaderCount >= 1 else { throw ValidationError("--max-header-count must be at least 1") }
        guard maxEchoedValueBytes >= 0 else { throw ValidationError("--max-echoed-value-bytes must not be negative") }
        let separators = CharacterSet(charactersIn: "()<>@,;:\\\"/[]?={} \t")
        guard !providerStateHeaderName.isEmpty,
              providerStateHeaderName.rangeOfCharacter(from: separators.union(.controlCharacters)) == nil
        else {
            throw ValidationError("--provider-state-header-name must be an HTTP header name, got '\(providerStateHeaderName)'")
        }
        if let providerState {
            do { _ = try ProviderStatePattern(providerState) } catch {
                throw ValidationError("--provider-state: \(error)")
            }
        }
        _ = try tls()
    }

    /// The https asked for: --tls-cert with --tls-key, or --tls-self-signed; nil for plain HTTP.
    private func tls() throws -> MockServerTLS? {
        if tlsSelfSigned {
            guard tlsCertificate == nil, tlsKey == nil else {
                throw ValidationError("--tls-self-signed makes its own certificate: give it or --tls-cert/--tls-key, not both")
            }
            return .selfSigned
        }
        guard tlsSelfSignedOut == nil else { throw ValidationError("--tls-self-signed-out needs --tls-self-signed") }
        switch (tlsCertificate, tlsKey) {
        case (nil, nil): return nil
        case (let certificate?, let key?): return .files(certificate: certificate, key: key)
        case (_?, nil): throw ValidationError("--tls-cert needs --tls-key: the private key of the certificate")
        case (nil, _?): throw ValidationError("--tls-key needs --tls-cert: the certificate chain the key belongs to")
        }
    }

    func run() async throws {
        try checkUsage()
        try logging.bootstrap()
        let settings = StandaloneMockSettings(
            sources: PactSources(files: files, directories: directories), host: host, port: port, watch: watch,
            watchInterval: .milliseconds(watchInterval), preferredState: try providerState.map(ProviderStatePattern.init),
            options: StandaloneOptions(cors: cors, providerStateHeader: providerStateHeaderName, logLimit: logLimit,
                                       memoizeMatches: !noMatchCache, maxHeaderCount: maxHeaderCount,
                                       maxEchoedValueBytes: maxEchoedValueBytes),
            maxBodyBytes: maxBodyBytes,
            connectionLimits: connections.limits, tls: try tls(), selfSignedCertificatePath: tlsSelfSignedOut)
        do {
            try await StandaloneMockRunner.run(settings)
        } catch .load, .tls {
            throw ExitCode(2)
        } catch .bind {
            throw ExitCode.failure
        }
    }
}
