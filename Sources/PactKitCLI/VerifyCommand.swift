import ArgumentParser

/// `pactkit verify`: replays pacts against a running provider.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify a provider against pacts.")

    func run() async throws { throw ValidationError("not implemented yet") }
}
