import NIOConcurrencyHelpers
import NIOCore

/// The open connections of one server, so shutdown can close them and their number stays under the limit.
final class ConnectionRegistry: Sendable {
    /// Whether a new connection may be served.
    enum Admission: Equatable {
        case accepted
        /// Over the limit; `report` is the line to log (without the server's address), nil while an earlier line is
        /// recent.
        case refused(report: String?)
        /// Shutdown has begun.
        case closing
    }

    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var isClosing = false
        var lastReport: NIODeadline?
        var refusedSinceReport = 0
    }

    /// Under a flood the limit is hit many times a second: one line a minute says so.
    private static let reportInterval = TimeAmount.seconds(60)

    private let state = NIOLockedValueBox(State())
    private let limit: Int

    /// A registry admitting at most `limit` connections.
    init(limit: Int) {
        self.limit = limit
    }

    /// Tracks `channel` until it closes, unless the limit is reached or shutdown has begun.
    func admit(_ channel: any Channel) -> Admission {
        let id = ObjectIdentifier(channel)
        let admission = state.withLockedValue { state -> Admission in
            guard !state.isClosing else { return .closing }
            guard state.channels.count < limit else { return .refused(report: report(&state)) }
            state.channels[id] = channel
            return .accepted
        }
        if admission == .accepted {
            channel.closeFuture.whenComplete { [self] _ in
                _ = self.state.withLockedValue { $0.channels.removeValue(forKey: id) }
            }
        }
        return admission
    }

    private func report(_ state: inout State) -> String? {
        let now = NIODeadline.now()
        state.refusedSinceReport += 1
        if let last = state.lastReport, now - last < Self.reportInterval { return nil }
        let earlier = state.refusedSinceReport - 1
        let line = "connection limit of \(limit) reached: new connections get 503 until open ones close"
            + (earlier == 0 ? "" : " (\(earlier) refused since the last report)")
        state.lastReport = now
        state.refusedSinceReport = 0
        return line
    }

    /// Stops admitting connections and returns the ones still open.
    func beginClosing() -> [any Channel] {
        state.withLockedValue { state in
            state.isClosing = true
            return Array(state.channels.values)
        }
    }
}
