import Foundation
import PactBrokerServer
import PactModel
import XCTest

final class WebhookTemplateTests: XCTestCase {
    private let full = WebhookTemplateContext(
        pactURL: "https://broker/pacts/provider/P/consumer/C/pact-version/abc/metadata/xyz",
        verificationResultURL: "https://broker/pacts/provider/P/consumer/C/pact-version/abc/verification-results/1",
        consumerName: "C", providerName: "P", consumerVersionNumber: "1.0.0", consumerVersionTags: ["dev", "prod"],
        consumerVersionBranch: "main", providerVersionNumber: "2.0.0", providerVersionTags: ["ptag"],
        providerVersionBranch: "pmain", providerVersionDescriptions: ["latest from main branch", "deployed to prod"],
        consumerLabels: ["l1", "l2"], providerLabels: ["pl"], verificationSuccess: true, eventName: "contract_published",
        buildURL: "https://ci/build/1", currentlyDeployedProviderVersionNumber: "1.9.0")

    private func render(_ name: String, _ context: WebhookTemplateContext) -> String {
        WebhookTemplate.render("${pactbroker.\(name)}", context: context)
    }

    func testEveryParameter() {
        let expected: [String: String] = [
            "pactUrl": "https://broker/pacts/provider/P/consumer/C/pact-version/abc/metadata/xyz",
            "verificationResultUrl": "https://broker/pacts/provider/P/consumer/C/pact-version/abc/verification-results/1",
            "consumerName": "C", "providerName": "P", "consumerVersionNumber": "1.0.0",
            "consumerVersionTags": "dev, prod", "consumerVersionBranch": "main", "providerVersionNumber": "2.0.0",
            "providerVersionTags": "ptag", "providerVersionBranch": "pmain",
            "providerVersionDescriptions": "latest from main branch, deployed to prod", "consumerLabels": "l1, l2",
            "providerLabels": "pl", "githubVerificationStatus": "success", "bitbucketVerificationStatus": "SUCCESSFUL",
            "azureDevOpsVerificationStatus": "succeeded", "gitlabVerificationStatus": "success",
            "eventName": "contract_published", "buildUrl": "https://ci/build/1",
            "currentlyDeployedProviderVersionNumber": "1.9.0",
        ]
        XCTAssertEqual(Set(full.parameters.map(\.name)), Set(expected.keys.map { "pactbroker.\($0)" }))
        for (name, value) in expected {
            XCTAssertEqual(render(name, full), value, name)
        }
    }

    func testVerificationStatuses() {
        var context = full
        context.verificationSuccess = false
        XCTAssertEqual(render("githubVerificationStatus", context), "failure")
        XCTAssertEqual(render("bitbucketVerificationStatus", context), "FAILED")
        XCTAssertEqual(render("azureDevOpsVerificationStatus", context), "failed")
        XCTAssertEqual(render("gitlabVerificationStatus", context), "failed")
        context.verificationSuccess = nil
        XCTAssertEqual(render("githubVerificationStatus", context), "pending")
        XCTAssertEqual(render("bitbucketVerificationStatus", context), "INPROGRESS")
        XCTAssertEqual(render("azureDevOpsVerificationStatus", context), "pending")
        XCTAssertEqual(render("gitlabVerificationStatus", context), "pending")
    }

    func testMissingValuesAreEmptyAndUnknownParametersStay() {
        let empty = WebhookTemplateContext()
        XCTAssertEqual(WebhookTemplate.render("[${pactbroker.pactUrl}|${pactbroker.consumerVersionTags}]", context: empty), "[|]")
        XCTAssertEqual(WebhookTemplate.render("${pactbroker.nope} ${other.x}", context: full), "${pactbroker.nope} ${other.x}")
        XCTAssertEqual(WebhookTemplate.render("${pactbroker.consumerName}-${pactbroker.consumerName}", context: full), "C-C")
    }

    func testURLValuesAreEscapedAsCGIEscape() {
        var context = full
        context.consumerVersionBranch = "feat/x y?&=@#é"
        let url = WebhookTemplate.renderURL("https://ci.org/b/${pactbroker.consumerVersionBranch}?v=${pactbroker.consumerVersionNumber}", context: context)
        XCTAssertEqual(url, "https://ci.org/b/feat%2Fx+y%3F%26%3D%40%23%C3%A9?v=1.0.0")
        XCTAssertEqual(WebhookTemplate.cgiEscape("a-b_c.d*e~ f"), "a-b_c.d%2Ae~+f")
    }

    func testJSONBodyValuesAreEscaped() {
        var context = full
        context.consumerVersionBranch = #"x", "injected": "y\"#
        let body = JSONValue.object(["branch": .string("b=${pactbroker.consumerVersionBranch}"), "n": .int(1),
                                     "list": .array([.string("${pactbroker.consumerName}"), .bool(true)])])
        let text = JSONWriter.compact(WebhookTemplate.renderJSON(body, context: context))
        let reparsed = try! JSONParser.parse(text)
        XCTAssertEqual(reparsed["branch"], .string(#"b=x", "injected": "y\"#))
        XCTAssertNil(reparsed["injected"])
        XCTAssertEqual(reparsed["list"], .array([.string("C"), .bool(true)]))
        XCTAssertEqual(reparsed["n"], .int(1))
    }

    func testRenderedRequest() throws {
        let template = WebhookRequestTemplate(
            method: "post", url: "https://ci.org/hooks/${pactbroker.providerName}?sha=${pactbroker.consumerVersionNumber}",
            headers: [WebhookHeader(name: "X-Event", value: "${pactbroker.eventName}")],
            body: .text("consumer=${pactbroker.consumerName}"), username: "u-${pactbroker.providerName}", password: "s3cret")
        let rendered = try RenderedWebhookRequest.render(template, context: full, policy: WebhookSecurityPolicy(), userAgent: "UA")
        XCTAssertEqual(rendered.request.method, "POST")
        XCTAssertEqual(rendered.request.url.absoluteString, "https://ci.org/hooks/P?sha=1.0.0")
        XCTAssertEqual(rendered.request.headers.map(\.name), ["User-Agent", "X-Event", "Authorization"])
        XCTAssertEqual(rendered.request.headers[1].value, "contract_published")
        XCTAssertEqual(rendered.request.headers[2].value, "Basic " + Data("u-P:s3cret".utf8).base64EncodedString())
        XCTAssertEqual(rendered.bodyText, "consumer=C")
        XCTAssertEqual(rendered.redactedHeaders[2], WebhookHeader(name: "Authorization", value: "**********"))
    }

    func testRenderedHeaderWithALineBreakIsRefused() {
        var context = full
        context.consumerVersionBranch = "main\r\nX-Injected: 1"
        let template = WebhookRequestTemplate(
            method: "POST", url: "https://ci.org/", headers: [WebhookHeader(name: "X-Branch", value: "${pactbroker.consumerVersionBranch}")])
        XCTAssertThrowsError(try RenderedWebhookRequest.render(template, context: context, policy: WebhookSecurityPolicy())) { error in
            XCTAssertEqual((error as? WebhookRequestRefused)?.reason, "the rendered value of header 'X-Branch' contains a line break or NUL")
        }
    }

    func testAValueCannotMoveTheHost() throws {
        var context = full
        context.consumerName = "@evil.org/"
        let template = WebhookRequestTemplate(method: "POST", url: "https://ci.org/${pactbroker.consumerName}")
        let rendered = try RenderedWebhookRequest.render(template, context: context, policy: WebhookSecurityPolicy())
        XCTAssertEqual(rendered.request.url.host, "ci.org")
        XCTAssertEqual(rendered.request.url.absoluteString, "https://ci.org/%40evil.org%2F")
    }

    func testAnUnknownParameterInTheURLIsRefused() {
        let template = WebhookRequestTemplate(method: "POST", url: "https://ci.org/${pactbroker.nope}")
        XCTAssertThrowsError(try RenderedWebhookRequest.render(template, context: full, policy: WebhookSecurityPolicy())) { error in
            XCTAssertEqual((error as? WebhookRequestRefused)?.reason, "the URL 'https://ci.org/${pactbroker.nope}' has an unknown template parameter")
        }
    }
}
