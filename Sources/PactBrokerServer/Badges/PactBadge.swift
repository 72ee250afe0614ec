/// The words of a pact's verification badge, as pact_broker's `Badges::Service` chooses them.
enum PactBadge {
    /// The badge of the latest pact between `consumer` and `provider`: its title from the `label` (`consumer`,
    /// `provider`, else both) and `initials` query options, its status from the integration's pseudo-branch status
    /// (nil: never verified). No pact at all gives "pact not found | unknown".
    static func badge(consumer: String, provider: String, found: Bool, status: IndexVerificationStatus?, label: String?, initials: Bool) -> BadgeSVG {
        guard found else { return BadgeSVG(left: "pact not found", right: "unknown", colour: .lightgrey) }
        let c = name(consumer, initials: initials), p = name(provider, initials: initials)
        let title: String
        switch label?.lowercased() {
        case "consumer": title = c
        case "provider": title = p
        default: title = "\(c)/\(p)"
        }
        let (right, colour): (String, BadgeSVG.Colour) = switch status {
        case .success: ("verified", .brightgreen)
        case .failed: ("failed", .red)
        case .failedPending: ("failed (pending)", .red)
        case .stale: ("changed", .orange)
        case nil: ("unknown", .lightgrey)
        }
        return BadgeSVG(left: "\(title) pact".lowercased(), right: right, colour: colour)
    }

    /// pact_broker's `prepare_name`: with initials, the first letters of the words (split at spaces, dashes and
    /// underscores, else at camel case), when there is more than one word.
    static func name(_ name: String, initials: Bool) -> String {
        guard initials else { return name.lowercased() }
        var parts = name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).map(String.init)
        if parts.count == 1 { parts = camelCaseWords(name) }
        guard parts.count > 1 else { return name.lowercased() }
        return String(parts.compactMap(\.first)).lowercased()
    }

    /// "FooBarBAZThing" → ["Foo", "Bar", "BAZ", "Thing"].
    private static func camelCaseWords(_ name: String) -> [String] {
        let characters = Array(name)
        var words: [String] = []
        var current = ""
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let startsWord = character.isUppercase && previous != nil
                && (previous!.isLowercase || previous!.isNumber || (previous!.isUppercase && next?.isLowercase == true))
            if startsWord, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The can-i-deploy badge: "can-i-deploy | BRANCH to ENVIRONMENT", green when deployable, red otherwise.
    static func canIDeploy(label: String?, from: String, to: String, deployable: Bool) -> BadgeSVG {
        BadgeSVG(left: label ?? "can-i-deploy", right: "\(from) to \(to)", colour: deployable ? .brightgreen : .red)
    }

    /// A badge saying what was not found ("pacticipant | not found"), as pact_broker's `error_badge_url`.
    static func error(_ left: String, _ right: String) -> BadgeSVG {
        BadgeSVG(left: left, right: right, colour: .lightgrey)
    }
}
