import NIOConcurrencyHelpers
import NIOCore

/// The open connections of one server, so shutdown can close them.
final class ConnectionRegistry: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var isClosing = false
    }

    private let state = NIOLockedValueBox(State())

    /// Tracks `channel` until it closes; returns false (and tracks nothing) once shutdown has begun.
    func register(_ channel: any Channel) -> Bool {
        let id = ObjectIdentifier(channel)
        let accepted = state.withLockedValue { state in
            guard !state.isClosing else { return false }
            state.channels[id] = channel
            return true
        }
        if accepted {
            channel.closeFuture.whenComplete { [self] _ in
                _ = self.state.withLockedValue { $0.channels.removeValue(forKey: id) }
            }
        }
        return accepted
    }

    /// Stops accepting registrations and returns the connections still open.
    func beginClosing() -> [any Channel] {
        state.withLockedValue { state in
            state.isClosing = true
            return Array(state.channels.values)
        }
    }
}
