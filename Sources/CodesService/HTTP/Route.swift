/// The service's routes. Every API route is served at `/v1/<name>` and at `/<name>` (old Sirius pacts use paths
/// without the version, which the real local gateway also accepted).
enum Route: Sendable, Hashable {
    case healthcheck, create, validate, revoke, exists, code
    case paperCreate, paperValidate, paperExpire
    /// Test hooks, only at the root and only when provider states are enabled.
    case pactState, resetDatabase

    private static let apiRoutes: [String: Route] = [
        "healthcheck": .healthcheck, "create": .create, "validate": .validate, "revoke": .revoke, "exists": .exists,
        "code": .code, "paper-verification-code": .paperCreate, "paper-verification-code/validate": .paperValidate,
        "paper-verification-code/expire": .paperExpire,
    ]

    static func match(_ path: String) -> Route? {
        switch path {
        case "/_pact_state": return .pactState
        case "/_reset_database": return .resetDatabase
        default: break
        }
        var name = Substring(path)
        guard name.hasPrefix("/") else { return nil }
        name = name.dropFirst()
        if name.hasPrefix("v1/") { name = name.dropFirst(3) }
        return apiRoutes[String(name)]
    }

    /// The methods the route answers; others get 405.
    var allowedMethods: [String] {
        switch self {
        case .healthcheck: ["GET", "HEAD"]
        case .pactState: ["GET", "POST"]
        case .resetDatabase: ["GET", "POST", "DELETE", "PUT"]
        default: ["POST"]
        }
    }

    var isTestHook: Bool { self == .pactState || self == .resetDatabase }
}
