import TeukguCore

/// Reads the common shape of a request line straight from its bytes, without building a JSON tree
/// or dictionaries. It accepts only what it fully understands and returns nil otherwise, so the
/// general reader (with its precise error messages) handles everything unusual.
struct FastRequestReader {
    /// One line, read in place (the bulk path maps the input file instead of copying it).
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    var i: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        end = bytes.count
        i = 0
    }

    struct Request {
        var district: String?
        var asOf: CalendarDate?
        var facts: [(String, FactValue)] = []
        var company: [(String, FactValue)] = []
        var sawFacts = false
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Request? {
        var reader = FastRequestReader(bytes: bytes)
        return reader.readRequest()
    }

    mutating func space() {
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 }
    }

    mutating func expect(_ byte: UInt8) -> Bool {
        space()
        guard i < end, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    /// A string without escapes (anything else falls back to the general reader).
    mutating func string() -> String? {
        space()
        guard i < end, bytes[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        let start = i
        while i < end, bytes[i] != UInt8(ascii: "\"") {
            if bytes[i] == UInt8(ascii: "\\") || bytes[i] < 0x20 { return nil }
            i += 1
        }
        guard i < end else { return nil }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        i += 1
        return text
    }

    mutating func number() -> Double? {
        let start = i
        while i < end,
            (bytes[i] >= 0x30 && bytes[i] <= 0x39) || bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: ".")
                || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") || bytes[i] == UInt8(ascii: "+")
        { i += 1 }
        guard i > start else { return nil }
        var value = 0.0
        // Plain integers are by far the common case; anything else goes through Double's parser.
        var plain = true
        for byte in bytes[start..<i] {
            guard byte >= 0x30 && byte <= 0x39, value < 1e15 else {
                plain = false
                break
            }
            value = value * 10 + Double(byte - 0x30)
        }
        if plain { return value }
        return Double(String(decoding: bytes[start..<i], as: UTF8.self))
    }

    mutating func factValue() -> FactValue? {
        space()
        guard i < end else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "\""): return string().map(FactValue.string)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            let isTrue = bytes[i] == UInt8(ascii: "t")
            let word: StaticString = isTrue ? "true" : "false"
            let length = word.utf8CodeUnitCount
            guard i + length <= end, word.withUTF8Buffer({ bytes[i..<i + length].elementsEqual($0) }) else {
                return nil
            }
            i += length
            return .bool(isTrue)
        case UInt8(ascii: "["):
            i += 1
            var items: [FactValue] = []
            if expect(UInt8(ascii: "]")) { return .list(items) }
            while true {
                guard let item = string() else { return nil }
                items.append(.string(item))
                if expect(UInt8(ascii: "]")) { return .list(items) }
                guard expect(UInt8(ascii: ",")) else { return nil }
            }
        default:
            return number().map(FactValue.number)
        }
    }

    mutating func factObject() -> [(String, FactValue)]? {
        guard expect(UInt8(ascii: "{")) else { return nil }
        var pairs: [(String, FactValue)] = []
        if expect(UInt8(ascii: "}")) { return pairs }
        while true {
            guard let key = string(), expect(UInt8(ascii: ":")), let value = factValue() else { return nil }
            if pairs.contains(where: { $0.0 == key }) { return nil }
            pairs.append((key, value))
            if expect(UInt8(ascii: "}")) { return pairs }
            guard expect(UInt8(ascii: ",")) else { return nil }
        }
    }

    mutating func readRequest() -> Request? {
        guard expect(UInt8(ascii: "{")) else { return nil }
        var request = Request()
        var sawCompany = false
        if expect(UInt8(ascii: "}")) { return nil }
        while true {
            guard let key = string(), expect(UInt8(ascii: ":")) else { return nil }
            switch key {
            case "district":
                guard request.district == nil, let value = string(), !value.isEmpty else { return nil }
                request.district = value
            case "asOf":
                guard request.asOf == nil, let value = string(), let date = CalendarDate(iso: value) else { return nil }
                request.asOf = date
            case "facts":
                guard !request.sawFacts, let pairs = factObject() else { return nil }
                request.facts = pairs
                request.sawFacts = true
            case "company":
                guard !sawCompany, let pairs = factObject() else { return nil }
                request.company = pairs
                sawCompany = true
            default:
                return nil
            }
            if expect(UInt8(ascii: "}")) { break }
            guard expect(UInt8(ascii: ",")) else { return nil }
        }
        space()
        guard i == end, request.district != nil, request.asOf != nil, request.sawFacts else { return nil }
        return request
    }
}
