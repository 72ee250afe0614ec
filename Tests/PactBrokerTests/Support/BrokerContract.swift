import Foundation
import TestSupport
import PactBroker
import PactConsumer
import PactModel
import XCTest

/// The broker client's contract with the Pact Broker: where it is written, and the values and shapes its
/// interactions share. Bodies follow the real broker's (BROKER.md); hrefs use the mockServerURL matcher, so a mock
/// answers with links to itself and a real broker with its own.
enum BrokerContract {
    static let consumer = "pactkit"
    static let provider = "Pact Broker"

    static let packageRoot = PackageRoot.url

    /// The committed contract.
    static let file = packageRoot.appendingPathComponent("pacts/pactkit-pact-broker.json")

    /// Where the DSL writes it: the DSL names files `<consumer>-<provider>.json` from the raw names
    /// (`pactkit-Pact Broker.json`), so the suite writes into the build folder and copies the file to `file`.
    static let workDirectory = packageRoot.appendingPathComponent(".build/pact-broker-contract", isDirectory: true)

    /// Overwrite mode, as the codes contract suites: the first write of a run starts the file afresh.
    static func builder() -> PactBuilder {
        PactBuilder(consumer: consumer, provider: provider, directory: workDirectory, writeMode: .overwrite)
    }

    /// Copies the written contract to `pacts/pactkit-pact-broker.json` (atomically), after each test.
    static func export() throws {
        let written = workDirectory.appendingPathComponent("\(consumer)-\(provider).json")
        guard FileManager.default.fileExists(atPath: written.path) else { return }
        try Data(contentsOf: written).write(to: file, options: .atomic)
    }

    // The values the pipeline (and docs/broker.md's walkthrough) use.
    static let username = "pactkit-ci"
    static let password = "s3cret"
    static let token = "pactflow-read-write-token"
    static let consumerVersion = "5556b8149bf8bac76bc30f50a8a2dd4c22c85f30"
    static let providerVersion = "9a2f1c7e3b5d4a6f8e0c2b1d3f5a7c9e0b2d4f6a"
    static let failingVersion = "0ddba11c0ffee0ddba11c0ffee0ddba11c0ffee0"
    static let unverifiedVersion = "f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed"
    static let environmentUUID = "78e85fb2-9df1-48da-817e-c9bea6294e01"
    static let deployedVersionUUID = "ff3adecf-cfc5-4653-a4e3-f1861092f8e0"
    static let sha = "[0-9a-f]{40}"

    static var basicAuthorization: String { BrokerAuthentication.basic(username: username, password: password).headerValue }

    /// What every call sends: HAL accepted, basic auth.
    static func requestHeaders(authorization: String? = nil, contentType: String? = nil) -> [String: PactValue] {
        var headers: [String: PactValue] = ["Accept": "application/hal+json, application/json",
                                            "Authorization": .init(authorization ?? basicAuthorization)]
        if let contentType { headers["Content-Type"] = .init(contentType) }
        return headers
    }

    static let halResponse: [String: PactValue] = ["Content-Type": "application/hal+json;charset=utf-8"]
    static let jsonResponse: [String: PactValue] = ["Content-Type": "application/json;charset=utf-8"]

    /// A link object whose href points at the server answering, ending in `path`.
    static func link(_ path: String, name: String? = nil, title: String? = nil) -> PactValue {
        var members: [String: PactValue] = ["href": .mockServerURL(path: path)]
        if let name { members["name"] = .init(name) }
        if let title { members["title"] = .init(title) }
        return PactValue(members)
    }

    /// The index resource's relations this client uses, under `prefix` (a broker mounted under a context path).
    static func index(prefix: String = "", relations: Set<String>? = nil) -> PactBody {
        let all: [String: String] = [
            "pb:publish-contracts": "/contracts/publish",
            "pb:publish-pact": "/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}",
            "pb:provider-pacts-for-verification": "/pacts/provider/{provider}/for-verification",
            "pb:latest-provider-pacts": "/pacts/provider/{provider}/latest",
            "pb:pacticipant-version": "/pacticipants/{pacticipant}/versions/{version}",
            "pb:pacticipant-version-tag": "/pacticipants/{pacticipant}/versions/{version}/tags/{tag}",
            "pb:pacticipant-branch-version": "/pacticipants/{pacticipant}/branches/{branch}/versions/{version}",
            "pb:can-i-deploy-pacticipant-version-to-environment":
                "/can-i-deploy?pacticipant={pacticipant}&version={version}&environment={environment}",
            "pb:environments": "/environments",
            "pf:publish-provider-contract": "/provider-contracts/provider/{provider}/publish",
        ]
        var links: [String: PactValue] = [:]
        for (rel, path) in all where relations?.contains(rel) ?? true {
            links[rel] = link(prefix + path)
        }
        return ["_links": PactValue(links)]
    }

    /// A pact in the broker's pacts-for-verification answer.
    static func verifiablePact(consumer: String, pending: Bool, notices: [(String, String)]) -> PactValue {
        [
            "shortDescription": .like("latest from main branch"),
            "verificationProperties": [
                "pending": .init(pending),
                "notices": PactValue(notices.map { ["when": .init($0.0), "text": .like(.init($0.1))] }),
            ],
            "_links": ["self": link(pactPath(consumer: consumer), name: "Pact between \(consumer) (\(consumerVersion)) and data-lpa-codes")],
        ]
    }

    static func pactPath(consumer: String) -> String {
        "/pacts/provider/data-lpa-codes/consumer/\(consumer)/pact-version/\(consumer == "sirius" ? "3e1b4f" : "0f22f5")/metadata/Y3ZuPW1haW4"
    }
}

/// A contract test: declares interactions on `pact` and, after each test, exports the contract file.
class BrokerContractTestCase: XCTestCase {
    let pact = BrokerContract.builder()

    override func tearDown() async throws {
        try BrokerContract.export()
        try await super.tearDown()
    }
}
