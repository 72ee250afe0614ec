// PactKit's benchmarks, run from scripts/ against a release build.
import ArgumentParser
import Foundation

@main
struct PactKitBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pactkit-bench",
        abstract: "PactKit benchmarks (run them through scripts/bench-*.sh, release build).",
        subcommands: [Foundation_.self, MockStart.self, MockServe.self, Profile.self],
        defaultSubcommand: Foundation_.self
    )
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

        @Argument(help: "profile-read, profile-parse or profile-match")
        var operation: String

        func run() throws { try profileFoundation(operation) }
    }
}
