import ArgumentParser
import Foundation
import PactModel

/// `pactkit`: contract-testing tools for Pact files.
@main
struct PactKitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pactkit",
        abstract: "Pact contract testing in Swift: verify providers against pacts, serve pacts as a mock provider, and work with a Pact Broker.",
        discussion: "pactkit --version prints the version.",
        subcommands: subcommands
    )

    private static var subcommands: [any ParsableCommand.Type] {
        var commands: [any ParsableCommand.Type] = [
            VerifyCommand.self, MockCommand.self,
            PublishCommand.self, CanIDeployCommand.self, RecordDeploymentCommand.self, RecordReleaseCommand.self,
            RecordUndeploymentCommand.self, CreateVersionTagCommand.self, CreateEnvironmentCommand.self,
            PublishProviderContractCommand.self,
        ]
        #if BrokerServer
        commands.append(BrokerCommand.self)
        #endif
        #if OpenAPI
        commands.append(OpenAPICheckCommand.self)
        #endif
        return commands
    }

    /// argument-parser's `main`, except that a `ValidationError` thrown while a subcommand runs (a usage mistake found
    /// only then, e.g. a missing broker URL) prints that subcommand's usage rather than the root's, and that
    /// `pactkit --version` prints the version.
    ///
    /// The version is not argument-parser's `CommandConfiguration(version:)`: that treats `--version` anywhere on the
    /// line as a request for it, and `can-i-deploy --pacticipant A --version 1` reads its own `--version` words.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--version"] {
            print(PactWriter.pactKitVersion)
            return
        }
        let command: any ParsableCommand
        do {
            command = try await asyncParseAsRoot(arguments)
        } catch {
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch let error as ValidationError {
            let type = Swift.type(of: command)
            let path = commandPath(to: type).joined(separator: " ")
            let text = "Error: \(error.message)\nUsage: \(usageString(for: type))\n  See '\(path) --help' for more information.\n"
            FileHandle.standardError.write(Data(text.utf8))
            exit(withError: ExitCode.validationFailure)
        } catch {
            exit(withError: error)
        }
    }

    /// The command names from `pactkit` down to `target`, e.g. `["pactkit", "broker", "clean"]`.
    static func commandPath(to target: any ParsableCommand.Type) -> [String] {
        func search(_ node: any ParsableCommand.Type, _ path: [String]) -> [String]? {
            let here = path + [node.configuration.commandName ?? String(describing: node).lowercased()]
            if node == target { return here }
            for child in node.configuration.subcommands {
                if let found = search(child, here) { return found }
            }
            return nil
        }
        return search(self, []) ?? ["pactkit"]
    }
}
