import Foundation
import PactConsumer
import PactModel

/// can-i-deploy interactions: yes, no, unknown, a broker failure, and the matrix form.
extension PactBuilder {
    static func matrixRow(consumerVersion: String, success: Bool?) -> PactValue {
        var row: [String: PactValue] = [
            "consumer": ["name": "use-an-lpa", "version": ["number": .init(consumerVersion)]],
            "provider": ["name": "data-lpa-codes", "version": ["number": .like(.init(BrokerContract.providerVersion))]],
        ]
        if let success {
            row["verificationResult"] = [
                "success": .init(success),
                "_links": ["self": BrokerContract.link(BrokerContract.pactPath(consumer: "use-an-lpa") + "/verification-results/1")],
            ]
        } else {
            row["verificationResult"] = nil
            row["provider"] = ["name": "data-lpa-codes", "version": nil]
        }
        return PactValue(row)
    }

    func canIDeployInteraction(
        _ description: String, state: String, version: String, environment: String = "production", status: Int = 200,
        body: PactBody
    ) {
        uponReceiving(description)
            .given(state)
            .withRequest(.get, "/can-i-deploy",
                         query: ["pacticipant": "use-an-lpa", "version": .init(version), "environment": .init(environment)],
                         headers: BrokerContract.requestHeaders())
            .willRespondWith(status: .init(status), headers: status == 200 ? BrokerContract.halResponse : BrokerContract.jsonResponse,
                             body: body)
    }

    func canIDeployYes() {
        canIDeployInteraction(
            "a request to ask whether a verified use-an-lpa version can be deployed to production",
            state: "version \(BrokerContract.consumerVersion) of use-an-lpa has a successfully verified pact with the version of data-lpa-codes in production",
            version: BrokerContract.consumerVersion,
            body: [
                "summary": ["deployable": true, "reason": .like("All required verification results are published and successful"),
                            "success": .integer(1), "failed": .integer(0), "unknown": .integer(0)],
                "notices": [["type": "success", "text": .like("All required verification results are published and successful")]],
                "matrix": [Self.matrixRow(consumerVersion: BrokerContract.consumerVersion, success: true)],
            ])
    }

    func canIDeployNo() {
        canIDeployInteraction(
            "a request to ask whether a use-an-lpa version whose verification failed can be deployed to production",
            state: "version \(BrokerContract.failingVersion) of use-an-lpa has a pact whose verification by the version of data-lpa-codes in production failed",
            version: BrokerContract.failingVersion,
            body: [
                "summary": ["deployable": false,
                            "reason": .like("The verification for the pact between version \(BrokerContract.failingVersion) of use-an-lpa and the version of data-lpa-codes currently in production (\(BrokerContract.providerVersion)) failed"),
                            "success": .integer(0), "failed": .integer(1), "unknown": .integer(0)],
                "notices": [["type": "error", "text": .like("The verification for the pact between version \(BrokerContract.failingVersion) of use-an-lpa and the version of data-lpa-codes currently in production (\(BrokerContract.providerVersion)) failed")]],
                "matrix": [Self.matrixRow(consumerVersion: BrokerContract.failingVersion, success: false)],
            ])
    }

    func canIDeployUnknown() {
        canIDeployInteraction(
            "a request to ask whether a use-an-lpa version without verification results can be deployed to production",
            state: "version \(BrokerContract.unverifiedVersion) of use-an-lpa has a pact not yet verified by the version of data-lpa-codes in production",
            version: BrokerContract.unverifiedVersion,
            body: [
                "summary": ["deployable": nil,
                            "reason": .like("There is no verified pact between version \(BrokerContract.unverifiedVersion) of use-an-lpa and a version of data-lpa-codes currently in production"),
                            "success": .integer(0), "failed": .integer(0), "unknown": .integer(1)],
                "notices": [["type": "warning", "text": .like("There is no verified pact between version \(BrokerContract.unverifiedVersion) of use-an-lpa and a version of data-lpa-codes currently in production")]],
                "matrix": [Self.matrixRow(consumerVersion: BrokerContract.unverifiedVersion, success: nil)],
            ])
    }

    func canIDeployServerError() {
        canIDeployInteraction(
            "a request to ask whether use-an-lpa can be deployed while the broker's database is down",
            state: "the broker's database is unavailable", version: BrokerContract.consumerVersion, environment: "staging",
            status: 500, body: ["error": ["message": .like("PG::ConnectionBad: could not connect to server"),
                                          "reference": .like("cbd2c4a8e1")]])
    }

    func matrixInteraction() {
        uponReceiving("a request for the matrix of a use-an-lpa version and the latest production data-lpa-codes")
            .given("version \(BrokerContract.consumerVersion) of use-an-lpa has a successfully verified pact with the latest data-lpa-codes tagged production")
            .withRequest(.get, "/matrix", query: [
                "q[][pacticipant]": ["use-an-lpa", "data-lpa-codes"], "q[][version]": .init(BrokerContract.consumerVersion),
                "q[][latest]": "true", "q[][tag]": "production", "latestby": "cvpv",
            ], headers: BrokerContract.requestHeaders())
            .willRespondWith(status: 200, headers: BrokerContract.halResponse, body: [
                "summary": ["deployable": true, "reason": .like("All required verification results are published and successful"),
                            "success": .integer(1), "failed": .integer(0), "unknown": .integer(0)],
                "matrix": [Self.matrixRow(consumerVersion: BrokerContract.consumerVersion, success: true)],
            ])
    }
}
