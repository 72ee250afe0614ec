import PactModel

/// Checks a run's declared interactions as a whole: each has a request and a response, and no two share a description
/// and provider states while differing (identical repeats collapse into one). Errors come back in line order.
enum RunPreparation {
    static func prepare(
        _ declared: [DeclaredInteraction], builderErrors: [PactUsageError], at runLocation: PactSourceLocation
    ) -> (interactions: [DeclaredInteraction], errors: [PactUsageError]) {
        var errors = builderErrors
        var kept: [DeclaredInteraction] = []
        var byIdentity: [InteractionIdentity: DeclaredInteraction] = [:]
        for interaction in declared {
            errors += interaction.errors
            // An interaction without a response would be written as `{"status": 200}`, which any provider answer
            // satisfies: a contract that checks nothing. Without a request the mock cannot serve it at all.
            if let missing = missingParts(of: interaction) {
                errors.append(PactUsageError(
                    location: interaction.location, interaction: interaction.description, reason: missing))
                continue
            }
            if let earlier = byIdentity[interaction.identity] {
                if InteractionRegistry.comparable(earlier.interaction) != InteractionRegistry.comparable(interaction.interaction) {
                    errors.append(PactUsageError(
                        location: interaction.location, interaction: interaction.description,
                        reason: "an interaction with this description and \(interaction.identity.describedStates) is "
                            + "already declared differently at \(earlier.location); give one a different description "
                            + "or provider state"))
                }
                continue
            }
            byIdentity[interaction.identity] = interaction
            kept.append(interaction)
        }
        if declared.isEmpty && errors.isEmpty {
            errors.append(PactUsageError(location: runLocation, reason: "no interactions are declared for this run; "
                                         + "declare them with uponReceiving(_:) before run"))
        }
        return (kept, inLineOrder(errors))
    }

    private static func missingParts(of interaction: DeclaredInteraction) -> String? {
        switch (interaction.request == nil, interaction.responseLocation == nil) {
        case (true, true): "the interaction has no request and no response; call withRequest(_:_:…) and willRespondWith(…) on it"
        case (true, false): "the interaction has no request; call withRequest(_:_:…) on it"
        case (false, true): "the interaction has no response, so any answer of the provider would satisfy it; call "
            + "willRespondWith(…) on it"
        case (false, false): nil
        }
    }

    /// Errors sorted by line within each file; files keep the order they first appear in.
    static func inLineOrder(_ errors: [PactUsageError]) -> [PactUsageError] {
        var fileOrder: [String: Int] = [:]
        for error in errors where fileOrder["\(error.location.filePath)"] == nil {
            fileOrder["\(error.location.filePath)"] = fileOrder.count
        }
        return errors.enumerated().sorted { lhs, rhs in
            let left = (fileOrder["\(lhs.element.location.filePath)"] ?? 0, lhs.element.location.line, lhs.element.location.column, lhs.offset)
            let right = (fileOrder["\(rhs.element.location.filePath)"] ?? 0, rhs.element.location.line, rhs.element.location.column, rhs.offset)
            return left < right
        }.map(\.element)
    }
}
