import ArgumentParser
import CommandLineLogging
import Foundation
import PactBroker
import PactModel

/// `pactkit can-i-deploy`: asks the broker whether versions can be deployed together, as `pact-broker can-i-deploy`.
struct CanIDeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "can-i-deploy",
        abstract: "Ask the Pact Broker whether a version can be deployed.",
        discussion: """
            Each --pacticipant NAME (-a) is followed by its version: --version V (-e), --latest [TAG] (-l), \
            --branch B or --main-branch. \
            Exit codes: 0 deployable, 1 not deployable (or still unknown after the retries), 2 error, 64 bad usage. \
            With --dry-run the answer is printed and the exit code is 0 unless the broker could not be asked.
            """
    )

    // Each pacticipant is paired with the version options after it, so they are read in order from the words
    // ArgumentParser leaves (see PacticipantSelectorArguments); the discussion above documents them.
    @Argument(parsing: .allUnrecognized, help: .hidden)
    var selection: [String] = []

    @Option(name: .customLong("to-environment"), help: "The environment to deploy to.")
    var toEnvironment: String?

    @Option(name: .customLong("to"), help: "The tag of the target environment (legacy).")
    var toTag: String?

    @Option(name: .customLong("retry-while-unknown"), help: "Times to ask again while results are unknown.")
    var retryWhileUnknown: Int = 0

    @Option(name: .customLong("retry-interval"), help: "Seconds between those retries.")
    var retryInterval: Double = 10

    @Flag(name: .customLong("dry-run"), help: "Print the answer but exit 0 (or PACT_BROKER_CAN_I_DEPLOY_DRY_RUN=true).")
    var dryRun = false

    @Option(name: [.customShort("o"), .customLong("output")], help: "table or json.")
    var output: CanIDeployOutput = .table

    @OptionGroup var broker: BrokerOptions
    @OptionGroup(title: "Logging") var logging: LoggingOptions

    func validate() throws {
        if toEnvironment != nil, toTag != nil { throw ValidationError("give either --to-environment or --to, not both") }
        if let toEnvironment, toEnvironment.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--to-environment must not be blank")
        }
        if retryWhileUnknown < 0 || retryInterval < 0 { throw ValidationError("--retry-while-unknown and --retry-interval must not be negative") }
        _ = try query()
    }

    func run() async throws {
        try logging.bootstrap()
        let environment = ProcessInfo.processInfo.environment
        let configuration = try broker.configuration(environment: environment)
        let dryRun = dryRun || environment["PACT_BROKER_CAN_I_DEPLOY_DRY_RUN"]?.lowercased() == "true"
        let query = try query()
        let times = dryRun ? 0 : retryWhileUnknown
        let answer = try await BrokerRun.with(configuration, command: "can-i-deploy", failure: 2, plain: broker.noColour) { client in
            try await client.canIDeploy(query, retryWhileUnknown: times, interval: .milliseconds(Int(retryInterval * 1000))) { message in
                BrokerOutput.error(message)
            }
        }
        let deployable = answer.deployable == true
        switch output {
        case .json:
            print(JSONWriter.pretty(answer.rawJSON))
        case .table:
            var text = answer.table()
            if dryRun {
                let verdict = deployable ? "Computer says yes \\o/ (and maybe you don't need to enable dry run)"
                    : "Computer says no ¯\\_(ツ)_/¯ (but you're ignoring this by enabling dry run)"
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                lines[0] = verdict
                if lines.last == "" { lines.removeLast() }
                lines.append("")
                lines.append("Dry run enabled - ignoring any failures")
                text = lines.map { "[dry-run] " + $0 }.joined(separator: "\n") + "\n"
            }
            print(text, terminator: "")
        }
        if !deployable, !dryRun { throw ExitCode(1) }
    }

    private func query() throws -> CanIDeployQuery {
        CanIDeployQuery(selectors: try PacticipantSelectorArguments.parse(selection), toEnvironment: toEnvironment, toTag: toTag)
    }
}

/// `--output` of can-i-deploy.
enum CanIDeployOutput: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
