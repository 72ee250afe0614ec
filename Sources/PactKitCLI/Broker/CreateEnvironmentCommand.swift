import ArgumentParser
import CommandLineLogging
import Foundation
import PactBroker

/// `pactkit create-environment`: creates an environment in the broker, as pact-broker's command of that name.
struct CreateEnvironmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-environment",
        abstract: "Create an environment (such as production) to record deployments to.",
        discussion: "Exit codes: 0 created, 1 the broker refused (an environment with that name exists) or could not be reached, 64 bad usage.")

    @Option(name: .customLong("name"), help: "The environment's name, as record-deployment and can-i-deploy use it.")
    var name: String
    @Option(name: .customLong("display-name"), help: "A name for people.")
    var displayName: String?
    @Flag(name: .customLong("production"), help: "It is a production environment.")
    var production = false
    @OptionGroup var broker: BrokerOptions
    @OptionGroup(title: "Logging") var logging: LoggingOptions

    func run() async throws {
        try logging.bootstrap()
        let configuration = try broker.configuration(environment: ProcessInfo.processInfo.environment)
        let environment = try await BrokerRun.with(configuration, command: "create-environment", plain: broker.noColour) { client in
            try await client.createEnvironment(name: name, displayName: displayName, production: production)
        }
        print("Created \(environment.name) environment in the Pact Broker with UUID \(environment.uuid)")
    }
}
