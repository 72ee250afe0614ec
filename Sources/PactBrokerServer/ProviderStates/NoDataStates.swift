/// States that need no data (pact_broker's `shared_noop_provider_states`): the index relations always exist, and
/// the "does not exist" states hold on the empty store every interaction starts from.
enum NoDataStates {
    static let all: [BrokerProviderState] = [
        "the pb:latest-tagged-version relation exists in the index resource",
        "the pb:latest-version relation exists in the index resource",
        "version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo does not exist",
        "the 'Pricing Service' does not exist in the pact-broker",
        "no pact between Condor and the Pricing Service exists",
        "'Condor' does not exist in the pact-broker",
        "no pacticipant version exists for the Pricing Service",
        "the pacticipant relations are present",
        "the pb:pacticipant-version relation exists in the index resource",
        "version 26f353580936ad3b9baddb17b00e84f33c69e7cb of pacticipant Foo does not exist",
        "the pb:publish-contracts relations exists in the index resource",
        "the pb:environments relation exists in the index resource",
        "the pb:pacticipant-branch relation exists in the index resource",
        "the pb:pacticipant-version and pb:environments relations exist in the index resource",
        "the pb:latest-pact-versions relation exists in the index resource",
        "the pb:pacticipants relation exists in the index resource",
        "the pb:pacticipant relation exists in the index resource",
    ].map { BrokerProviderState($0) }
}
