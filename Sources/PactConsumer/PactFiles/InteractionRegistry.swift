import PactModel

/// The interactions this process has written to each pact file, to catch two tests that declare the same
/// interaction (description and provider states) differently, or two interactions with one explicit V4 key: merging
/// would otherwise keep whichever ran last.
enum InteractionRegistry {
    struct Entry: Sendable {
        var interaction: Interaction
        var location: PactSourceLocation
    }

    private static let written = Locked<[String: [InteractionIdentity: Entry]]>([:])

    /// Records `candidates` for `file` and returns the identities it added; or returns the conflicts (the earlier
    /// entry and the new one) without recording anything when one disagrees with an interaction written earlier in
    /// this process.
    static func register(
        _ candidates: [(Interaction, PactSourceLocation)], file: String
    ) -> (added: [InteractionIdentity], conflicts: [(Entry, Entry)]) {
        written.withLock { written in
            var entries = written[file] ?? [:]
            var added: [InteractionIdentity] = []
            var conflicts: [(Entry, Entry)] = []
            for (interaction, location) in candidates {
                let identity = InteractionIdentity(interaction.info)
                let entry = Entry(interaction: interaction, location: location)
                if let key = interaction.info.key,
                   let earlier = entries.first(where: { $0.key != identity && $0.value.interaction.info.key == key }) {
                    conflicts.append((earlier.value, entry))
                } else if let earlier = entries[identity] {
                    if comparable(earlier.interaction) != comparable(interaction) { conflicts.append((earlier, entry)) }
                } else {
                    entries[identity] = entry
                    added.append(identity)
                }
            }
            if conflicts.isEmpty { written[file] = entries }
            return (conflicts.isEmpty ? added : [], conflicts)
        }
    }

    /// The interactions this process's runs declared for `file`, as `InteractionIdentity.recordLine`s.
    static func declaredLines(file: String) -> Set<String> {
        written.withLock { Set(($0[file] ?? [:]).keys.map(\.recordLine)) }
    }

    /// Forgets identities registered for `file` by a write that then failed.
    static func forget(_ identities: [InteractionIdentity], file: String) {
        written.withLock { written in
            for identity in identities { written[file]?[identity] = nil }
        }
    }

    /// The interaction without its test name: the same interaction declared by two tests is not a conflict.
    static func comparable(_ interaction: HTTPInteraction) -> HTTPInteraction {
        var copy = interaction
        copy.info.comments["testname"] = nil
        return copy
    }

    /// Any kind of interaction without its test name.
    static func comparable(_ interaction: Interaction) -> Interaction {
        switch interaction {
        case .http(let http): return .http(comparable(http))
        case .asynchronousMessage(var message):
            message.info.comments["testname"] = nil
            return .asynchronousMessage(message)
        case .synchronousMessages(var exchange):
            exchange.info.comments["testname"] = nil
            return .synchronousMessages(exchange)
        }
    }
}
