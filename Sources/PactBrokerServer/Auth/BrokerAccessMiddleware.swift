import Hummingbird
import HummingbirdAuth
import HTTPTypes
import NIOCore

/// Refuses what the authenticated role (from `BrokerAuthenticator`) may not do: 401 with a `WWW-Authenticate`
/// challenge when credentials are missing or wrong, as pact_broker's basic auth (Rack::Auth::Basic: realm
/// "Restricted area", an empty `text/plain` body); 403 when the read-only user writes (pact_broker answers 401 there,
/// which tells a client with the right password nothing).
struct BrokerAccessMiddleware<Context: AuthRequestContext<BrokerRole>>: RouterMiddleware {
    let configuration: BrokerAuthConfiguration
    /// Builds the 403 reply (JSON or problem+json, as the request asks).
    let forbidden: @Sendable (Request) -> Response

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: true).map { PercentDecodingBridge.decode($0) }
        let level = BrokerAccessLevel.required(method: request.method.rawValue.uppercased(), segments: segments,
                                               configuration: configuration)
        if level.admits(context.identity) { return try await next(request, context) }
        if context.identity == nil { return unauthorized() }
        return forbidden(request)
    }

    /// 401 with one challenge per accepted scheme.
    func unauthorized() -> Response {
        var fields = HTTPFields()
        if configuration.readWrite != nil || configuration.readOnly != nil {
            fields.append(HTTPField(name: .wwwAuthenticate, value: #"Basic realm="Restricted area""#))
        }
        if configuration.bearerToken != nil {
            fields.append(HTTPField(name: .wwwAuthenticate, value: #"Bearer realm="Restricted area""#))
        }
        fields[.contentType] = "text/plain"
        fields[.contentLength] = "0"
        return Response(status: .unauthorized, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer()))
    }
}
