import Foundation
import PactConsumer
import PactModel

/// Deployment, release, undeployment and tagging interactions.
extension PactBuilder {
    static var versionPath: String { "/pacticipants/use-an-lpa/versions/\(BrokerContract.consumerVersion)" }
    static var environmentPath: String { "/environments/\(BrokerContract.environmentUUID)" }

    static func versionResource(_ kind: String, flag: String) -> PactBody {
        [
            "uuid": .uuid(BrokerContract.deployedVersionUUID),
            flag: true,
            "_embedded": ["version": ["number": .init(BrokerContract.consumerVersion)], "environment": ["name": "production"]],
            "_links": ["self": BrokerContract.link("/\(kind)/\(BrokerContract.deployedVersionUUID)")],
        ]
    }

    func recordDeploymentInteraction() {
        uponReceiving("a request to record a deployment of use-an-lpa to production")
            .given("version \(BrokerContract.consumerVersion) of use-an-lpa exists and the production environment exists")
            .withRequest(.post, .init(Self.versionPath + "/deployed-versions/environment/\(BrokerContract.environmentUUID)"),
                         headers: BrokerContract.requestHeaders(contentType: "application/json"), body: [:])
            .willRespondWith(status: 201, headers: BrokerContract.halResponse,
                             body: Self.versionResource("deployed-versions", flag: "currentlyDeployed"))
    }

    func recordReleaseInteraction() {
        uponReceiving("a request to record a release of use-an-lpa to production")
            .given("version \(BrokerContract.consumerVersion) of use-an-lpa exists and the production environment exists")
            .withRequest(.post, .init(Self.versionPath + "/released-versions/environment/\(BrokerContract.environmentUUID)"),
                         headers: BrokerContract.requestHeaders(contentType: "application/json"), body: [:])
            .willRespondWith(status: 201, headers: BrokerContract.halResponse,
                             body: Self.versionResource("released-versions", flag: "currentlySupported"))
    }

    func unknownPacticipantInteraction() {
        uponReceiving("a request for a version of an unknown pacticipant")
            .given("no pacticipant named no-such-app exists")
            .withRequest(.get, "/pacticipants/no-such-app/versions/1.0.0", headers: BrokerContract.requestHeaders())
            .willRespondWith(status: 404)
    }

    func undeploymentInteractions() {
        let state = "version \(BrokerContract.consumerVersion) of use-an-lpa is currently deployed to production"
        uponReceiving("a request to list the environments")
            .given(state)
            .withRequest(.get, "/environments", headers: BrokerContract.requestHeaders())
            .willRespondWith(status: 200, headers: BrokerContract.halResponse, body: [
                "_embedded": ["environments": [[
                    "uuid": .uuid(BrokerContract.environmentUUID), "name": "production", "displayName": .like("Production"),
                    "production": true,
                ]]],
                "_links": ["pb:environments": [BrokerContract.link(Self.environmentPath, name: "production", title: "Environment")]],
            ])
        uponReceiving("a request for the production environment")
            .given(state)
            .withRequest(.get, .init(Self.environmentPath), headers: BrokerContract.requestHeaders())
            .willRespondWith(status: 200, headers: BrokerContract.halResponse, body: [
                "name": "production",
                "_links": ["pb:currently-deployed-deployed-versions": BrokerContract.link(Self.environmentPath + "/deployed-versions/currently-deployed")],
            ])
        uponReceiving("a request for the versions of use-an-lpa currently deployed to production")
            .given(state)
            .withRequest(.get, .init(Self.environmentPath + "/deployed-versions/currently-deployed"), query: ["pacticipant": "use-an-lpa"],
                         headers: BrokerContract.requestHeaders())
            .willRespondWith(status: 200, headers: BrokerContract.halResponse, body: [
                "_embedded": ["deployedVersions": [[
                    "currentlyDeployed": true,
                    "_embedded": ["version": ["number": .init(BrokerContract.consumerVersion)]],
                    "_links": ["self": BrokerContract.link("/deployed-versions/\(BrokerContract.deployedVersionUUID)")],
                ]]],
            ])
        uponReceiving("a request to mark a deployed version as no longer deployed")
            .given(state)
            .withRequest(.patch, .init("/deployed-versions/\(BrokerContract.deployedVersionUUID)"),
                         headers: BrokerContract.requestHeaders(contentType: "application/merge-patch+json"),
                         body: .json(["currentlyDeployed": false], contentType: "application/merge-patch+json"))
            .willRespondWith(status: 200, headers: BrokerContract.halResponse, body: [
                "currentlyDeployed": false,
                "_embedded": ["version": ["number": .init(BrokerContract.consumerVersion)]],
            ])
    }

    func versionTagInteraction() {
        uponReceiving("a request to tag a use-an-lpa version")
            .withRequest(.put, .init(Self.versionPath + "/tags/production"),
                         headers: BrokerContract.requestHeaders(contentType: "application/json"), body: [:])
            .willRespondWith(status: 201, headers: BrokerContract.halResponse, body: [
                "name": "production",
                "_links": ["self": BrokerContract.link(Self.versionPath + "/tags/production")],
            ])
    }
}
