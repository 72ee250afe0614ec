/// A two-part status badge ("foo/bar pact | verified") as an SVG in shields.io's flat style, drawn by the broker
/// itself. pact_broker fetches its badges from shields.io and falls back to static files; PactKit draws them so a
/// broker without internet access (or behind a proxy) shows the real status, and no request leaves the broker
/// because someone looked at a README.
struct BadgeSVG: Sendable, Hashable {
    /// The colours pact_broker's badges use.
    enum Colour: String, Sendable {
        case brightgreen = "#4c1"
        case red = "#e05d44"
        case orange = "#fe7d37"
        case lightgrey = "#9f9f9f"
    }

    var left: String
    var right: String
    var colour: Colour

    /// The SVG document.
    var svg: String {
        let leftWidth = Self.textWidth(left) + 10
        let rightWidth = Self.textWidth(right) + 10
        let width = leftWidth + rightWidth
        let label = Self.escape("\(left): \(right)")
        let l = Self.escape(left), r = Self.escape(right)
        let lx = leftWidth * 5, rx = (leftWidth + rightWidth / 2) * 10
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="20" role="img" aria-label="\(label)">\
        <title>\(label)</title>\
        <linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>\
        <clipPath id="r"><rect width="\(width)" height="20" rx="3" fill="#fff"/></clipPath>\
        <g clip-path="url(#r)"><rect width="\(leftWidth)" height="20" fill="#555"/><rect x="\(leftWidth)" width="\(rightWidth)" height="20" fill="\(colour.rawValue)"/><rect width="\(width)" height="20" fill="url(#s)"/></g>\
        <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="110">\
        <text x="\(lx)" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)">\(l)</text><text x="\(lx)" y="140" transform="scale(.1)">\(l)</text>\
        <text x="\(rx)" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)">\(r)</text><text x="\(rx)" y="140" transform="scale(.1)">\(r)</text>\
        </g></svg>
        """
    }

    /// The width of `text` in Verdana 11px, near enough for a badge: narrow, wide and capital letters apart.
    static func textWidth(_ text: String) -> Int {
        var width = 0.0
        for character in text {
            switch character {
            case "i", "l", "j", ".", ",", ":", ";", "'", "|", "!", "(", ")", "[", "]", "/": width += 4
            case " ": width += 3.9
            case "m", "w", "M", "W", "@", "%": width += 10
            case _ where character.isUppercase: width += 7.5
            default: width += 6.6
            }
        }
        return Int(width.rounded(.up))
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
