import Foundation
import PactModel

/// The part of `PactBuilder` and `MessagePactBuilder` that does not depend on the kind of interaction: where the pact
/// goes, the declarations and their usage errors, and the check that fails a test whose declarations were never run.
/// `BuilderCore+Run` holds the shared end of a run: usage errors, reporting, writing the pact.
final class BuilderCore<Item: DeclaredItem>: Sendable {
    /// How a builder's declarations are named in usage errors and failures.
    struct Wording: Sendable {
        /// "interaction" or "message".
        var noun: String
        /// "an interaction" or "a message".
        var withArticle: String
        /// "run" or "verified": what never happened to declarations left over at the end of a test.
        var ranVerb: String
        /// What to call about declarations never run.
        var neverRunAdvice: @Sendable ([Item]) -> String
    }

    let consumer: String
    let provider: String
    let specVersion: PactSpecVersion
    let directory: URL?
    let writeMode: PactWriteMode
    let reporter: (any PactFailureReporter)?
    let wording: Wording

    private let state: Locked<State>

    private struct State {
        var nextID = 0
        var items: [Item] = []
        var builderErrors: [PactUsageError]
        /// The XCTest test case whose end already checks this builder for declarations never run.
        var checkedTestCase: ObjectIdentifier?
    }

    /// A core whose builder, declared at `location`, has `DeclarationChecks.builderErrors` and `extraErrors`.
    init(
        consumer: String, provider: String, directory: URL?, specVersion: PactSpecVersion, writeMode: PactWriteMode,
        reporter: (any PactFailureReporter)?, wording: Wording, location: PactSourceLocation,
        extraErrors: [PactUsageError] = []
    ) {
        self.consumer = consumer
        self.provider = provider
        self.directory = directory
        self.specVersion = specVersion
        self.writeMode = writeMode
        self.reporter = reporter
        self.wording = wording
        let errors = DeclarationChecks.builderErrors(consumer: consumer, provider: provider, specVersion: specVersion,
                                                     oldest: Item.oldestSpecVersion, noun: wording.noun, at: location)
        state = Locked(State(builderErrors: errors + extraErrors))
        EndOfTest.prepare()
    }

    deinit {
        reportNeverRun()
    }

    /// Adds a declaration made by `make` from its info (test name, description check) and returns its id. The test
    /// name is the running test's, else `function` (the caller's `#function`).
    func declare(
        _ description: String, at location: PactSourceLocation, function: String, make: (DeclaredInfo) -> Item
    ) -> Int {
        let testName = TestFramework.currentTestName ?? function
        let id = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            var info = DeclaredInfo(id: id, description: description, location: location)
            if specVersion >= .v4 { info.comments["testname"] = .string(testName) }
            if description.trimmingCharacters(in: .whitespaces).isEmpty {
                info.errors.append(PactUsageError(location: location,
                                                  reason: "the \(wording.noun) description must not be empty"))
            }
            state.items.append(make(info))
            return id
        }
        let checked = state.withLock { $0.checkedTestCase }
        let arranged = EndOfTest.arrangeCheck(alreadyArranged: checked) { [weak self] in self?.reportNeverRun() }
        if arranged != checked { state.withLock { $0.checkedTestCase = arranged } }
        return id
    }

    /// Applies `change` to the declaration `id`.
    func update(_ id: Int, _ change: (inout Item) -> Void) {
        state.withLock { state in
            guard let index = state.items.firstIndex(where: { $0.info.id == id }) else { return }
            change(&state.items[index])
        }
    }

    /// The declarations so far that have no usage errors.
    var declaredWithoutErrors: [Item] {
        state.withLock { $0.items.filter(\.errors.isEmpty) }
    }

    /// Every usage error declared so far, in line order (as a run reports them).
    var usageErrors: [PactUsageError] {
        RunPreparation.inLineOrder(state.withLock { $0.builderErrors + $0.items.flatMap(\.errors) })
    }

    /// Takes the declarations and the builder's errors, leaving no declarations for the next test. Builder errors
    /// (bad names, versions) stay: every run of the builder fails on them.
    func takeDeclarations() -> (items: [Item], builderErrors: [PactUsageError]) {
        state.withLock { state in
            defer { state.items = [] }
            return (state.items, state.builderErrors)
        }
    }

    /// Fails the test for declarations made since the last run, at the first one's line, and forgets them: one
    /// failure for the forgotten run, however many declarations it left unchecked.
    func reportNeverRun() {
        let pending = takeDeclarations().items
        guard let first = pending.first else { return }
        let names = pending.map { "'\($0.description)'" }.joined(separator: ", ")
        let subject = pending.count == 1 ? "\(wording.noun) \(names) was" : "\(wording.noun)s \(names) were"
        (reporter ?? AutomaticFailureReporter()).report(PactFailure(
            kind: .notRun, interaction: first.description,
            message: "Pact: \(subject) declared but never \(wording.ranVerb), so nothing was checked and no pact was "
                + "written; \(wording.neverRunAdvice(pending))",
            location: first.location))
    }
}
