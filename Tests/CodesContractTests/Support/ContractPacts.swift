import CodesClient
import Foundation
import TestSupport
import PactConsumer
import PactModel

/// Where the contract suites write their pacts and how they build them.
enum ContractPacts {
    static let provider = "data-lpa-codes"

    static let packageRoot = PackageRoot.url

    /// The committed pacts: `<package>/pacts`.
    static let directory = packageRoot.appendingPathComponent("pacts", isDirectory: true)

    /// A builder for `consumer`'s pact with the codes service. Overwrite mode: the first write of a `swift test` run
    /// starts the file afresh, later writes of the same run (in either test process) merge into it, so interactions
    /// removed from the suites disappear from the file.
    static func builder(consumer: String) -> PactBuilder {
        PactBuilder(consumer: consumer, provider: provider, directory: directory, writeMode: .overwrite)
    }

    /// The file a consumer's pact is written to.
    static func file(consumer: String) -> URL {
        directory.appendingPathComponent("\(consumer)-\(provider).json")
    }
}

/// Values of the codes API that several interactions share.
enum CodesAPI {
    static let jsonContentType = "application/json"
    static let errorContentType = "application/vnd.opg-data.v1+json"

    /// Patterns from the OpenAPI schemas, as the real consumers' matchers write them.
    static let siriusUID = "7[0-9]{11}"
    static let lpaStoreUID = "M(-[0-9]{4}){3}"
    static let activationCode = "[A-Z0-9]{12}"
    static let paperCode = "P(-[A-Z0-9]{4}){3}-[A-Z0-9]{2}"

    /// A signed request's `Authorization` and a trace id, as a deployed consumer would send them.
    static let authorization = "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20250101/eu-west-1/execute-api/aws4_request, "
        + "SignedHeaders=content-type;host;x-amz-date, Signature=0123456789abcdef"
    static let traceID = "Root=1-67a2b3c4-5d6e7f8091a2b3c4d5e6f708"
    /// The form of an AWS SigV4 `Authorization` header (`authorization` is an example).
    static let sigV4Authorization = #"AWS4-HMAC-SHA256 Credential=[^,\s]+, ?SignedHeaders=[a-z0-9;-]+, ?Signature=[0-9a-f]+"#

    /// The client the suites drive, pointed at the mock provider.
    static func client(_ baseURL: URL) -> CodesClient {
        CodesClient(baseURL: baseURL, authorization: authorization, traceID: traceID, timeout: 10)
    }

    /// `{"errors":[{"code": code, "title": title}, …]}`: the service's error envelope, one or more entries.
    static func errors(code: String, title: String) -> PactValue {
        ["errors": .eachLike(["code": .equal(.init(code)), "title": .like(.init(title))])]
    }
}

/// Runs `call` and returns the `CodesClientError` it throws, or nil when it returns.
func caughtError<T>(_ call: () async throws(CodesClientError) -> T) async -> CodesClientError? {
    do {
        _ = try await call()
        return nil
    } catch {
        return error
    }
}
