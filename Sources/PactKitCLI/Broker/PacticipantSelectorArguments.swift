import ArgumentParser
import PactBroker

/// can-i-deploy's pacticipant selection, as the pact-broker CLI reads it: each `--pacticipant NAME` (`-a`) is followed
/// by its version, `--version V` (`-e`), `--latest [TAG]` (`-l`), `--branch B` or `--main-branch`. The order of the
/// words is what pairs them, so they reach the command as the words ArgumentParser did not recognise, in order.
enum PacticipantSelectorArguments {
    /// The selectors in `words`, or a `ValidationError` naming the word out of place.
    static func parse(_ words: [String]) throws -> [CanIDeployQuery.Selector] {
        var selectors: [CanIDeployQuery.Selector] = []
        var index = 0
        /// The option's value: `--name=value`, or the next word (a value may not start with `-` unless `=` is used).
        func value(_ word: String, optional: Bool = false) throws -> String? {
            if let equals = word.firstIndex(of: "="), word.hasPrefix("--") { return String(word[word.index(after: equals)...]) }
            if index + 1 < words.count, !words[index + 1].hasPrefix("-") {
                index += 1
                return words[index]
            }
            if optional { return nil }
            throw ValidationError("\(name(word)) needs a value")
        }
        func current(_ word: String) throws -> Int {
            guard !selectors.isEmpty else { throw ValidationError("\(name(word)) must follow a --pacticipant") }
            return selectors.count - 1
        }
        while index < words.count {
            let word = words[index]
            switch name(word) {
            case "-a", "--pacticipant":
                selectors.append(CanIDeployQuery.Selector(pacticipant: try value(word) ?? ""))
            case "-e", "--version":
                let at = try current(word)
                selectors[at].version = try value(word)
            case "-l", "--latest":
                let at = try current(word)
                selectors[at].latest = true
                selectors[at].tag = try value(word, optional: true).flatMap { $0.isEmpty ? nil : $0 }
            case "--branch":
                let at = try current(word)
                selectors[at].branch = try value(word)
            case "--main-branch":
                selectors[try current(word)].mainBranch = true
            default:
                throw ValidationError("Unknown option '\(word)'")
            }
            index += 1
        }
        if selectors.isEmpty { throw ValidationError("give at least one --pacticipant") }
        for selector in selectors
        where selector.version == nil && !selector.latest && selector.branch == nil && !selector.mainBranch {
            throw ValidationError("--pacticipant \(selector.pacticipant) needs --version V or --latest [TAG]")
        }
        return selectors
    }

    /// The option's name without an `=value`.
    private static func name(_ word: String) -> String {
        word.hasPrefix("--") ? String(word.prefix { $0 != "=" }) : word
    }
}
