import Foundation

extension MessageContents {
    /// The message with its generators applied: content generators to JSON contents (by path), metadata generators
    /// to the metadata value of their name. `including` picks which generators run (all that apply in the context's
    /// mode by default); the first that cannot produce a value throws.
    public func generated<R: RandomNumberGenerator>(
        context: GeneratorContext, using rng: inout R, including: (Generator) -> Bool = { _ in true }
    ) throws(GeneratorError) -> MessageContents {
        var selected = Generators()
        for category in [GeneratorCategoryName.body, .metadata] {
            selected[category] = generators[category].filter { $0.value.applies(in: context.mode) && including($0.value) }
        }
        guard !selected.isEmpty else { return self }
        var result = self
        if case .json(let value, let contentType) = contents, !selected[.body].isEmpty {
            result.contents = .json(try selected.applyToBody(value, context: context, using: &rng), contentType: contentType)
        }
        for (name, generator) in selected[.metadata].sorted(by: { $0.key < $1.key }) {
            guard let current = result.metadata[name] else { continue }
            result.metadata[name] = try generator.generate(current: current, context: context, using: &rng)
        }
        return result
    }
}
