import ArgumentParser

/// `pactkit`: contract-testing tools for Pact files.
@main
struct PactKitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pactkit",
        abstract: "Pact contract testing in Swift: verify providers against pacts, serve pacts as a mock provider, and work with a Pact Broker.",
        subcommands: subcommands
    )

    private static var subcommands: [any ParsableCommand.Type] {
        var commands: [any ParsableCommand.Type] = [
            VerifyCommand.self, MockCommand.self,
            PublishCommand.self, CanIDeployCommand.self, RecordDeploymentCommand.self, RecordReleaseCommand.self,
            RecordUndeploymentCommand.self, CreateVersionTagCommand.self, CreateEnvironmentCommand.self,
        ]
        #if BrokerServer
        commands.append(BrokerCommand.self)
        #endif
        return commands
    }
}
