import Foundation
import PactBrokerServer
import XCTest

final class WebhookSecurityPolicyTests: XCTestCase {
    private func pattern(_ text: String) -> WebhookHostPattern {
        guard let pattern = WebhookHostPattern(text) else {
            XCTFail("\(text) did not parse")
            return .exact(text)
        }
        return pattern
    }

    func testDefaultsArePactBrokers() {
        let policy = WebhookSecurityPolicy()
        XCTAssertTrue(policy.allows(method: "POST"))
        XCTAssertTrue(policy.allows(method: "post"))
        XCTAssertFalse(policy.allows(method: "GET"))
        XCTAssertTrue(policy.allows(scheme: "https"))
        XCTAssertTrue(policy.allows(scheme: "HTTPS"))
        XCTAssertFalse(policy.allows(scheme: "http"))
        XCTAssertTrue(policy.allows(host: "anything.example"))
        XCTAssertTrue(policy.allows(host: "10.1.2.3"))
    }

    func testWildcardCoversExactlyOneLabel() {
        let wildcard = pattern("*.example.com")
        XCTAssertEqual(wildcard, .wildcard("*.example.com"))
        XCTAssertTrue(wildcard.matches(host: "api.example.com"))
        XCTAssertTrue(wildcard.matches(host: "API.Example.com"))
        XCTAssertFalse(wildcard.matches(host: "example.com"))
        XCTAssertFalse(wildcard.matches(host: "a.b.example.com"))
        XCTAssertFalse(wildcard.matches(host: "api.example.com.evil.org"))
        XCTAssertFalse(wildcard.matches(host: "apiexample.com"))
    }

    func testExactHost() {
        let exact = pattern("ci.example.com")
        XCTAssertTrue(exact.matches(host: "ci.example.com"))
        XCTAssertTrue(exact.matches(host: "CI.example.com"))
        XCTAssertFalse(exact.matches(host: "ci.example.com.evil.org"))
        XCTAssertFalse(exact.matches(host: "xci.example.com"))
    }

    func testCIDRRangesMatchOnlyIPHosts() {
        let range = pattern("10.0.0.0/8")
        XCTAssertTrue(range.matches(host: "10.255.1.2"))
        XCTAssertFalse(range.matches(host: "11.0.0.1"))
        XCTAssertFalse(range.matches(host: "ten.example.com"))
        let narrow = pattern("192.168.1.128/25")
        XCTAssertTrue(narrow.matches(host: "192.168.1.200"))
        XCTAssertFalse(narrow.matches(host: "192.168.1.127"))
        let single = pattern("127.0.0.1")
        XCTAssertTrue(single.matches(host: "127.0.0.1"))
        XCTAssertFalse(single.matches(host: "127.0.0.2"))
        let v6 = pattern("fd00::/8")
        XCTAssertTrue(v6.matches(host: "[fd12::1]"))
        XCTAssertTrue(v6.matches(host: "fd12::1"))
        XCTAssertFalse(v6.matches(host: "fe80::1"))
        XCTAssertFalse(v6.matches(host: "10.0.0.1"))
        // A name pattern never matches an IP host, as in pact_broker.
        XCTAssertFalse(pattern("*.0.0.1").matches(host: "127.0.0.1"))
        XCTAssertNil(IPAddressRange("10.0.0.0/33"))
        XCTAssertNil(IPAddressRange("10.0.0/8"))
    }

    func testRegexPatterns() {
        let regex = pattern(#"/\.example\.com$/"#)
        XCTAssertEqual(regex.description, #"/\.example\.com$/"#)
        XCTAssertTrue(regex.matches(host: "a.b.example.com"))
        XCTAssertFalse(regex.matches(host: "example.com.evil"))
        XCTAssertNil(WebhookHostPattern("/(/"))
    }

    func testPolicyWithHosts() {
        let policy = WebhookSecurityPolicy(methods: ["POST", "GET"], schemes: ["https", "http"], hosts: [pattern("*.ci.org"), pattern("10.0.0.0/8")])
        XCTAssertTrue(policy.allows(host: "jenkins.ci.org"))
        XCTAssertTrue(policy.allows(host: "10.9.9.9"))
        XCTAssertFalse(policy.allows(host: "ci.org"))
        XCTAssertFalse(policy.allows(host: "192.168.0.1"))
        XCTAssertTrue(policy.allows(method: "get"))
        XCTAssertTrue(policy.allows(scheme: "http"))
        XCTAssertEqual(policy.hostMessage, #"host must be in the whitelist "*.ci.org", "10.0.0.0/8". See /doc/webhooks#whitelist for more information."#)
    }

    func testPolicyIsCheckedAgainBeforeSending() {
        // A webhook saved under a looser policy is refused when the policy has since been tightened.
        let template = WebhookRequestTemplate(method: "POST", url: "http://10.0.0.5/hook")
        let strict = WebhookSecurityPolicy()
        XCTAssertThrowsError(try RenderedWebhookRequest.render(template, context: WebhookTemplateContext(), policy: strict)) { error in
            XCTAssertEqual((error as? WebhookRequestRefused)?.reason,
                           "request.url scheme must be https. See /doc/webhooks#whitelist for more information.")
        }
        let hostLimited = WebhookSecurityPolicy(schemes: ["http"], hosts: [pattern("192.168.0.0/16")])
        XCTAssertThrowsError(try RenderedWebhookRequest.render(template, context: WebhookTemplateContext(), policy: hostLimited)) { error in
            XCTAssertEqual((error as? WebhookRequestRefused)?.reason,
                           #"request.url host must be in the whitelist "192.168.0.0/16". See /doc/webhooks#whitelist for more information."#)
        }
        let get = WebhookRequestTemplate(method: "GET", url: "https://ci.org/")
        XCTAssertThrowsError(try RenderedWebhookRequest.render(get, context: WebhookTemplateContext(), policy: strict)) { error in
            XCTAssertEqual((error as? WebhookRequestRefused)?.reason,
                           "request.method must be POST. See /doc/webhooks#whitelist for more information.")
        }
    }
}
