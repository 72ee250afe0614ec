import ArgumentParser
import Foundation
import Logging
import HTTPServerCore
import ProcessLifecycle
import PactMockServer
import PactModel

/// Interactions for the mock-provider benchmarks: even indexes are `GET /orders/{i}`, odd ones `POST /orders/{i}`
/// with a JSON body; responses carry JSON bodies with type and regex rules.
func benchmarkInteractions(count: Int) -> [HTTPInteraction] {
    (0..<count).map { i in
        var request = PactRequest(method: "GET", path: "/orders/\(i)", headers: ["Accept": ["application/json"]])
        var status = 200
        if i % 2 == 1 {
            request = PactRequest(
                method: "POST", path: "/orders/\(i)", headers: ["Content-Type": ["application/json"]],
                body: .json(["sku": .string("SKU-\(i)"), "quantity": 1], contentType: .json))
            request.matchingRules.add(.integer, category: .body, key: "$.quantity")
            status = 201
        }
        var response = PactResponse(
            status: status, headers: ["Content-Type": ["application/json"]],
            body: .json(["id": .int(i), "status": "shipped", "lines": [["sku": .string("SKU-\(i)"), "quantity": 1]]],
                        contentType: .json))
        response.matchingRules.add(.type, category: .body, key: "$.id")
        response.matchingRules.add(.regex("shipped|pending"), category: .body, key: "$.status")
        let info = InteractionInfo(description: "order \(i)", providerStates: [ProviderState(name: "order \(i) exists")])
        return HTTPInteraction(info: info, request: request, response: response)
    }
}

extension PactKitBench {
    struct MockStart: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mock-start", abstract: "Times starting and stopping an in-process mock provider.")

        @Option(help: "Interactions served.") var interactions = 10
        @Option(help: "Start/stop cycles timed.") var iterations = 500

        func run() async throws {
            let served = benchmarkInteractions(count: interactions)
            let clock = ContinuousClock()
            var samples: [Duration] = []
            for round in 0...iterations {
                let start = clock.now
                let server = try await MockServer.start(interactions: served)
                try await server.shutdown()
                if round > 0 { samples.append(clock.now - start) }  // round 0 warms up
            }
            Measurement(name: "mock provider start + stop (\(interactions) interactions)", samples: samples).report()
        }
    }

    struct MockServe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mock-serve",
            abstract: "Serves benchmark interactions until SIGTERM/SIGINT, then prints what it recorded.")

        @Option(help: "Interactions served.") var interactions = 10
        @Option(help: "Port (0 picks one).") var port = 0

        func run() async throws {
            let lifecycle = await ServerLifecycle()
            let server = try await MockServer.start(
                interactions: benchmarkInteractions(count: interactions),
                configuration: MockServerConfiguration(port: port))
            FileHandle.standardOutput.write(Data("listening on \(server.url.absoluteString)\n".utf8))
            let stop = StopOnShutdown {
                let verification = server.verification()
                print("matched \(verification.matchedCount), mismatched \(verification.mismatched.count), "
                    + "unexpected \(verification.unexpected.count)")
                try await server.shutdown()
            }
            // The benchmark's output is its measurements: the signal lines are not wanted.
            try await lifecycle.run([stop], logger: Logger(label: "pactkit-bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        }
    }
}
