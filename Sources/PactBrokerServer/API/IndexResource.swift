import PactModel

/// `GET /`: the relations clients navigate from (pact_broker's `index.rb`).
enum IndexResource {
    static func json(_ urls: BrokerURLs) -> JSONValue {
        let b = urls.base
        func link(_ href: String, _ title: String, templated: Bool = true) -> JSONValue {
            var out: [String: JSONValue] = ["href": .string(b + href), "title": .string(title)]
            if templated { out["templated"] = true }
            return .object(out)
        }
        let links: [String: JSONValue] = [
            "self": ["href": .string(urls.index), "title": "Index", "templated": false],
            "pb:publish-pact": link("/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}", "Publish a pact"),
            "pb:publish-contracts": link("/contracts/publish", "Publish contracts", templated: false),
            "pf:publish-provider-contract": link("/provider-contracts/provider/{provider}/publish", "Publish provider contract"),
            "pb:latest-pact-versions": link("/pacts/latest", "Latest pact versions", templated: false),
            "pb:pacticipants": link("/pacticipants", "Pacticipants", templated: false),
            "pb:pacticipant": link("/pacticipants/{pacticipant}", "Fetch pacticipant by name"),
            "pb:latest-provider-pacts": link("/pacts/provider/{provider}/latest", "Latest pacts by provider"),
            "pb:latest-provider-pacts-with-tag": link("/pacts/provider/{provider}/latest/{tag}", "Latest pacts for provider with the specified tag"),
            "pb:provider-pacts-with-tag": link("/pacts/provider/{provider}/tag/{tag}", "All pact versions for the provider with the specified consumer version tag"),
            "pb:provider-pacts": link("/pacts/provider/{provider}", "All pact versions for the specified provider"),
            "pb:latest-version": link("/pacticipants/{pacticipant}/latest-version", "Latest pacticipant version"),
            "pb:latest-tagged-version": link("/pacticipants/{pacticipant}/latest-version/{tag}", "Latest pacticipant version with the specified tag"),
            "pb:pacticipant-version": link("/pacticipants/{pacticipant}/versions/{version}", "Get, create or delete a pacticipant version"),
            "pb:pacticipant-version-tag": link("/pacticipants/{pacticipant}/versions/{version}/tags/{tag}", "Get, create or delete a tag for a pacticipant version"),
            "pb:pacticipant-branch": link("/pacticipants/{pacticipant}/branches/{branch}", "Get or delete a pacticipant branch"),
            "pb:pacticipant-branch-version": link("/pacticipants/{pacticipant}/branches/{branch}/versions/{version}", "Get or add/create a pacticipant version for a branch"),
            "pb:pacticipant-repository-url": link("/pacticipants/{pacticipant}/repository-url", "Get the repository URL of a pacticipant"),
            "pb:environments": link("/environments", "Environments", templated: false),
            "pb:environment": link("/environments/{uuid}", "Environment"),
            "pb:provider-pacts-for-verification": link("/pacts/provider/{provider}/for-verification", "Pact versions to be verified for the specified provider"),
            "beta:provider-pacts-for-verification": ["name": "beta", "href": .string(b + "/pacts/provider/{provider}/for-verification"), "title": "DEPRECATED - please use pb:provider-pacts-for-verification", "templated": true],
            "pb:can-i-deploy-pacticipant-version-to-tag": link("/can-i-deploy?pacticipant={pacticipant}&version={version}&to={tag}", "Determine if an application version can be safely deployed to an environment identified by the given tag"),
            "pb:can-i-deploy-pacticipant-version-to-environment": link("/can-i-deploy?pacticipant={pacticipant}&version={version}&environment={environment}", "Determine if an application version can be safely deployed to an environment"),
            "pb:matrix": link("/matrix", "The matrix of verification results", templated: false),
            "pb:webhooks": link("/webhooks", "Webhooks", templated: false),
            "pb:webhook": link("/webhooks/{uuid}", "Webhook"),
            "pb:heartbeat": link("/diagnostic/status/heartbeat", "Heartbeat", templated: false),
            "curies": [["name": "pb", "href": .string(b + "/doc/{rel}?context=index"), "templated": true]],
        ]
        return ["_links": .object(links)]
    }
}
