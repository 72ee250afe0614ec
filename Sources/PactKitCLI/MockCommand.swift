import ArgumentParser

/// `pactkit mock`: serves pacts as a standalone mock provider.
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mock", abstract: "Serve pacts as a mock provider.")

    func run() async throws { throw ValidationError("not implemented yet") }
}
