import ArgumentParser

/// `pactkit`: contract-testing tools for Pact files.
@main
struct PactKitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pactkit",
        abstract: "Pact contract testing in Swift: verify providers against pacts, and serve pacts as a mock provider.",
        subcommands: [VerifyCommand.self, MockCommand.self]
    )
}
