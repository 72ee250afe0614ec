import PactModel

/// Size rules (`min`, `max`) applied to the list of values of a repeated header or query parameter, as
/// pact-reference's `compare_lists_with_matchingrules` does before it checks each value.
enum ListRules {
    /// One sentence per failing size rule ("Expected [1] (size 1) to have minimum size of 2"); none when an OR list
    /// has a rule that passes or no size rule applies.
    static func sizeFailures(_ list: RuleList, shown: @autoclosure () -> String, count: Int) -> [String] {
        var failures: [String] = []
        var anyPassed = false
        for rule in list.rules {
            let failure: String?
            switch rule {
            case .minType(let min): failure = StructuralMatchers.sizeFailure(shown(), count: count, min: min, max: nil)
            case .maxType(let max): failure = StructuralMatchers.sizeFailure(shown(), count: count, min: nil, max: max)
            case .minMaxType(let min, let max): failure = StructuralMatchers.sizeFailure(shown(), count: count, min: min, max: max)
            default: continue
            }
            if let failure { failures.append(failure) } else { anyPassed = true }
        }
        return list.logic == .or && anyPassed ? [] : failures
    }
}
