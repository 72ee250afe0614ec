@testable import PactBrokerServer
import Testing

@Suite struct RequestParsingTests {
    @Test func matrixSelectorsFollowRacksNestedQueryRule() {
        let ordered = MatrixQuery(matrix: APIRequest.parseQuery(
            "q[][pacticipant]=Foo&q[][version]=1.2.3&q[][pacticipant]=Bar&q[][version]=4.5.6&latestby=cvpv"))
        #expect(ordered.selectors.map(\.pacticipant) == ["Foo", "Bar"])
        #expect(ordered.selectors.map(\.version) == ["1.2.3", "4.5.6"])
        #expect(ordered.latestby == "cvpv")
        // Alphabetised parameters (the v2 clients) group differently, as they do in pact_broker.
        let sorted = MatrixQuery(matrix: APIRequest.parseQuery(
            "latestby=cvpv&q%5B%5D%5Bpacticipant%5D=Foo&q%5B%5D%5Bpacticipant%5D=Bar&q%5B%5D%5Bversion%5D=1%2e2%2e3&q%5B%5D%5Bversion%5D=4%2e5%2e6"))
        #expect(sorted.selectors.map(\.pacticipant) == ["Foo", "Bar", nil])
        #expect(sorted.selectors.map(\.version) == [nil, "1.2.3", "4.5.6"])
    }

    @Test func canIDeployParametersBecomeOneSelectorAndOptions() {
        let query = MatrixQuery(canIDeploy: APIRequest.parseQuery("pacticipant=Foo&version=1&environment=prod&ignore[]=Bar"))
        #expect(query.selectors == [MatrixQuery.Selector(pacticipant: "Foo", version: "1")])
        #expect(query.environment == "prod")
        #expect(query.latestby == "cvpv")
        #expect(query.ignore.map(\.pacticipant) == ["Bar"])
        let toTag = MatrixQuery(canIDeploy: APIRequest.parseQuery("pacticipant=Foo&version=1&to=prod"))
        #expect(toTag.tag == "prod" && toTag.latest && toTag.latestby == "cvp")
    }

    @Test func consumerVersionSelectorsAreValidatedAndNormalised() {
        let both = ConsumerVersionSelector.parse(["tag": "a", "branch": "b"], index: 0, providerBranch: nil)
        #expect(both.errors == ["consumerVersionSelectors[0]: cannot specify both a tag and a branch"])
        let none = ConsumerVersionSelector.parse(["consumer": "Foo"], index: 2, providerBranch: nil)
        #expect(none.errors.first?.hasPrefix("consumerVersionSelectors[2]: must specify a value for environment or tag or branch") == true)
        let matching = ConsumerVersionSelector.parse(["matchingBranch": true], index: 0, providerBranch: "feat")
        #expect(matching.selectors.first?.branch == "feat")
        #expect(matching.selectors.first?.latest == true)
        #expect(ConsumerVersionSelector.parse(["matchingBranch": true], index: 0, providerBranch: nil).errors
            == ["consumerVersionSelectors[0]: the providerVersionBranch must be specified when the selector matchingBranch=true is used"])
        let split = ConsumerVersionSelector.parse(["deployedOrReleased": true, "environment": "prod"], index: 0, providerBranch: nil)
        #expect(split.selectors.map(\.deployed) == [true, false])
        #expect(split.selectors.map(\.released) == [false, true])
        #expect(!ConsumerVersionSelector.parse(["mainBranch": true, "tag": "x"], index: 0, providerBranch: nil).errors.isEmpty)
    }

    @Test func theAcceptHeaderDecidesBetweenAPIAndUI() {
        #expect(RequestTarget.isAPI(accept: nil, path: "/"))
        #expect(RequestTarget.isAPI(accept: "application/hal+json, application/json", path: "/"))
        #expect(RequestTarget.isAPI(accept: "*/*", path: "/pacticipants"))
        #expect(!RequestTarget.isAPI(accept: "*/*", path: "/css/main.css"))
        #expect(!RequestTarget.isAPI(accept: "text/html,application/xhtml+xml", path: "/"))
    }

    @Test func theContentShaIgnoresKeyOrderAndWhitespace() throws {
        let one = try PactContent(bytes: Array(#"{"a": 1, "b": [1, 2]}"#.utf8), field: "body")
        let two = try PactContent(bytes: Array("{\"b\":[1,2],\n\"a\":1}".utf8), field: "body")
        let three = try PactContent(bytes: Array(#"{"a":1,"b":[2,1]}"#.utf8), field: "body")
        #expect(one.sha == two.sha)
        #expect(one.sha != three.sha)
        // The SHA-1 of the canonical text `{"a":1,"b":[1,2]}`, as `shasum` gives it.
        #expect(one.sha == "bcf221bfadd4155feea1f993f73c7612b35dced2")
    }
}
