import PactModel

/// Checks a run's declarations as a whole, HTTP or message: each one by the builder's `compile`, no two share a
/// description and provider states while differing (identical repeats collapse into one), and no two share an
/// explicit V4 key. Errors come back in line order.
enum RunPreparation {
    static func prepare<Item: DeclaredItem, Compiled: CompiledDeclaration>(
        _ declared: [Item], builderErrors: [PactUsageError], nothingDeclared: String, withArticle: String,
        at runLocation: PactSourceLocation, compile: (Item) -> (Compiled?, [PactUsageError])
    ) -> (compiled: [Compiled], errors: [PactUsageError]) {
        var errors = builderErrors
        var kept: [Compiled] = []
        var byIdentity: [InteractionIdentity: Compiled] = [:]
        var byKey: [String: Compiled] = [:]
        for item in declared {
            let (compiled, itemErrors) = compile(item)
            errors += itemErrors
            guard let compiled else { continue }
            let identity = InteractionIdentity(compiled.pactInteraction.info)
            if let earlier = byIdentity[identity] {
                let comparable = [earlier, compiled].map { InteractionRegistry.comparable($0.pactInteraction) }
                if comparable[0] != comparable[1] {
                    errors.append(PactUsageError(
                        location: compiled.location, interaction: item.description,
                        reason: "\(withArticle) with this description and \(identity.describedStates) is "
                            + "already declared differently at \(earlier.location); give one a different description "
                            + "or provider state"))
                }
                continue
            }
            // pact-reference merges V4 interactions by key (the file keeps one per key), so two interactions with one
            // key would leave only one of them in the pact: a usage error here rather than a silent loss.
            if let key = compiled.pactInteraction.info.key {
                if let earlier = byKey[key] {
                    errors.append(PactUsageError(
                        location: compiled.location, interaction: item.description,
                        reason: "the key '\(key)' is already the key of '\(earlier.pactInteraction.description)' "
                            + "declared at \(earlier.location); a key identifies one interaction of the pact, give "
                            + "each its own"))
                    continue
                }
                byKey[key] = compiled
            }
            byIdentity[identity] = compiled
            kept.append(compiled)
        }
        if declared.isEmpty && errors.isEmpty {
            errors.append(PactUsageError(location: runLocation, reason: nothingDeclared))
        }
        return (kept, inLineOrder(errors))
    }

    /// An HTTP interaction as a run takes it: with its usage errors, and left out when it lacks a request or a
    /// response. An interaction without a response would be written as `{"status": 200}`, which any provider answer
    /// satisfies: a contract that checks nothing. Without a request the mock cannot serve it at all.
    static func checkedParts(of interaction: DeclaredInteraction) -> (DeclaredInteraction?, [PactUsageError]) {
        guard let missing = missingParts(of: interaction) else { return (interaction, interaction.errors) }
        return (nil, interaction.errors + [PactUsageError(
            location: interaction.location, interaction: interaction.description, reason: missing)])
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
