import PactMockServer

/// Polls the pact sources of a running mock and swaps in a new catalogue when files change. Polling (a `stat` per
/// file) works on every file system, including bind mounts into containers where change notifications do not arrive.
public final class PactWatcher: Sendable {
    private let task: Task<Void, Never>

    /// Starts watching.
    /// - Parameters:
    ///   - library: the files as loaded at start-up.
    ///   - interval: time between polls; a change is applied on the poll after the one that first sees it.
    ///   - report: receives one sentence per reload and per problem.
    public init(
        library: PactLibrary, mock: StandaloneMock, preferredState: ProviderStatePattern?, interval: Duration,
        report: @escaping @Sendable (String) -> Void
    ) {
        task = Task.detached {
            var library = library
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                let change = library.refresh()
                for problem in change.problems {
                    report("reload: \(problem)")
                    mock.noteReloadProblem(problem)
                }
                guard change.changed else { continue }
                let clock = ContinuousClock()
                let start = clock.now
                do {
                    let catalogue = try PactCatalogue.build(library.pacts, preferredState: preferredState)
                    mock.replace(with: catalogue)
                    if !change.problems.isEmpty { mock.noteReloadProblem(change.problems.joined(separator: "; ")) }
                    let files = (change.reloaded + change.removed.map { "\($0) (removed)" }).joined(separator: ", ")
                    report("reloaded \(files): serving \(catalogue.count) interactions from \(catalogue.pacts.count) "
                        + "pacts (\(milliseconds(clock.now - start)) ms)")
                    for warning in catalogue.warnings { report("warning: \(warning)") }
                } catch {
                    report("reload refused: \(error); still serving the previous pacts")
                    mock.noteReloadProblem("\(error)")
                }
            }
        }
    }

    /// Stops polling.
    public func stop() { task.cancel() }

    deinit { task.cancel() }
}

private func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
}
