import ArgumentParser
import CommandLineLogging
import Foundation
import PactBroker

/// `pactkit record-deployment`: records that a version is deployed to an environment.
struct RecordDeploymentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record-deployment",
        abstract: "Record that a version of a pacticipant is deployed to an environment.",
        discussion: "Exit codes: 0 recorded, 1 the broker refused or could not be reached, 64 bad usage.")

    @OptionGroup var target: PacticipantVersionOptions
    @Option(name: .customLong("environment"), help: "The environment.")
    var environment: String
    @Option(name: .customLong("application-instance"), help: "The application instance, when there are several per environment.")
    var applicationInstance: String?
    @OptionGroup var broker: BrokerOptions
    @OptionGroup(title: "Logging") var logging: LoggingOptions

    func run() async throws {
        try logging.bootstrap()
        let configuration = try broker.configuration(environment: ProcessInfo.processInfo.environment)
        try await BrokerRun.with(configuration, command: "record-deployment", plain: broker.noColour) { client in
            try await client.recordDeployment(pacticipant: target.pacticipant, version: target.version, environment: environment,
                                              applicationInstance: applicationInstance)
        }
        let instance = applicationInstance.map { " (application instance \($0))" } ?? ""
        print("Recorded deployment of \(target.pacticipant) version \(target.version) to \(environment) environment\(instance) in the Pact Broker.")
    }
}

/// `pactkit record-release`: records that a version is released to an environment.
struct RecordReleaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record-release",
        abstract: "Record that a version of a pacticipant is released (and supported) in an environment.",
        discussion: "Exit codes: 0 recorded, 1 the broker refused or could not be reached, 64 bad usage.")

    @OptionGroup var target: PacticipantVersionOptions
    @Option(name: .customLong("environment"), help: "The environment.")
    var environment: String
    @OptionGroup var broker: BrokerOptions
    @OptionGroup(title: "Logging") var logging: LoggingOptions

    func run() async throws {
        try logging.bootstrap()
        let configuration = try broker.configuration(environment: ProcessInfo.processInfo.environment)
        try await BrokerRun.with(configuration, command: "record-release", plain: broker.noColour) { client in
            try await client.recordRelease(pacticipant: target.pacticipant, version: target.version, environment: environment)
        }
        print("Recorded release of \(target.pacticipant) version \(target.version) to \(environment) environment in the Pact Broker.")
    }
}

/// `pactkit record-undeployment`: records that a pacticipant is no longer deployed to an environment.
struct RecordUndeploymentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record-undeployment",
        abstract: "Record that a pacticipant is no longer deployed to an environment (only when an instance is removed for good).",
        discussion: "Exit codes: 0 recorded, 1 nothing deployed there, the broker refused or could not be reached, 64 bad usage.")

    @Option(name: [.customShort("a"), .customLong("pacticipant")], help: "The pacticipant.")
    var pacticipant: String
    @Option(name: .customLong("environment"), help: "The environment.")
    var environment: String
    @Option(name: .customLong("application-instance"), help: "The application instance removed.")
    var applicationInstance: String?
    @OptionGroup var broker: BrokerOptions
    @OptionGroup(title: "Logging") var logging: LoggingOptions

    func run() async throws {
        try logging.bootstrap()
        let configuration = try broker.configuration(environment: ProcessInfo.processInfo.environment)
        let versions = try await BrokerRun.with(configuration, command: "record-undeployment", plain: broker.noColour) { client in
            try await client.recordUndeployment(pacticipant: pacticipant, environment: environment,
                                                applicationInstance: applicationInstance)
        }
        for version in versions {
            print("Recorded undeployment of \(pacticipant) version \(version) from \(environment) environment in the Pact Broker.")
        }
    }
}

/// `pactkit create-version-tag`: tags a pacticipant version.
struct CreateVersionTagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-version-tag",
        abstract: "Add tags to a pacticipant version.",
        discussion: "Exit codes: 0 tagged, 1 the broker refused or could not be reached, 64 bad usage.")

    @OptionGroup var target: PacticipantVersionOptions
    @Option(name: [.customShort("t"), .customLong("tag")], help: "A tag (repeatable).")
    var tags: [String] = []
    @OptionGroup var broker: BrokerOptions
    @OptionGroup(title: "Logging") var logging: LoggingOptions

    func validate() throws {
        if tags.isEmpty { throw ValidationError("give at least one --tag") }
    }

    func run() async throws {
        try logging.bootstrap()
        let configuration = try broker.configuration(environment: ProcessInfo.processInfo.environment)
        try await BrokerRun.with(configuration, command: "create-version-tag", plain: broker.noColour) { client in
            try await client.createVersionTags(pacticipant: target.pacticipant, version: target.version, tags: tags)
        }
        for tag in tags { print("Tagged \(target.pacticipant) version \(target.version) with '\(tag)' in the Pact Broker.") }
    }
}

/// `--pacticipant P --version V`, shared by the commands about one pacticipant version.
struct PacticipantVersionOptions: ParsableArguments {
    @Option(name: [.customShort("a"), .customLong("pacticipant")], help: "The pacticipant.")
    var pacticipant: String
    @Option(name: [.customShort("e"), .customLong("version")], help: "The pacticipant's version.")
    var version: String
}
