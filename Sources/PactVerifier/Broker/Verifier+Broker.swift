import PactBroker

extension Verifier {
    /// Verifies the pacts a Pact Broker selects for `source.request.provider`: asks for the pacts for verification
    /// (selectors, pending, WIP), downloads them, verifies each (pending and WIP pacts cannot fail the run), publishes
    /// each pact's results when `source.publication` is given, and collects the broker's notices. A pact that cannot be
    /// downloaded is an error of that pact; the others are still verified. Throws only when the broker cannot be
    /// asked at all.
    public func verify(_ source: BrokerVerificationSource) async throws(BrokerError) -> BrokerVerificationReport {
        let client = try PactBrokerClient(configuration: source.broker)
        let outcome: Result<BrokerVerificationReport, BrokerError>
        do throws(BrokerError) {
            outcome = .success(try await verify(source, with: client))
        } catch {
            outcome = .failure(error)
        }
        await client.shutdown()
        return try outcome.get()
    }

    /// `verify(_:)` with a client the caller owns (and shuts down).
    public func verify(
        _ source: BrokerVerificationSource, with client: PactBrokerClient
    ) async throws(BrokerError) -> BrokerVerificationReport {
        let steps = try await BrokerVerificationSteps.fetch(
            from: client, source.request, consumerVersionTags: source.consumerVersionTags)
        var report = BrokerVerificationReport(
            provider: source.request.provider, selected: steps.pacts, verification: VerificationReport(), publications: [],
            failIfNoPactsFound: source.failIfNoPactsFound)
        guard !steps.pacts.isEmpty else { return report }

        let downloaded = steps.downloaded
        if !downloaded.isEmpty {
            report.verification = await verify(downloaded.map { pact in
                .document(pact.pactData, origin: pact.verifiable.url.absoluteString,
                          pending: pact.verifiable.pending || pact.verifiable.wip)
            })
        }
        report.verification.sourceErrors += steps.failedDownloads.map { failure in
            SourceError(source: failure.pact.url.absoluteString, message: "cannot be downloaded from the broker: \(failure.error)")
        }
        // A downloaded pact that did not parse is already a source error; every other one has its results.
        let outcomes = downloaded.compactMap { pact -> PactVerificationOutcome? in
            guard let result = report.verification.pacts.first(where: { $0.source == pact.verifiable.url.absoluteString })
            else { return nil }
            return PactVerificationOutcome(pact: pact, testResults: result.interactions.map { pact.testResult(for: $0) })
        }
        report.publications = await BrokerVerificationSteps.publish(outcomes, as: source.publication, with: client).map { item in
            BrokerVerificationReport.PactPublication(
                pact: item.outcome.pact.verifiable, success: item.outcome.success, publication: item.publication,
                notices: item.notices)
        }
        return report
    }
}

extension BrokerPact {
    /// One interaction's result in the broker's `testResults` shape. Pending failures are still failures there: the
    /// broker knows the pact is pending.
    func testResult(for result: InteractionResult) -> InteractionTestResult {
        let id = interactionId(description: result.description, providerStates: result.providerStates.map(\.name))
        let success = result.status == .passed || result.status == .skipped
        return InteractionTestResult(
            interactionId: id, description: result.description, success: success,
            mismatches: result.mismatches.map { mismatch in
                let attribute = mismatch.kind == .bodyType ? "body" : mismatch.kind.rawValue
                return InteractionTestResult.Mismatch(
                    attribute: attribute, identifier: mismatch.path.isEmpty ? nil : mismatch.path, description: mismatch.message)
            },
            exceptions: result.errors.map(\.message))
    }
}
