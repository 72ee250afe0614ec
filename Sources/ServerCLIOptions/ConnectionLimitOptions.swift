import ArgumentParser
import HTTPServerCore

/// The HTTP server's timeouts and connection cap as command-line options, shared by `pactkit mock` and
/// `codes-service` so both servers are tuned with the same words.
public struct ConnectionLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Close a connection that waits this long for its next request.", valueName: "ms"))
    public var idleTimeout = 60_000

    @Option(help: ArgumentHelp("A request's headers must arrive within this long, else 408.", valueName: "ms"))
    public var headerTimeout = 10_000

    @Option(help: ArgumentHelp(
        "A request's body must arrive within this long after its headers, else 408.", valueName: "ms"))
    public var bodyTimeout = 30_000

    @Option(help: ArgumentHelp("Connections served at once; more get 503.", valueName: "count"))
    public var maxConnections = 1024

    /// The defaults: 60 s idle, 10 s for headers, 30 s for a body, 1024 connections.
    public init() {}

    public func validate() throws {
        for (name, value) in [("--idle-timeout", idleTimeout), ("--header-timeout", headerTimeout),
                              ("--body-timeout", bodyTimeout), ("--max-connections", maxConnections)] where value < 1 {
            throw ValidationError("\(name) must be at least 1, got \(value)")
        }
    }

    /// The limits for `HTTPServerConfiguration`.
    public var limits: HTTPConnectionLimits {
        HTTPConnectionLimits(
            idleTimeout: .milliseconds(idleTimeout), headerTimeout: .milliseconds(headerTimeout),
            bodyTimeout: .milliseconds(bodyTimeout), maxConnections: maxConnections)
    }
}
