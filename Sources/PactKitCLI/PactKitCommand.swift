import ArgumentParser

/// `pactkit`: contract-testing tools for Pact files.
@main
struct PactKitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pactkit",
        abstract: "Pact contract testing in Swift: verify providers against pacts, serve pacts as a mock provider, and work with a Pact Broker.",
        subcommands: [
            VerifyCommand.self, MockCommand.self,
            PublishCommand.self, CanIDeployCommand.self, RecordDeploymentCommand.self, RecordReleaseCommand.self,
            RecordUndeploymentCommand.self, CreateVersionTagCommand.self,
        ]
    )

    /// As `AsyncParsableCommand.main`, with the command's `--no-colour` in effect for everything printed on its
    /// behalf (the broker's notices too).
    static func main() async {
        await parseAndRun()
    }

    /// Parsing and running away from the main actor, as ArgumentParser's own `main` does.
    private nonisolated static func parseAndRun() async {
        do {
            var command = try parseAsRoot()
            let plain = (command as? PlainOutputOption)?.noColour ?? false
            try await BrokerOutput.$colourAllowed.withValue(!plain) {
                if var asyncCommand = command as? AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
            }
        } catch {
            exit(withError: error)
        }
    }
}
