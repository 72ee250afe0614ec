import Foundation

/// A generator that could not produce a value for a message; the message keeps its example there.
public struct MessageGeneratorFailure: Sendable, Hashable {
    /// `body` (the contents) or `metadata`.
    public var category: GeneratorCategoryName
    /// The contents path or the metadata name.
    public var key: String
    /// Why no value was produced.
    public var error: GeneratorError
}

extension MessageContents {
    /// The message with its generators applied one at a time: content generators to JSON contents (by path),
    /// metadata generators to the metadata value of their name. `including` picks which generators run (all that
    /// apply in the context's mode by default). A generator that cannot produce a value leaves the example in place
    /// and is returned as a failure, so one bad generator does not stop the others.
    public func generated<R: RandomNumberGenerator>(
        context: GeneratorContext, using rng: inout R, including: (Generator) -> Bool = { _ in true }
    ) -> (MessageContents, [MessageGeneratorFailure]) {
        var result = self
        var failures: [MessageGeneratorFailure] = []
        for category in [GeneratorCategoryName.body, .metadata] {
            for (key, generator) in generators[category].sorted(by: { $0.key < $1.key })
            where generator.applies(in: context.mode) && including(generator) {
                do {
                    if category == .metadata {
                        guard let current = result.metadata[key] else { continue }
                        result.metadata[key] = try generator.generate(current: current, context: context, using: &rng)
                    } else if case .json(let value, let contentType) = result.contents {
                        let single = Generators(categories: [.body: [key: generator]])
                        result.contents = .json(try single.applyToBody(value, context: context, using: &rng), contentType: contentType)
                    }
                } catch {
                    failures.append(MessageGeneratorFailure(category: category, key: key, error: error))
                }
            }
        }
        return (result, failures)
    }
}
