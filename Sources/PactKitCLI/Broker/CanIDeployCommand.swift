import ArgumentParser
import Foundation
import PactBroker
import PactModel

/// `pactkit can-i-deploy`: asks the broker whether versions can be deployed together, as `pact-broker can-i-deploy`.
struct CanIDeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "can-i-deploy",
        abstract: "Ask the Pact Broker whether a version can be deployed.",
        discussion: """
            Each --pacticipant is followed by --version V or --latest [TAG] (or --branch B / --main-branch). \
            Exit codes: 0 deployable, 1 not deployable (or still unknown after the retries), 2 error, 64 bad usage. \
            With --dry-run the answer is printed and the exit code is 0 unless the broker could not be asked.
            """
    )

    @Option(name: [.customShort("a"), .customLong("pacticipant")], help: "A pacticipant (repeatable; each followed by its version selection).")
    var pacticipants: [String] = []

    @Option(name: [.customShort("e"), .customLong("version")], help: "The version of the preceding pacticipant.")
    var versions: [String] = []

    @Option(name: [.customShort("l"), .customLong("latest")], parsing: .unconditionalSingleValue,
            help: ArgumentHelp("The latest version of the preceding pacticipant, optionally with TAG (pass '' for none).", valueName: "tag"))
    var latest: [String] = []

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

    func validate() throws {
        if pacticipants.isEmpty { throw ValidationError("give at least one --pacticipant") }
        if toEnvironment != nil, toTag != nil { throw ValidationError("give either --to-environment or --to, not both") }
        if let toEnvironment, toEnvironment.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--to-environment must not be blank")
        }
        if retryWhileUnknown < 0 || retryInterval < 0 { throw ValidationError("--retry-while-unknown and --retry-interval must not be negative") }
        _ = try query()
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try broker.configuration(environment: environment)
        let dryRun = dryRun || environment["PACT_BROKER_CAN_I_DEPLOY_DRY_RUN"]?.lowercased() == "true"
        let query = try query()
        let times = dryRun ? 0 : retryWhileUnknown
        let answer = try await BrokerRun.with(configuration, command: "can-i-deploy", failure: 2) { client in
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

    /// Pairs each pacticipant with the version options that follow it on the command line.
    private func query() throws -> CanIDeployQuery {
        let arguments = CommandLine.arguments
        var selectors: [CanIDeployQuery.Selector] = []
        var index = 0
        var versionQueue = versions[...]
        var latestQueue = latest[...]
        while index < arguments.count {
            let argument = arguments[index]
            if ["-a", "--pacticipant"].contains(argument) || argument.hasPrefix("--pacticipant=") {
                let name = argument.hasPrefix("--pacticipant=") ? String(argument.dropFirst("--pacticipant=".count))
                    : (index + 1 < arguments.count ? arguments[index + 1] : "")
                selectors.append(CanIDeployQuery.Selector(pacticipant: name))
            } else if ["-e", "--version"].contains(argument) || argument.hasPrefix("--version=") {
                guard !selectors.isEmpty, let version = versionQueue.popFirst() else {
                    throw ValidationError("--version must follow a --pacticipant")
                }
                selectors[selectors.count - 1].version = version
            } else if ["-l", "--latest"].contains(argument) || argument.hasPrefix("--latest=") {
                guard !selectors.isEmpty, let tag = latestQueue.popFirst() else {
                    throw ValidationError("--latest must follow a --pacticipant")
                }
                selectors[selectors.count - 1].latest = true
                selectors[selectors.count - 1].tag = tag.isEmpty ? nil : tag
            }
            index += 1
        }
        // Parsed by ArgumentParser but not found in the raw arguments (e.g. under tests): pair them in order.
        if selectors.isEmpty {
            selectors = pacticipants.enumerated().map { offset, name in
                CanIDeployQuery.Selector(pacticipant: name, version: offset < versions.count ? versions[offset] : nil)
            }
        }
        for selector in selectors where selector.version == nil && !selector.latest {
            throw ValidationError("--pacticipant \(selector.pacticipant) needs --version V or --latest [TAG]")
        }
        return CanIDeployQuery(selectors: selectors, toEnvironment: toEnvironment, toTag: toTag)
    }
}

/// `--output` of can-i-deploy.
enum CanIDeployOutput: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
