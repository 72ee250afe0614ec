import Foundation
import HTTPSyntax

/// Checks a request before anything is sent, so that a pact can never put a forged request line or header on the
/// wire: the method and header names must be HTTP tokens (RFC 9110 §5.6.2), header values must hold no CR, LF or NUL.
enum RequestValidation {
    static func problem(in request: OutboundRequest) -> String? {
        if !isToken(request.method) {
            return "the method \(quoted(request.method)) is not an HTTP token (letters, digits and !#$%&'*+-.^_`|~ only)"
        }
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return "the URL \(request.url.absoluteString) is not an http or https URL"
        }
        guard let host = request.url.host, !host.isEmpty else {
            return "the URL \(request.url.absoluteString) has no host"
        }
        for field in request.headers {
            if !isToken(field.name) {
                return "the header name \(quoted(field.name)) is not an HTTP token"
            }
            if field.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) {
                return "the value of header '\(field.name)' contains a line break or NUL: \(quoted(field.value))"
            }
        }
        return nil
    }

    static func isToken(_ text: String) -> Bool {
        HTTPToken.isToken(text)
    }

    /// The text in double quotes with CR, LF and other control characters made visible.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r": out += "\\r"
            case "\n": out += "\\n"
            case "\"": out += "\\\""
            case _ where scalar.value < 0x20: out += String(format: "\\u{%02X}", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension RequestValidation {
    /// The method as is when it is a token; quoted with its control characters shown otherwise.
    static func quotedIfUnsafe(_ method: String) -> String {
        isToken(method) ? method : quoted(method)
    }
}
