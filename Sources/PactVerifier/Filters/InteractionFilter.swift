import Foundation
import PactModel

/// Chooses which interactions to verify, as pact-reference's verifier does: by consumer name, by description and by
/// provider state (regular expressions that match anywhere in the text, like Rust's `Regex::is_match`), or only the
/// interactions without provider states. All the given criteria must hold.
public struct InteractionFilter: Sendable {
    /// Consumer names to keep; empty keeps every consumer.
    public let consumers: [String]
    /// The description pattern, as given.
    public let descriptionPattern: String?
    /// The provider state pattern, as given; an interaction matches when any of its states does. An empty pattern
    /// keeps only the interactions without provider states.
    public let statePattern: String?
    /// Keep only the interactions without provider states.
    public let noState: Bool

    private let description: RegexBox?
    private let state: RegexBox?

    /// No filtering.
    public init() {
        consumers = []
        descriptionPattern = nil
        statePattern = nil
        noState = false
        description = nil
        state = nil
    }

    /// Throws `InvalidFilterPattern` when a pattern is not a valid regular expression.
    public init(
        consumers: [String] = [], description: String? = nil, state: String? = nil, noState: Bool = false
    ) throws(InvalidFilterPattern) {
        self.consumers = consumers
        descriptionPattern = description
        statePattern = state
        self.noState = noState
        self.description = try description.map { pattern throws(InvalidFilterPattern) in
            try RegexBox(pattern, option: "description")
        }
        self.state = try state.flatMap { pattern throws(InvalidFilterPattern) in
            pattern.isEmpty ? nil : try RegexBox(pattern, option: "state")
        }
    }

    /// Whether any criterion is set.
    public var isActive: Bool { !consumers.isEmpty || description != nil || statePattern != nil || noState }

    /// Whether the pact's consumer is one to verify.
    public func includes(consumer: String) -> Bool { consumers.isEmpty || consumers.contains(consumer) }

    /// Whether the interaction is one to verify.
    public func includes(_ info: InteractionInfo) -> Bool {
        if let description, !description.matches(info.description) { return false }
        if noState, !info.providerStates.isEmpty { return false }
        if let statePattern {
            if statePattern.isEmpty { return info.providerStates.isEmpty }
            guard let state, info.providerStates.contains(where: { state.matches($0.name) }) else { return false }
        }
        return true
    }
}

/// A filter pattern that is not a valid regular expression.
public struct InvalidFilterPattern: Error, Sendable, Hashable, CustomStringConvertible {
    /// `description` or `state`.
    public var option: String
    /// The pattern as given, which did not compile.
    public var pattern: String
    /// Why the pattern was rejected.
    public var reason: String

    /// A one-line message naming the option, the pattern and the reason.
    public var description: String { "invalid \(option) filter '\(pattern)': \(reason)" }
}

/// NSRegularExpression is immutable and safe to share once built.
private struct RegexBox: @unchecked Sendable {
    let regex: NSRegularExpression

    init(_ pattern: String, option: String) throws(InvalidFilterPattern) {
        do {
            regex = try PactRegex.expression(pattern)
        } catch {
            let reason = "not a valid regular expression" + (error.reason.map { " - \($0)" } ?? "")
            throw InvalidFilterPattern(option: option, pattern: pattern, reason: reason)
        }
    }

    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
