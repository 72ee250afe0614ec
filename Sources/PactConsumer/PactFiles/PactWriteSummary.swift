import Foundation
import PactModel

/// What one write did to a pact file: its interactions new to the file, changed and unchanged. What an overwrite
/// dropped is said once, when the process ends (`PactWriteFeedback.removalNote`), since later writes of the run
/// may put interactions back.
struct PactWriteSummary: Sendable {
    var file: URL
    /// The pact as written.
    var pact: Pact
    var new = 0
    var changed = 0
    var unchanged = 0

    /// Compares the `declared` interactions with the file as it was `before` the write (for an overwrite, before the
    /// run started it afresh), as written in `version`: an interaction the file held under the same description and
    /// provider states, or the same explicit key, is changed or unchanged; the others are new.
    init(file: URL, pact: Pact, version: PactSpecVersion, declared: [Interaction], before: Pact?) {
        self.file = file
        self.pact = pact
        let old = before?.interactions ?? []
        // Indexed once: a write is compared with a file of any size after every test.
        let byIdentity = Dictionary(old.map { (InteractionIdentity($0.info), $0) }, uniquingKeysWith: { first, _ in first })
        let byKey = Dictionary(old.compactMap { old in old.info.key.map { ($0, old) } }, uniquingKeysWith: { first, _ in first })
        for interaction in declared {
            let earlier = byIdentity[InteractionIdentity(interaction.info)] ?? interaction.info.key.flatMap { byKey[$0] }
            guard let earlier else {
                new += 1
                continue
            }
            let same = (try? PactWriter.json(for: earlier, version: version)) == (try? PactWriter.json(for: interaction, version: version))
            if same { unchanged += 1 } else { changed += 1 }
        }
    }

    /// `Pact: wrote pacts/a-b.json (1 new, 0 changed, 5 unchanged)`.
    var line: String {
        "Pact: wrote \(PactWriteFeedback.displayPath(file)) (\(new) new, \(changed) changed, \(unchanged) unchanged)"
    }
}

extension InteractionIdentity {
    /// The identity on one line (its sort key as a JSON string), as the lock file's run record stores it.
    var recordLine: String { JSONWriter.compact(.string(sortKey)) }

    /// `'description'`, with `(given 'a', 'b')` when it has provider states: how a warning names an interaction.
    var named: String {
        states.isEmpty ? "'\(description)'"
            : "'\(description)' (given \(states.map { "'\($0.name)'" }.joined(separator: ", ")))"
    }
}
