import Foundation
import PactBroker
import PactBrokerServer
import PactModel
import Testing
import TestSupport

/// Provider contracts in the broker (bi-directional contract testing), over HTTP: a provider publishes its OpenAPI
/// document with its self-verification; the broker compares the consumers' pacts with it and records each
/// comparison as a verification result that the matrix and can-i-deploy count.
@Suite struct ProviderContractTests {
    static let codesDocument = PackageRoot.url.appendingPathComponent("Fixtures/codes-service-openapi/lpa-codes-openapi-v1.yml")
    static let useAnLPAPact = PackageRoot.url.appendingPathComponent("pacts/use-an-lpa-data-lpa-codes.json")
    static let siriusPact = PackageRoot.url.appendingPathComponent("pacts/sirius-data-lpa-codes.json")
    static let provider = "data-lpa-codes"

    /// The publication body the Ruby and Rust clients send.
    static func body(
        document: String, version: String = "p1", branch: String? = "main", tags: [String] = [], success: Bool? = true,
        specification: String = "oas", contentType: String = "application/yaml"
    ) -> JSONValue {
        var contract: [String: JSONValue] = [
            "content": .string(Data(document.utf8).base64EncodedString()), "contentType": .string(contentType),
            "specification": .string(specification),
        ]
        if let success {
            contract["selfVerificationResults"] = [
                "success": .bool(success), "content": .string(Data("42 tests, 0 failures".utf8).base64EncodedString()),
                "contentType": "text/plain", "format": "text", "verifier": "schemathesis", "verifierVersion": "3.0",
            ]
        }
        var body: [String: JSONValue] = ["pacticipantVersionNumber": .string(version), "contract": .object(contract),
                                         "tags": .array(tags.map(JSONValue.string)), "buildUrl": "http://ci/builds/1"]
        if let branch { body["branch"] = .string(branch) }
        return .object(body)
    }

    static func document() throws -> String { try String(contentsOf: codesDocument, encoding: .utf8) }

    func publishContract(_ broker: RunningBroker, _ body: JSONValue, provider: String = provider) async -> (status: Int, json: JSONValue?) {
        await broker.call("POST", "/provider-contracts/provider/\(provider)/publish", json: body)
    }

    /// A copy of Sirius's committed pact without its Authorization headers and their matching rules, in a
    /// temporary file: the pact Sirius would have without signing its requests.
    static func unsignedSiriusPact() throws -> URL {
        let data = try Data(contentsOf: siriusPact)
        guard var pact = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              var interactions = pact["interactions"] as? [[String: Any]] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        for index in interactions.indices {
            guard var request = interactions[index]["request"] as? [String: Any] else { continue }
            var headers = request["headers"] as? [String: Any] ?? [:]
            headers["Authorization"] = nil
            request["headers"] = headers
            if var rules = request["matchingRules"] as? [String: Any], var headerRules = rules["header"] as? [String: Any] {
                headerRules["Authorization"] = nil
                rules["header"] = headerRules.isEmpty ? nil : headerRules
                request["matchingRules"] = rules.isEmpty ? nil : rules
            }
            interactions[index]["request"] = request
        }
        pact["interactions"] = interactions
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("unsigned-sirius-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: pact).write(to: url)
        return url
    }

    /// Publishes the pact file for the consumer version on main; returns the notices' texts.
    @discardableResult
    func publishPact(_ broker: RunningBroker, _ file: URL, version: String) async throws -> [String] {
        let pact = try PactFileToPublish.read(path: file.path)
        return try await broker.client.publish(PactPublication(pacts: [pact], consumerVersion: version, branch: "main"))
            .flatMap(\.notices).map(\.text)
    }

    func canIDeploy(_ broker: RunningBroker, _ pacticipant: String, _ version: String) async throws -> (Bool?, String) {
        let reply = await broker.call("GET", "/can-i-deploy?pacticipant=\(pacticipant)&version=\(version)&environment=prod")
        #expect(reply.status == 200)
        let summary = try #require(reply.json?["summary"])
        return (summary["deployable"]?.boolValue, summary["reason"]?.stringValue ?? "")
    }

    /// The matrix rows of the consumer version with the provider.
    func matrixRows(_ broker: RunningBroker, consumer: String, version: String) async throws -> [JSONValue] {
        let reply = await broker.call("GET", "/matrix?q[][pacticipant]=\(consumer)&q[][version]=\(version)&latestby=cvpv")
        #expect(reply.status == 200)
        return reply.json?["matrix"]?.arrayValue ?? []
    }

    func path(of url: String) -> String { URL(string: url)?.path ?? url }

    @Test func aCompatibleContractThenAConsumerPactIsDeployableAndMarked() async throws {
        try await RunningBroker.with { broker in
            _ = try await broker.createEnvironment("prod")
            let published = await publishContract(broker, Self.body(document: try Self.document(), tags: ["dev"]))
            #expect(published.status == 200)
            let notices = published.json?["notices"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? []
            #expect(notices.contains("Created data-lpa-codes version p1 with branch main and tags dev"))
            #expect(notices.contains("Provider contract successfully published for data-lpa-codes version p1."))
            #expect(notices.contains { $0.hasPrefix("No consumer pacts with data-lpa-codes to compare with yet") })
            let contractLink = try #require(published.json?["_links"]?["pf:provider-contract"]?["href"]?.stringValue)
            #expect(contractLink == broker.url.absoluteString + "/provider-contracts/provider/data-lpa-codes/version/p1")
            #expect(published.json?["_links"]?["pb:pacticipant-version-tags"]?.arrayValue?.count == 1)
            #expect(published.json?["_links"]?["pb:branch-version"]?["href"]?.stringValue?.hasSuffix("/branches/main/versions/p1") == true)
            #expect(published.json?["_embedded"]?["version"]?["number"]?.stringValue == "p1")
            try await broker.client.recordDeployment(pacticipant: Self.provider, version: "p1", environment: "prod")

            let consumerNotices = try await publishPact(broker, Self.useAnLPAPact, version: "c1")
            #expect(consumerNotices.contains { $0.hasPrefix("  Compared with the provider contract of data-lpa-codes version p1: compatible (11 warnings). See http") },
                    "\(consumerNotices)")
            let (deployable, reason) = try await canIDeploy(broker, "use-an-lpa", "c1")
            #expect(deployable == true)
            #expect(reason == "All required verification results are published and successful")

            let row = try #require(try await matrixRows(broker, consumer: "use-an-lpa", version: "c1").first)
            #expect(row["provider"]?["version"]?["number"]?.stringValue == "p1")
            #expect(row["verificationResult"]?["success"]?.boolValue == true)
            #expect(row["verificationResult"]?["contractComparison"]?.boolValue == true)

            // The results at the verification result's URL: the comparator's 11 trace-header warnings.
            let resultURL = try #require(row["verificationResult"]?["_links"]?["self"]?["href"]?.stringValue)
            let result = await broker.call("GET", path(of: resultURL))
            #expect(result.status == 200)
            #expect(result.json?["success"]?.boolValue == true)
            #expect(result.json?["contractComparison"]?.boolValue == true)
            let results = result.json?["comparisonResults"]?.arrayValue ?? []
            #expect(results.count == 11)
            #expect(results.allSatisfy { $0["code"]?.stringValue == "request.header.unknown" && $0["type"]?.stringValue == "warning" })
            #expect(result.json?["comparisonSummary"]?["errors"] == .int(0))
            #expect(result.json?["_links"]?["pf:provider-contract"]?["href"]?.stringValue == contractLink)

            // The matrix page marks the row and links to the results.
            let page = try await PageRoutingTests.page(broker, "/matrix/provider/data-lpa-codes/consumer/use-an-lpa")
            #expect(page.status == 200)
            #expect(page.text.contains(#"<a class="contract-comparison" href="\#(resultURL)">contract comparison</a>"#))
        }
    }

    @Test func anIncompatiblePactIsNotDeployableWithTheReason() async throws {
        try await RunningBroker.with { broker in
            _ = try await broker.createEnvironment("prod")
            #expect(await publishContract(broker, Self.body(document: try Self.document())).status == 200)
            try await broker.client.recordDeployment(pacticipant: Self.provider, version: "p1", environment: "prod")

            // A path the document does not have.
            let pact = try broker.pact("use-an-lpa", Self.provider, marker: "nowhere")
            _ = try await broker.client.publish(PactPublication(pacts: [pact], consumerVersion: "c2", branch: "main"))
            let (deployable, reason) = try await canIDeploy(broker, "use-an-lpa", "c2")
            #expect(deployable == false)
            #expect(reason == "The verification for the pact between version c2 of use-an-lpa and the version of data-lpa-codes currently in prod (p1) failed")
            let row = try #require(try await matrixRows(broker, consumer: "use-an-lpa", version: "c2").first)
            #expect(row["verificationResult"]?["contractComparison"]?.boolValue == true)
            let resultURL = try #require(row["verificationResult"]?["_links"]?["self"]?["href"]?.stringValue)
            let result = await broker.call("GET", path(of: resultURL))
            #expect(result.json?["success"]?.boolValue == false)
            let codes = result.json?["comparisonResults"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
            #expect(codes.contains("request.path-or-method.unknown"))

            // Sirius's pact without the SigV4 Authorization header the operations require.
            let unsignedSirius = try Self.unsignedSiriusPact()
            defer { try? FileManager.default.removeItem(at: unsignedSirius) }
            let siriusNotices = try await publishPact(broker, unsignedSirius, version: "s1")
            #expect(siriusNotices.contains { $0.hasPrefix("  Compared with the provider contract of data-lpa-codes version p1: incompatible (11 errors, ") },
                    "\(siriusNotices)")
            let (siriusDeployable, _) = try await canIDeploy(broker, "sirius", "s1")
            #expect(siriusDeployable == false)
            let siriusRow = try #require(try await matrixRows(broker, consumer: "sirius", version: "s1").first)
            let siriusURL = try #require(siriusRow["verificationResult"]?["_links"]?["self"]?["href"]?.stringValue)
            let siriusCodes = await broker.call("GET", path(of: siriusURL)).json?["comparisonResults"]?.arrayValue?
                .compactMap { $0["code"]?.stringValue } ?? []
            #expect(siriusCodes.filter { $0 == "request.authorization.missing" }.count == 11)
        }
    }

    @Test func aContractPublishedAfterThePactIsComparedWithIt() async throws {
        try await RunningBroker.with { broker in
            _ = try await broker.createEnvironment("prod")
            try await publishPact(broker, Self.useAnLPAPact, version: "c1")
            try await broker.client.recordDeployment(pacticipant: "use-an-lpa", version: "c1", environment: "prod")
            let pact = try broker.pact("use-an-lpa", Self.provider, marker: "nowhere")
            _ = try await broker.client.publish(PactPublication(pacts: [pact], consumerVersion: "c2", branch: "feature"))

            let published = await publishContract(broker, Self.body(document: try Self.document()))
            #expect(published.status == 200)
            let notices = published.json?["notices"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? []
            #expect(notices.contains { $0.hasPrefix("Compatible with the pact of use-an-lpa version c1 (11 warnings). See http") })
            #expect(notices.contains { $0.hasPrefix("Incompatible with the pact of use-an-lpa version c2 (1 error") })

            // The provider asks whether p1 can go to prod, where use-an-lpa c1 runs: yes.
            let (deployable, _) = try await canIDeploy(broker, Self.provider, "p1")
            #expect(deployable == true)
            let row = try #require(try await matrixRows(broker, consumer: "use-an-lpa", version: "c1").first)
            #expect(row["verificationResult"]?["contractComparison"]?.boolValue == true)

            // The contract lists its comparisons with links to their results.
            let contract = await broker.call("GET", "/provider-contracts/provider/data-lpa-codes/version/p1")
            let comparisons = contract.json?["comparisons"]?.arrayValue ?? []
            #expect(Set(comparisons.compactMap { $0["consumerVersionNumber"]?.stringValue }) == ["c1", "c2"])
            #expect(comparisons.first { $0["consumerVersionNumber"]?.stringValue == "c1" }?["success"]?.boolValue == true)
            #expect(comparisons.first { $0["consumerVersionNumber"]?.stringValue == "c2" }?["success"]?.boolValue == false)
            #expect(contract.json?["_links"]?["pf:contract-comparisons"]?.arrayValue?.count == 2)
        }
    }

    @Test func aFailedSelfVerificationIsNotDeployableUntilRepublished() async throws {
        try await RunningBroker.with { broker in
            _ = try await broker.createEnvironment("prod")
            let failed = await publishContract(broker, Self.body(document: try Self.document(), success: false))
            #expect(failed.status == 200)
            #expect(failed.json?["notices"]?.arrayValue?.contains { $0["text"]?.stringValue == "The provider contract's self-verification failed, so every comparison with it fails." } == true)
            _ = try await publishPact(broker, Self.useAnLPAPact, version: "c0")
            let again = await publishContract(broker, Self.body(document: try Self.document(), success: false))
            let compared = again.json?["notices"]?.arrayValue?.first { $0["text"]?.stringValue?.hasPrefix("Compatible with the pact of use-an-lpa version c0") == true }
            #expect(compared?["type"]?.stringValue == "warning")
            #expect(compared?["text"]?.stringValue?.contains("(11 warnings), recorded as failed because the contract is not verified. See http") == true,
                    "\(String(describing: compared))")
            try await broker.client.recordDeployment(pacticipant: Self.provider, version: "p1", environment: "prod")
            try await publishPact(broker, Self.useAnLPAPact, version: "c1")
            let (deployable, _) = try await canIDeploy(broker, "use-an-lpa", "c1")
            #expect(deployable == false, "a compatible pact, but the provider has not proven it implements its document")

            // Republishing the same version's contract replaces it and compares again.
            let fixed = await publishContract(broker, Self.body(document: try Self.document(), success: true))
            let notices = fixed.json?["notices"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? []
            #expect(notices.contains("Provider contract successfully republished for data-lpa-codes version p1."))
            let (now, _) = try await canIDeploy(broker, "use-an-lpa", "c1")
            #expect(now == true)

            // Without self-verification results (the Rust CLI sends none without --verifier): published, not verified.
            let bare = await publishContract(broker, Self.body(document: try Self.document(), version: "p2", success: nil))
            #expect(bare.status == 200)
            #expect(bare.json?["notices"]?.arrayValue?.contains { $0["text"]?.stringValue?.hasPrefix("No self-verification results were published") == true } == true)
            let bareContract = await broker.call("GET", "/provider-contracts/provider/data-lpa-codes/version/p2")
            #expect(bareContract.json?["selfVerificationResults"]?["success"]?.boolValue == false)
        }
    }

    @Test func badPublicationsAreRefusedNamingTheFieldAndWhy() async throws {
        try await RunningBroker.with { broker in
            let document = try Self.document()
            func errors(_ body: JSONValue) async -> [String: [String]] {
                let reply = await publishContract(broker, body)
                #expect(reply.status == 400)
                return (reply.json?["errors"]?.objectValue?.dictionary ?? [:]).mapValues { $0.arrayValue?.compactMap(\.stringValue) ?? [] }
            }
            var noVersion = Self.body(document: document)
            if case .object(var o) = noVersion { o["pacticipantVersionNumber"] = nil; noVersion = .object(o) }
            #expect(await errors(noVersion)["pacticipantVersionNumber"] == ["is missing"])
            #expect(await errors(Self.body(document: document, version: ""))["pacticipantVersionNumber"] == ["can't be blank"])

            var notBase64 = Self.body(document: document)
            if case .object(var o) = notBase64, case .object(var c) = o["contract"]! {
                c["content"] = "%%% not base64 %%%"
                o["contract"] = .object(c)
                notBase64 = .object(o)
            }
            #expect(await errors(notBase64)["contract.content"] == ["must be the Base64 encoded OpenAPI document"])

            let unreadable = await errors(Self.body(document: "openapi: 3.0.0\ninfo:\n  title: [unclosed\n"))["contract.content"] ?? []
            #expect(unreadable.count == 1)
            #expect(unreadable.first?.hasPrefix("is not a readable OpenAPI document: line ") == true)
            #expect(unreadable.first?.range(of: #"^is not a readable OpenAPI document: line \d+:\d+: not valid YAML"#, options: .regularExpression) != nil,
                    "the reader's line and column: \(unreadable)")

            #expect(await errors(Self.body(document: document, specification: "pact"))["contract.specification"]
                    == ["must be 'oas' (an OpenAPI document); 'pact' is not supported"])
            #expect(await errors(Self.body(document: document, contentType: "text/plain"))["contract.contentType"]?.first?
                .hasPrefix("must be a YAML or JSON media type") == true)
            #expect(await errors(["pacticipantVersionNumber": "1"])["contract"] == ["is missing"])

            // Nothing was stored.
            #expect(await broker.call("GET", "/pacticipants/data-lpa-codes").status == 404)
            #expect(await broker.call("GET", "/provider-contracts/provider/data-lpa-codes/version/p1").status == 404)
        }
    }

    @Test func theContractReadsBackAsPublishedAndTheIndexLinksToPublishing() async throws {
        try await RunningBroker.with { broker in
            let document = try Self.document()
            #expect(await publishContract(broker, Self.body(document: document)).status == 200)
            let contract = await broker.call("GET", "/provider-contracts/provider/data-lpa-codes/version/p1")
            #expect(contract.status == 200)
            #expect(contract.json?["content"]?.stringValue == document)
            #expect(contract.json?["contentType"]?.stringValue == "application/yaml")
            #expect(contract.json?["specification"]?.stringValue == "oas")
            #expect(contract.json?["buildUrl"]?.stringValue == "http://ci/builds/1")
            let verification = contract.json?["selfVerificationResults"]
            #expect(verification?["success"]?.boolValue == true)
            #expect(verification?["content"]?.stringValue == "42 tests, 0 failures")
            #expect(verification?["verifier"]?.stringValue == "schemathesis")
            #expect(verification?["verifierVersion"]?.stringValue == "3.0")
            #expect(verification?["format"]?.stringValue == "text")
            #expect(contract.json?["comparisons"]?.arrayValue == [])
            #expect(await broker.call("GET", "/provider-contracts/provider/data-lpa-codes/version/p9").status == 404)
            #expect(await broker.call("PUT", "/provider-contracts/provider/data-lpa-codes/version/p1", json: [:]).status == 405)

            let index = await broker.call("GET", "/")
            let link = index.json?["_links"]?["pf:publish-provider-contract"]
            #expect(link?["href"]?.stringValue == broker.url.absoluteString + "/provider-contracts/provider/{provider}/publish")
            #expect(link?["templated"]?.boolValue == true)
        }
    }
}
