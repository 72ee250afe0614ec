import PactModel

/// Checks a run's declared interactions as a whole: each has a request, and no two share a description and provider
/// states while differing (identical repeats collapse into one).
enum RunPreparation {
    static func prepare(
        _ declared: [DeclaredInteraction], builderErrors: [PactUsageError], at runLocation: PactSourceLocation
    ) -> (interactions: [DeclaredInteraction], errors: [PactUsageError]) {
        var errors = builderErrors
        var kept: [DeclaredInteraction] = []
        var byIdentity: [InteractionIdentity: DeclaredInteraction] = [:]
        for interaction in declared {
            errors += interaction.errors
            if interaction.request == nil {
                errors.append(PactUsageError(
                    location: interaction.location, interaction: interaction.description,
                    reason: "the interaction has no request; call withRequest(_:_:…) on it"))
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
        return (kept, errors)
    }
}
