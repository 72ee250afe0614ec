import Foundation
import PactModel

/// The `format`s Ajv's ajv-formats checks, as OpenAPI documents use them. A format it does not know passes.
enum SchemaFormats {
    static func numberMatches(_ number: JSONNumber, format: String) -> Bool {
        switch format {
        case "int32":
            guard SchemaKeywords.isInteger(number) else { return false }
            let value = number.doubleValue
            return value >= -2_147_483_648 && value <= 2_147_483_647
        case "int64":
            guard SchemaKeywords.isInteger(number) else { return false }
            if number.isInteger { return number.int64Value != nil }
            let value = number.doubleValue
            return value >= -0x1p63 && value < 0x1p63
        case "float", "double":
            return number.doubleValue.isFinite
        default:
            return true
        }
    }

    static func stringMatches(_ text: String, format: String) -> Bool {
        switch format {
        case "date": return isDate(text)
        case "date-time": return isDateTime(text)
        case "time": return isTime(text)
        case "email": return matches(text, email)
        case "uuid": return matches(text, uuid)
        case "uri": return matches(text, uri)
        case "hostname": return text.utf8.count <= 253 && matches(text, hostname)
        case "ipv4": return matches(text, ipv4)
        case "ipv6": return isIPv6(text)
        case "byte": return text.utf8.count % 4 == 0 && matches(text, base64)
        default: return true
        }
    }

    // MARK: Dates and times (RFC 3339, as ajv-formats' full mode)

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && day >= 1 && day <= days[month - 1]
    }

    static func isTime(_ text: String) -> Bool { matches(text, time) }

    static func isDateTime(_ text: String) -> Bool {
        guard let separator = text.firstIndex(where: { $0 == "T" || $0 == "t" || $0 == " " }) else { return false }
        return isDate(String(text[..<separator])) && isTime(String(text[text.index(after: separator)...]))
    }

    static func isIPv6(_ text: String) -> Bool {
        guard text.contains(":"), text.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return false }
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }

    // MARK: Expressions

    private static let email = #"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$"#
    private static let uuid = #"^(?:urn:uuid:)?[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$"#
    private static let time = #"^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([zZ]|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])$"#
    private static let uri = #"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$"#
    private static let hostname = #"^(?=.{1,253}\.?$)[a-zA-Z0-9](?:[-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?(?:\.[a-zA-Z0-9](?:[-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?)*\.?$"#
    private static let ipv4 = #"^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$"#
    private static let base64 = #"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"#

    private static func matches(_ text: String, _ pattern: String) -> Bool { SchemaKeywords.search(pattern, in: text) }
}
