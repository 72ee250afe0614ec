import ArgumentParser
import CommandLineLogging
import Foundation
import PactBroker

/// `pactkit publish`: publishes pact files to a Pact Broker, as `pact-broker publish` does.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish pacts to a Pact Broker.",
        discussion: """
            Every file is checked to be a pact before anything is sent. Uses the broker's pb:publish-contracts \
            (one call per consumer) and falls back to the per-pact PUT with branch and tag calls on brokers \
            without it. Prints the broker's notices. Exit codes: 0 published, 1 the broker refused or could not \
            be reached, 64 bad usage.
            """
    )

    @Argument(help: ArgumentHelp("Pact files, or directories of *.json pacts.", valueName: "path"))
    var paths: [String]

    @Option(name: [.customShort("a"), .customLong("consumer-app-version")], help: "The consumer version (the git SHA).")
    var consumerAppVersion: String

    @Option(name: .long, help: "The consumer version's branch.")
    var branch: String?

    @Option(name: [.customShort("t"), .customLong("tag")], help: "A tag for the consumer version (repeatable).")
    var tags: [String] = []

    @Option(name: .customLong("build-url"), help: "The CI build that produced the pacts.")
    var buildURL: String?

    @OptionGroup var broker: BrokerOptions
    @OptionGroup(title: "Logging") var logging: LoggingOptions

    func validate() throws {
        if consumerAppVersion.trimmingCharacters(in: .whitespaces).isEmpty || consumerAppVersion.contains("\n") {
            throw ValidationError("--consumer-app-version must be a non-blank single line")
        }
        if let branch, branch.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--branch must not be blank") }
        if tags.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) { throw ValidationError("--tag must not be blank") }
    }

    func run() async throws {
        try logging.bootstrap()
        let configuration = try broker.configuration(environment: ProcessInfo.processInfo.environment)
        var pacts: [PactFileToPublish] = []
        do throws(BrokerError) {
            for path in paths {
                for file in try PactFileToPublish.expand(path) { pacts.append(try PactFileToPublish.read(path: file)) }
            }
        } catch {
            BrokerOutput.error("pactkit publish: \(error.reason); nothing was published")
            throw ExitCode(1)
        }
        let publication = PactPublication(pacts: pacts, consumerVersion: consumerAppVersion, branch: branch, tags: tags,
                                          buildURL: buildURL)
        let outcomes = try await BrokerRun.with(configuration, command: "publish", plain: broker.noColour) { client in try await client.publish(publication) }
        for outcome in outcomes {
            for notice in outcome.notices { BrokerOutput.notice(notice, plain: broker.noColour) }
        }
    }
}
