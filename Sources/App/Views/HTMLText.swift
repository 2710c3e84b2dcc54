/// Escaping for HTML built in Swift (server-drawn charts, table rows of the busiest pages): text
/// and attribute values alike, so nothing a user typed can open a tag or end an attribute. Works on
/// UTF-8 bytes: the five characters are ASCII, and a page escapes hundreds of cells per request.
enum HTMLText {
    static func escape(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: needsEscape) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
