// PactKit's benchmarks, run from scripts/ against a release build.
import ArgumentParser
import Foundation

@main
struct PactKitBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pactkit-bench",
        abstract: "PactKit benchmarks (run them through scripts/bench-*.sh, release build).",
        subcommands: commands,
        defaultSubcommand: Foundation_.self
    )

    static var commands: [any ParsableCommand.Type] {
        #if OpenAPI
        [Foundation_.self, MockStart.self, MockServe.self, Profile.self, OpenAPICheck.self, OpenAPIFixtures.self]
        #else
        [Foundation_.self, MockStart.self, MockServe.self, Profile.self]
        #endif
    }
}

extension PactKitBench {
    struct Foundation_: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "foundation", abstract: "1 MB JSON body match; 1,000-interaction pact read and write.")

        func run() throws { try runFoundationBenchmark() }
    }

    struct Profile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Loops one foundation operation for a profiler.")

        @Argument(help: "profile-read, profile-parse, profile-write or profile-match")
        var operation: String

        func run() throws { try profileFoundation(operation) }
    }
}
