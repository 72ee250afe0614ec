/// Whether a finding breaks the pact's compatibility with the document.
public enum OpenAPIResultType: String, Sendable, Hashable, Codable {
    /// The pact uses something the document does not allow: the check fails.
    case error
    /// Worth knowing, but compatible.
    case warning
}

/// The comparator's result codes, as pactflow's openapi-pact-comparator names them, each an error or a warning.
public enum OpenAPIResultCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// No documented path (after the base path) and method takes the request, or a path parameter fails its schema.
    case requestPathOrMethodUnknown = "request.path-or-method.unknown"
    /// The operation requires a credential the request does not carry.
    case requestAuthorizationMissing = "request.authorization.missing"
    /// The request has an `Accept` header but the operation documents no response media types.
    case requestAcceptUnknown = "request.accept.unknown"
    /// No documented response media type satisfies the request's `Accept` header.
    case requestAcceptIncompatible = "request.accept.incompatible"
    /// The request has a `Content-Type` but the operation documents no request media types.
    case requestContentTypeUnknown = "request.content-type.unknown"
    /// The request's `Content-Type` is not one the operation consumes.
    case requestContentTypeIncompatible = "request.content-type.incompatible"
    /// The request has a body but no `Content-Type`, and the operation documents request media types.
    case requestContentTypeMissing = "request.content-type.missing"
    /// A documented request header is missing (when required) or fails its schema.
    case requestHeaderIncompatible = "request.header.incompatible"
    /// The request has a non-standard header the operation does not document.
    case requestHeaderUnknown = "request.header.unknown"
    /// A documented query parameter is missing (when required) or fails its schema.
    case requestQueryIncompatible = "request.query.incompatible"
    /// The request has a query parameter the operation does not document.
    case requestQueryUnknown = "request.query.unknown"
    /// The request body's media type is not one the comparator can check (JSON, form, multipart).
    case requestBodyUnvalidatable = "request.body.unvalidatable"
    /// The request body fails the documented schema (or is missing when required).
    case requestBodyIncompatible = "request.body.incompatible"
    /// The request has a body the operation gives no schema for.
    case requestBodyUnknown = "request.body.unknown"
    /// The response status is documented neither exactly, nor by range, nor by `default`.
    case responseStatusUnknown = "response.status.unknown"
    /// The response status is only documented by `default`.
    case responseStatusDefault = "response.status.default"
    /// A documented response header fails its schema.
    case responseHeaderIncompatible = "response.header.incompatible"
    /// The response has a standard header the document does not list.
    case responseHeaderUndefined = "response.header.undefined"
    /// The response has a non-standard header the document does not list.
    case responseHeaderUnknown = "response.header.unknown"
    /// The response has a `Content-Type` but the document lists no media types for it.
    case responseContentTypeUnknown = "response.content-type.unknown"
    /// The response's `Content-Type` is not one the document lists for it.
    case responseContentTypeIncompatible = "response.content-type.incompatible"
    /// The response body's media type is not one the comparator can check.
    case responseBodyUnvalidatable = "response.body.unvalidatable"
    /// The response has a body the document gives no schema for.
    case responseBodyUnknown = "response.body.unknown"
    /// The response body uses something the documented schema does not allow.
    case responseBodyIncompatible = "response.body.incompatible"

    /// Error or warning, as the reference comparator classifies the code (OPENAPI-CHECK.md, B.1).
    public var type: OpenAPIResultType {
        switch self {
        case .requestAcceptUnknown, .requestContentTypeUnknown, .requestContentTypeMissing, .requestHeaderUnknown,
            .requestQueryUnknown, .requestBodyUnvalidatable, .requestBodyUnknown, .responseStatusDefault,
            .responseHeaderUndefined, .responseContentTypeUnknown, .responseBodyUnvalidatable:
            .warning
        default:
            .error
        }
    }
}
