import Hummingbird
import HummingbirdAuth

/// hummingbird-auth's authenticator for the broker: reads the `Authorization` header (Basic or Bearer, parsed by
/// hummingbird-auth) and attaches the matching `BrokerRole` to the request context; unknown or wrong credentials
/// attach nothing, and `BrokerAccessMiddleware` decides what an anonymous request may do.
struct BrokerAuthenticator<Context: AuthRequestContext<BrokerRole>>: AuthenticatorMiddleware {
    typealias Identity = BrokerRole
    let configuration: BrokerAuthConfiguration

    func authenticate(request: Request, context: Context) async throws -> BrokerRole? {
        Self.role(basic: request.headers.basic.map { ($0.username, $0.password) }, bearer: request.headers.bearer?.token,
                  configuration: configuration)
    }

    /// The role the credentials grant. Every configured secret is compared, in constant time, whether or not an
    /// earlier one matched, so the time taken does not tell which user a guess was close to.
    static func role(basic: (username: String, password: String)?, bearer: String?, configuration: BrokerAuthConfiguration) -> BrokerRole? {
        if let basic {
            let writer = configuration.readWrite.map { matches(basic, $0) } ?? false
            let reader = configuration.readOnly.map { matches(basic, $0) } ?? false
            return writer ? .readWrite : reader ? .readOnly : nil
        }
        if let bearer, let token = configuration.bearerToken {
            return ConstantTimeComparison.equal(bearer, token) ? .readWrite : nil
        }
        return nil
    }

    private static func matches(_ given: (username: String, password: String), _ expected: BrokerCredentials) -> Bool {
        // Both compared always (no short-circuit).
        let user = ConstantTimeComparison.equal(given.username, expected.username)
        let password = ConstantTimeComparison.equal(given.password, expected.password)
        return user && password
    }
}
