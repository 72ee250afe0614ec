/// `application/x-www-form-urlencoded` decoding as used by query strings: `+` is a space and `%XX` a byte;
/// malformed escapes stay as written.
enum FormDecoding {
    static func decode<S: StringProtocol>(_ text: S) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var bytes = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = pending.isEmpty ? bytes.next() : pending.removeFirst() {
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard let first = bytes.next() else { out.append(byte); break }
                guard let second = bytes.next() else { out += [byte, first]; break }
                if let high = hex(first), let low = hex(second) {
                    out.append(high << 4 | low)
                } else {
                    out.append(byte)
                    pending = [first, second]
                }
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
