/// The placeholder paths of the Ruby pact_broker-client's pact, and the real resources they stand for, as
/// pact_broker's own verification maps them (`HalRelationProxyApp::PATH_REPLACEMENTS` in
/// `spec/service_consumers/hal_relation_proxy_app.rb`). The client pact uses placeholders where its requests follow
/// a HAL relation, so that it need not know the broker's URLs.
enum PlaceholderPaths {
    static let replacements: [String: String] = [
        "/HAL-REL-PLACEHOLDER-INDEX-PB-LATEST-TAGGED-VERSION-Condor-production": "/pacticipants/Condor/latest-version/production",
        "/HAL-REL-PLACEHOLDER-INDEX-PB-LATEST-VERSION-Condor": "/pacticipants/Condor/latest-version",
        "/HAL-REL-PLACEHOLDER-PB-WEBHOOKS": "/webhooks",
        "/HAL-REL-PLACEHOLDER-INDEX-PB-PACTICIPANT-VERSION-Foo-26f353580936ad3b9baddb17b00e84f33c69e7cb":
            "/pacticipants/Foo/versions/26f353580936ad3b9baddb17b00e84f33c69e7cb",
        "/HAL-REL-PLACEHOLDER-PB-ENVIRONMENTS": "/environments",
        "/HAL-REL-PLACEHOLDER-PB-PACTICIPANT-VERSION-Foo-5556b8149bf8bac76bc30f50a8a2dd4c22c85f30":
            "/pacticipants/Foo/versions/5556b8149bf8bac76bc30f50a8a2dd4c22c85f30",
        "/HAL-REL-PLACEHOLDER-PB-RECORD-DEPLOYMENT-FOO-5556B8149BF8BAC76BC30F50A8A2DD4C22C85F30-TEST":
            "/pacticipants/Foo/versions/5556b8149bf8bac76bc30f50a8a2dd4c22c85f30/deployed-versions/environment/cb632df3-0a0d-4227-aac3-60114dd36479",
        "/HAL-REL-PLACEHOLDER-PB-PUBLISH-CONTRACTS": "/contracts/publish",
        // pact_broker maps this one to the deployed-versions resource too (a slip in its table; both answer 201);
        // the release relation's real target is the released-versions resource.
        "/HAL-REL-PLACEHOLDER-PB-RECORD-RELEASE-FOO-5556B8149BF8BAC76BC30F50A8A2DD4C22C85F30-TEST":
            "/pacticipants/Foo/versions/5556b8149bf8bac76bc30f50a8a2dd4c22c85f30/released-versions/environment/cb632df3-0a0d-4227-aac3-60114dd36479",
        "/PLACEHOLDER-DEPLOYED-VERSION-ff3adecf-cfc5-4653-a4e3-f1861092f8e0": "/deployed-versions/ff3adecf-cfc5-4653-a4e3-f1861092f8e0",
        "/PLACEHOLDER-ENVIRONMENT-CURRENTLY-DEPLOYED-16926ef3-590f-4e3f-838e-719717aa88c9":
            "/environments/16926ef3-590f-4e3f-838e-719717aa88c9/deployed-versions/currently-deployed",
        "/HAL-REL-PLACEHOLDER-PB-ENVIRONMENT-16926ef3-590f-4e3f-838e-719717aa88c9": "/environments/16926ef3-590f-4e3f-838e-719717aa88c9",
        "/HAL-REL-PLACEHOLDER-PB-PACTICIPANT-BRANCH-Foo-main": "/pacticipants/Foo/branches/main",
    ]

    /// The real path for a placeholder path; any other path unchanged.
    static func realPath(_ path: String) -> String { replacements[path] ?? path }
}
