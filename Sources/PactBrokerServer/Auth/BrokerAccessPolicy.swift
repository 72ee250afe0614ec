/// What a request needs, as pact_broker's `ResourceAccessPolicy` decides: reads are GET, HEAD and OPTIONS, and
/// POST to a provider's pacts for verification (a query with a body); everything else writes. The heartbeat is
/// public when `publicHeartbeat` is set; every read is public with `allowPublicRead`.
enum BrokerAccessLevel: Int, Sendable, Comparable {
    case open = 0
    case read = 1
    case write = 2

    static func < (lhs: BrokerAccessLevel, rhs: BrokerAccessLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The level the request needs; `segments` are the decoded path segments.
    static func required(method: String, segments: [String], configuration: BrokerAuthConfiguration) -> BrokerAccessLevel {
        guard configuration.isEnabled else { return .open }
        let readMethod = ["GET", "HEAD", "OPTIONS"].contains(method)
        let forVerification = method == "POST" && segments.count == 4 && segments[0] == "pacts"
            && segments[1] == "provider" && segments[3] == "for-verification"
        let heartbeat = segments == ["diagnostic", "status", "heartbeat"]
        if readMethod && heartbeat && configuration.publicHeartbeat { return .open }
        if readMethod || forVerification { return configuration.allowPublicRead ? .open : .read }
        return .write
    }

    /// Whether `role` may do what this level needs.
    func admits(_ role: BrokerRole?) -> Bool {
        switch self {
        case .open: true
        case .read: role != nil
        case .write: role == .readWrite
        }
    }
}
