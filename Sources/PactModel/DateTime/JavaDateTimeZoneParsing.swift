import Foundation

extension DateTimeFieldScanner {
    /// Readings of zone fields: offsets (`X`, `x`, `Z`, `O`) and zone names (`V`, `z`).
    func zoneCandidates(letter: Character, count: Int, at position: Int) -> [FieldReading] {
        switch letter {
        case "X", "x":
            return offsets(style: DateTimeText.offsetStyle(letter: letter, count: count), at: position)
        case "Z" where count != 4:
            return offsets(style: DateTimeText.offsetStyle(letter: letter, count: count), at: position)
        case "O", "Z":
            return localizedOffsets(full: count == 4, at: position)
        case "V":
            return zoneIDs(at: position)
        case "z":
            return zoneNames(full: count == 4, at: position)
        default:
            return []
        }
    }

    private func digits(_ position: Int, _ count: Int) -> Int? {
        guard position + count <= chars.count else { return nil }
        guard (position..<position + count).allSatisfy(chars.isDigit(at:)) else { return nil }
        return chars.digitsValue(position, position + count)
    }

    /// `+HH`, `+HHMM`, `+HH:MM`, `+HH:MM:ss`... as the style writes them, or the style's zero text.
    func offsets(style: DateTimeText.OffsetStyle, at position: Int) -> [FieldReading] {
        var found: [FieldReading] = []
        if let zero = style.zeroText, chars.has(zero, at: position) {
            found.append(FieldReading(key: .offset, value: 0, end: position + zero.count))
        }
        guard position < chars.count, chars[position] == "+" || chars[position] == "-" else { return found }
        let sign = chars[position] == "-" ? -1 : 1
        guard let hours = digits(position + 1, 2), hours <= 18 else { return found }
        var p = position + 3
        var options: [FieldReading] = []
        if style.optionalMinutes {
            options.append(FieldReading(key: .offset, value: sign * hours * 3600, end: p))
        }
        if style.colon {
            guard p < chars.count, chars[p] == ":" else { return found + options }
            p += 1
        }
        if let minutes = digits(p, 2), minutes < 60 {
            p += 2
            options.append(FieldReading(key: .offset, value: sign * (hours * 3600 + minutes * 60), end: p))
            if style.withSeconds {
                let q = style.colon ? p + 1 : p
                if !style.colon || (p < chars.count && chars[p] == ":"), let seconds = digits(q, 2), seconds < 60 {
                    options.append(FieldReading(key: .offset, value: sign * (hours * 3600 + minutes * 60 + seconds), end: q + 2))
                }
            }
        }
        return found + options.sorted { $0.end > $1.end }
    }

    /// `GMT`, `GMT+8`, `GMT+08:00`, `GMT-5:30`.
    private func localizedOffsets(full: Bool, at position: Int) -> [FieldReading] {
        guard chars.has("GMT", at: position) else { return [] }
        var found = [FieldReading(key: .offset, value: 0, end: position + 3)]
        let p = position + 3
        guard p < chars.count, chars[p] == "+" || chars[p] == "-" else { return found }
        let sign = chars[p] == "-" ? -1 : 1
        let hourWidths = full ? [2] : [2, 1]
        for width in hourWidths {
            guard let hours = digits(p + 1, width), hours <= 18 else { continue }
            var q = p + 1 + width
            if !full { found.append(FieldReading(key: .offset, value: sign * hours * 3600, end: q)) }
            guard q < chars.count, chars[q] == ":", let minutes = digits(q + 1, 2), minutes < 60 else { continue }
            q += 3
            found.append(FieldReading(key: .offset, value: sign * (hours * 3600 + minutes * 60), end: q))
            if q < chars.count, chars[q] == ":", let seconds = digits(q + 1, 2), seconds < 60 {
                found.append(FieldReading(key: .offset, value: sign * (hours * 3600 + minutes * 60 + seconds), end: q + 3))
            }
        }
        return found.sorted { $0.end > $1.end }
    }

    /// Region IDs such as `Europe/London`, `UTC`, `Z` or an offset ID such as `+01:00`.
    private func zoneIDs(at position: Int) -> [FieldReading] {
        var end = position
        while end < chars.count, chars[end].isASCII,
            chars[end].isLetter || chars[end].isNumber || "_/+-:".contains(chars[end])
        {
            end += 1
        }
        var found: [FieldReading] = []
        for stop in stride(from: end, to: position, by: -1) {
            let id = chars.string(position, stop)
            if id == "Z" || id == "UTC" || id == "GMT" {
                found.append(FieldReading(key: .zone, value: 0, end: stop, zone: .pactUTC))
            } else if id.contains("/"), let zone = TimeZone(identifier: id) {
                found.append(FieldReading(key: .zone, value: 0, end: stop, zone: zone))
            } else if let offset = offsets(style: .init(zeroText: nil, colon: true, optionalMinutes: false, withSeconds: true), at: position)
                .first(where: { $0.end == stop }), let zone = TimeZone(secondsFromGMT: offset.value)
            {
                found.append(FieldReading(key: .zone, value: 0, end: stop, zone: zone))
            }
        }
        return found
    }

    /// Zone names: `UTC`, `GMT`, abbreviations Foundation knows (`PST`), or the full UTC/GMT names.
    private func zoneNames(full: Bool, at position: Int) -> [FieldReading] {
        if full {
            let names: [(String, TimeZone)] = [
                ("Coordinated Universal Time", .pactUTC), ("Greenwich Mean Time", TimeZone(identifier: "GMT") ?? .pactUTC),
            ]
            return names.compactMap { name, zone in
                chars.has(name, at: position) ? FieldReading(key: .zone, value: 0, end: position + name.count, zone: zone) : nil
            }
        }
        var end = position
        while end < chars.count, chars[end].isASCII, chars[end].isUppercase { end += 1 }
        return stride(from: end, to: position, by: -1).compactMap { stop in
            let name = chars.string(position, stop)
            let zone = name == "UTC" || name == "Z" ? .pactUTC : TimeZone(abbreviation: name)
            return zone.map { FieldReading(key: .zone, value: 0, end: stop, zone: $0) }
        }
    }
}
