#if OpenAPI
import ArgumentParser
import Foundation
import PactModel
import PactOpenAPI

extension PactKitBench {
    struct OpenAPICheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "openapi",
            abstract: "Reading a generated 200-path OpenAPI document and comparing a 1,000-interaction pact with it.")

        @Option(help: "Resources in the document, 10 paths each.") var resources = 20
        @Option(help: "Interactions in the pact.") var interactions = 1_000
        @Option(help: "Timed runs of each operation.") var runs = 20
        @Option(help: "The document's format: yaml or json.") var format = "yaml"
        @Option(help: "Write the document and the pact into this folder (kept) instead of a temporary one.") var write: String?

        func run() throws { try runOpenAPIBenchmark(self) }
    }

    struct OpenAPIFixtures: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "openapi-fixtures",
            abstract: "Compares every pact in Fixtures/ and pacts/ with every OpenAPI document in Fixtures/, and hostile inputs; never traps.")

        @Option(help: "The package root.") var root = "."

        func run() throws { try runOpenAPIFixtureSweep(root: root) }
    }
}

func runOpenAPIBenchmark(_ options: PactKitBench.OpenAPICheck) throws {
    let inputs = OpenAPIBenchInputs(resources: options.resources, interactions: options.interactions)
    let folder = options.write ?? NSTemporaryDirectory() + "pactkit-bench-openapi-\(getpid())"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { if options.write == nil { try? FileManager.default.removeItem(atPath: folder) } }
    let json = options.format == "json"
    let documentPath = folder + (json ? "/bench-openapi.json" : "/bench-openapi.yaml")
    let documentText = json ? JSONWriter.compact(inputs.document) : yamlText(inputs.document)
    try documentText.write(toFile: documentPath, atomically: true, encoding: .utf8)
    let pactPath = folder + "/bench-pact.json"
    try PactWriter.data(for: inputs.pact, version: .v3).write(to: URL(fileURLWithPath: pactPath))

    let document = try OpenAPIDocumentReader.read(path: documentPath)
    let pact = try PactReader.read(contentsOf: URL(fileURLWithPath: pactPath))
    let paths = Set(document.operations.map(\.pathTemplate)).count
    print("PactKit OpenAPI check benchmark (release build)\n")
    print("document: \(documentPath), \(options.format), \(documentText.utf8.count) bytes, \(paths) paths, \(document.operations.count) operations")
    print("pact: \(pactPath), \(pact.interactions.count) interactions\n")

    // The comparison must find exactly the errors the generator put in.
    let comparison = OpenAPIComparator(document: document).compare(pact)
    var erroneous: Set<Int> = []
    for result in comparison.results where result.type == .error {
        let description = result.mockDetails.interactionDescription
        if let number = description.split(separator: " ").dropFirst().first.flatMap({ Int($0.dropLast()) }) { erroneous.insert(number) }
    }
    let warnings = comparison.results.count - comparison.errors.count
    print("results: \(comparison.errors.count) errors in \(erroneous.count) interactions, \(warnings) warnings")
    let codes = Dictionary(grouping: comparison.results, by: { "\($0.type.rawValue) \($0.code.rawValue)" }).mapValues(\.count)
    for (code, count) in codes.sorted(by: { $0.key < $1.key }) { print("  \(code) ×\(count)") }
    let wrong = erroneous != inputs.expectedErrors
    if wrong {
        let unexpected = erroneous.subtracting(inputs.expectedErrors).sorted()
        let missed = inputs.expectedErrors.subtracting(erroneous).sorted()
        print("error: unexpected errors in interactions \(unexpected.prefix(10)), none in \(missed.prefix(10))")
        for result in comparison.errors where unexpected.prefix(3).contains(where: { result.mockDetails.interactionDescription.hasPrefix("interaction \($0):") }) {
            print("  \(result.mockDetails.interactionDescription): \(result.code.rawValue) \(result.message) at \(result.mockDetails.location)")
        }
    }
    print("")

    let read = try measureTimes("read the document (\(paths) paths, \(options.format))", iterations: options.runs) {
        _ = try OpenAPIDocumentReader.read(path: documentPath)
    }
    let readPact = try measureTimes("read the pact (\(pact.interactions.count) interactions)", iterations: options.runs) {
        _ = try PactReader.read(contentsOf: URL(fileURLWithPath: pactPath))
    }
    let compare = try measureTimes("compare the pact with the document", iterations: options.runs) {
        precondition(!OpenAPIComparator(document: document).compare(pact).results.isEmpty)
    }
    let total = try measureTimes("total: read both + compare", iterations: options.runs) {
        let document = try OpenAPIDocumentReader.read(path: documentPath)
        let pact = try PactReader.read(contentsOf: URL(fileURLWithPath: pactPath))
        precondition(OpenAPIComparator(document: document).compare(pact).hasErrors)
    }
    for m in [read, readPact, compare, total] { m.report() }
    print("peak RSS: \(peakResidentMegabytes()) MB")
    if wrong {
        print("error: the comparison did not find exactly the errors the generator put in (see above)")
        Foundation.exit(1)
    }
}

/// Wall-clock and CPU timings of one operation: the machine may be shared, and CPU time shows the work itself.
struct Timings {
    let name: String
    let wall: [Duration]
    let cpu: [Duration]

    func report() {
        func ms(_ samples: [Duration], _ quantile: Double) -> String {
            let sorted = samples.sorted()
            let (seconds, attoseconds) = sorted[min(sorted.count - 1, Int(Double(sorted.count) * quantile))].components
            return String(format: "%8.1f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
        }
        print("\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) p50 \(ms(wall, 0.5))  best \(ms(wall, 0))  CPU p50 \(ms(cpu, 0.5))  (\(wall.count) runs)")
    }
}

/// Runs `body` once to warm up, then `iterations` times, timing each run's wall clock and its thread's CPU time.
func measureTimes(_ name: String, iterations: Int, _ body: () throws -> Void) throws -> Timings {
    func cpuNow() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
    try body()
    var wall: [Duration] = []
    var cpu: [Duration] = []
    let clock = ContinuousClock()
    for _ in 0..<iterations {
        let cpuStart = cpuNow()
        wall.append(try clock.measure(body))
        cpu.append(cpuNow() - cpuStart)
    }
    return Timings(name: name, wall: wall, cpu: cpu)
}

/// The process's peak resident set (VmHWM), in MB, or "?" where /proc is not there.
func peakResidentMegabytes() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return "?" }
    return String(format: "%.1f", kilobytes / 1024)
}
#endif
