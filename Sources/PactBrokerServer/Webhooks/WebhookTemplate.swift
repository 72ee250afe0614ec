import Foundation
import PactModel

/// `${pactbroker.*}` substitution as pact_broker's `Webhooks::Render` does it: each known parameter replaced by its
/// value, passed through an escaper first; unknown parameters stay as written.
public enum WebhookTemplate {
    /// Whether `text` holds a `${pactbroker.…}` reference.
    public static func includesParameter(_ text: String) -> Bool {
        text.range(of: #"\$\{pactbroker\.[^}]+\}"#, options: .regularExpression) != nil
    }

    /// Every `${pactbroker.…}` reference replaced by `placeholder` (how pact_broker parses a URL template).
    public static func renderWithPlaceholder(_ text: String, placeholder: String = "placeholder") -> String {
        text.replacingOccurrences(of: #"\$\{pactbroker\.[^}]+\}"#, with: placeholder, options: .regularExpression)
    }

    /// `template` with each parameter of `context` substituted, its value passed through `escape` first.
    public static func render(
        _ template: String, context: WebhookTemplateContext, escape: (String) -> String = { $0 }
    ) -> String {
        guard template.contains("${") else { return template }
        var result = template
        for (name, value) in context.parameters {
            result = result.replacingOccurrences(of: "${\(name)}", with: escape(value))
        }
        return result
    }

    /// `template` rendered for a URL: values escaped as Ruby's `CGI.escape` escapes them (everything but
    /// `A-Za-z0-9*-._` percent-encoded, a space as `+`), so a value can add neither a `/`, a `?`, an `@` nor a host.
    public static func renderURL(_ template: String, context: WebhookTemplateContext) -> String {
        render(template, context: context, escape: cgiEscape)
    }

    /// A JSON body with the parameters substituted in every string (keys included), then written compactly: the
    /// JSON writer escapes the values, so a quote or a backslash in a value stays inside its string.
    public static func renderJSON(_ body: JSONValue, context: WebhookTemplateContext) -> JSONValue {
        switch body {
        case .string(let text): .string(render(text, context: context))
        case .array(let items): .array(items.map { renderJSON($0, context: context) })
        case .object(let members):
            .object(Dictionary(
                members.map { (render($0.key, context: context), renderJSON($0.value, context: context)) },
                uniquingKeysWith: { first, _ in first }))
        default: body
        }
    }

    /// Ruby's `CGI.escape` (Ruby 2.5 and later): letters, digits and `-_.~` as they are, a space as `+`, every other
    /// byte as `%XX`, which is form encoding.
    public static func cgiEscape(_ value: String) -> String {
        FormURLEncoding.encode(value)
    }
}
