import Foundation
import HTTPServerCore
import PactModel
import PactVerifier
import XCTest

/// One provider's pacts from a folder that also holds another provider's: with the provider's name the others are
/// skipped and reported; without it nothing is verified and the error names every provider.
final class ProviderNameTests: XCTestCase {
    /// A folder like the repository's pacts/: two pacts for `data-lpa-codes`, one for `Pact Broker`.
    private func folder() throws -> URL {
        let directory = try Pacts.temporaryDirectory(self)
        let pacts = [
            ("pactkit-pact-broker.json", Pacts.text(consumer: "pactkit", provider: "Pact Broker", [Pacts.get("the index", path: "/")])),
            ("sirius-data-lpa-codes.json", Pacts.text(consumer: "sirius", provider: "data-lpa-codes", [Pacts.get("create", path: "/create")])),
            ("use-an-lpa-data-lpa-codes.json", Pacts.text(consumer: "use-an-lpa", provider: "data-lpa-codes",
                                                          [Pacts.get("validate", path: "/validate")])),
        ]
        for (name, text) in pacts { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    private func verify(
        _ directory: URL, configure: (inout VerifierConfiguration) throws -> Void = { _ in }
    ) async throws -> (report: VerificationReport, paths: [String]) {
        let provider = try await TestProvider.start { _ in .json(#"{"ok": true}"#) }
        let report = await (try Verifier.against(provider.url, configure: configure)).verify([.directory(directory)])
        let paths = provider.requests.map(\.path)
        await provider.stop()
        return (report, paths)
    }

    func testWithTheProviderNameOtherProvidersPactsAreSkippedAndReported() async throws {
        let directory = try folder()
        let broker = directory.appendingPathComponent("pactkit-pact-broker.json").path
        let (report, paths) = try await verify(directory) { $0.providerName = "data-lpa-codes" }

        XCTAssertEqual(paths, ["/create", "/validate"], "only the named provider's interactions are sent")
        XCTAssertEqual(report.pacts.map(\.consumer), ["sirius", "use-an-lpa"])
        XCTAssertEqual(report.skippedPacts, [SkippedPact(consumer: "pactkit", provider: "Pact Broker", source: broker,
                                                         verifiedProvider: "data-lpa-codes")])
        XCTAssertEqual(report.exitCode, 0)

        let console = report.renderConsole(colour: false)
        XCTAssertTrue(console.hasPrefix("Skipping \(broker): its provider is 'Pact Broker', not 'data-lpa-codes'\n"), console)
        XCTAssertTrue(console.contains("1 pact(s) for other providers skipped: VERIFIED"), console)
        let json = report.json()
        XCTAssertEqual(json["skippedPacts"], [["source": .string(broker), "consumer": "pactkit", "provider": "Pact Broker",
                                               "reason": "its provider is 'Pact Broker', not 'data-lpa-codes'"]])
        XCTAssertEqual(json["summary"]?["pactsSkipped"], 1)
        let xml = report.junitXML()
        XCTAssertTrue(xml.contains(#"<testsuite name="pacts for other providers" tests="1" failures="0" errors="0" skipped="1""#), xml)
        XCTAssertTrue(xml.contains(#"<skipped message="its provider is &apos;Pact Broker&apos;, not &apos;data-lpa-codes&apos;"/>"#), xml)
    }

    func testWithoutTheProviderNamePactsForSeveralProvidersAreAnErrorAndNothingIsVerified() async throws {
        let directory = try folder()
        let (report, paths) = try await verify(directory)
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

        XCTAssertEqual(paths, [], "nothing is sent")
        XCTAssertTrue(report.pacts.isEmpty)
        XCTAssertEqual(report.exitCode, 2)
        let error = try XCTUnwrap(report.mixedProviders)
        XCTAssertEqual(error.providers, [
            .init(name: "Pact Broker", pacts: [path("pactkit-pact-broker.json")]),
            .init(name: "data-lpa-codes", pacts: [path("sirius-data-lpa-codes.json"), path("use-an-lpa-data-lpa-codes.json")]),
        ])
        let message = "The pacts are for 2 providers, 'Pact Broker' (\(path("pactkit-pact-broker.json"))) and 'data-lpa-codes' "
            + "(\(path("sirius-data-lpa-codes.json")), \(path("use-an-lpa-data-lpa-codes.json"))), so nothing was verified: "
            + "give the provider being verified with --provider NAME (VerifierConfiguration.providerName) "
            + "and the other providers' pacts are skipped"
        XCTAssertEqual(error.description, message)

        let console = report.renderConsole(colour: false)
        XCTAssertTrue(console.contains(message + "\n"), console)
        XCTAssertFalse(console.contains("No pacts to verify"), "one problem, one report: \(console)")
        XCTAssertEqual(report.json()["mixedProviders"]?["message"], .string(message))
        XCTAssertTrue(report.junitXML().contains(#"<error type="mixed-providers" message="The pacts are for 2 providers"#))
    }

    func testPactsGivenInMemoryAreNamedByTheirPair() async throws {
        let provider = try await TestProvider.start { _ in .json(#"{"ok": true}"#) }
        let report = await (try Verifier.against(provider.url)).verify(pacts: [
            try Pacts.v4(consumer: "web", provider: "codes", Pacts.get("a", path: "/a")),
            try Pacts.v4(consumer: "web", provider: "orders", Pacts.get("b", path: "/b")),
        ])
        await provider.stop()
        XCTAssertEqual(report.mixedProviders?.providers.map(\.pacts),
                       [["the pact between web and codes"], ["the pact between web and orders"]])
    }

    func testAConsumerFilterThatLeavesOneProviderIsEnough() async throws {
        let (report, paths) = try await verify(try folder()) { $0.filter = try InteractionFilter(consumers: ["sirius"]) }
        XCTAssertNil(report.mixedProviders)
        XCTAssertEqual(paths, ["/create"])
        XCTAssertEqual(report.exitCode, 0)
    }

    func testWhenEveryPactIsForAnotherProviderNothingIsVerifiedAndTheRunFails() async throws {
        let (report, paths) = try await verify(try folder()) { $0.providerName = "orders" }
        XCTAssertEqual(paths, [])
        XCTAssertEqual(report.skippedPacts.count, 3)
        XCTAssertEqual(report.exitCode, 2)
        let console = report.renderConsole(colour: false)
        XCTAssertTrue(console.contains("No pacts to verify: 3 pact(s) are for other providers\n"), console)
    }
}
