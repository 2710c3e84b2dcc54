/// A parsed JSON value. The engine reads requests with its own small parser: it keeps integers and
/// booleans apart on every platform and is quick enough for bulk pre-screening.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public static func parse(_ text: String, limits: JSONLimits = .standard) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: Array(text.utf8), limits: limits)
        return try parser.parseDocument()
    }

    public static func parse(bytes: [UInt8], limits: JSONLimits = .standard) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, limits: limits)
        return try parser.parseDocument()
    }
}

/// What the parser accepts from untrusted input. Every check is made as the bytes are read, so a
/// hostile document costs time in proportion to its size and is refused at the first excess.
public struct JSONLimits: Sendable, Equatable {
    /// Objects and arrays nested inside each other.
    public var maxDepth: Int
    /// Members of one object.
    public var maxMembers: Int
    /// Elements of one array.
    public var maxElements: Int
    /// Bytes of one string (key or value), after escapes.
    public var maxStringBytes: Int

    public init(maxDepth: Int = 64, maxMembers: Int = 10_000, maxElements: Int = 10_000, maxStringBytes: Int = 65_536) {
        self.maxDepth = maxDepth
        self.maxMembers = maxMembers
        self.maxElements = maxElements
        self.maxStringBytes = maxStringBytes
    }

    /// The limits of a regulation check and of each `rules eval` line: far above any real request.
    public static let standard = JSONLimits()
}

public struct JSONParseError: Error, Equatable {
    public let message: String
    public let offset: Int
    /// True when the document broke a `JSONLimits` limit rather than JSON's grammar.
    public var exceedsLimit: Bool = false
}

struct JSONParser {
    let bytes: [UInt8]
    let limits: JSONLimits
    var i = 0

    init(bytes: [UInt8], limits: JSONLimits = .standard) {
        self.bytes = bytes
        self.limits = limits
    }

    func limit(_ message: String) -> JSONParseError { JSONParseError(message: message, offset: i, exceedsLimit: true) }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        let value = try parseValue(depth: 0)
        skipSpace()
        guard i == bytes.count else { throw fail("unexpected text after the JSON value") }
        return value
    }

    func fail(_ message: String) -> JSONParseError { JSONParseError(message: message, offset: i) }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth < limits.maxDepth else { throw limit("nested more than \(limits.maxDepth) levels deep") }
        skipSpace()
        guard i < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [(String, JSONValue)] = []
            // Keys seen so far, so a duplicate is found in constant time, not by scanning every earlier key.
            var keys = Set<String>()
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                i += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
                let key = try parseString()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                i += 1
                guard keys.insert(key).inserted else { throw fail("duplicate key '\(key.prefix(64))'") }
                guard members.count < limits.maxMembers else {
                    throw limit("more than \(limits.maxMembers) members in an object")
                }
                members.append((key, try parseValue(depth: depth + 1)))
                skipSpace()
                guard i < bytes.count else { throw fail("unexpected end of input") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    return .object(members)
                }
                throw fail("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                i += 1
                return .array(items)
            }
            while true {
                guard items.count < limits.maxElements else {
                    throw limit("more than \(limits.maxElements) elements in an array")
                }
                items.append(try parseValue(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw fail("unexpected end of input") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return .array(items)
                }
                throw fail("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default:
            return try parseNumber()
        }
    }

    mutating func literal(_ word: String, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        let expected = Array(word.utf8)
        guard i + expected.count <= bytes.count, Array(bytes[i..<i + expected.count]) == expected else {
            throw fail("invalid literal")
        }
        i += expected.count
        return value
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = i
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        var sawDigit = false
        while i < bytes.count {
            let b = bytes[i]
            if (0x30...0x39).contains(b) {
                sawDigit = true
                i += 1
            } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
                || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
            {
                i += 1
            } else {
                break
            }
        }
        guard sawDigit, let text = String(bytes: bytes[start..<i], encoding: .utf8), let value = Double(text) else {
            i = start
            throw fail("invalid value")
        }
        return .number(value)
    }

    mutating func parseString() throws(JSONParseError) -> String {
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") {
            guard bytes[i] >= 0x20 else { throw fail("control character in string") }
            i += 1
        }
        guard i - start <= limits.maxStringBytes else {
            throw limit("a string longer than \(limits.maxStringBytes) bytes")
        }
        guard i < bytes.count else { throw fail("unterminated string") }
        if bytes[i] == UInt8(ascii: "\"") {
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            i += 1
            return text
        }
        var scalars = Array(bytes[start..<i])
        while i < bytes.count {
            guard scalars.count <= limits.maxStringBytes else {
                throw limit("a string longer than \(limits.maxStringBytes) bytes")
            }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: scalars, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(e)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "u"):
                    guard i + 4 <= bytes.count,
                        let code = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16)
                    else { throw fail("invalid \\u escape") }
                    i += 4
                    var scalarValue = code
                    if (0xD800...0xDBFF).contains(code), i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"),
                        bytes[i + 1] == UInt8(ascii: "u"),
                        let low = UInt32(String(decoding: bytes[i + 2..<i + 6], as: UTF8.self), radix: 16),
                        (0xDC00...0xDFFF).contains(low)
                    {
                        scalarValue = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                    guard let scalar = Unicode.Scalar(scalarValue) else { throw fail("invalid \\u escape") }
                    scalars += Array(String(Character(scalar)).utf8)
                default: throw fail("invalid escape")
                }
                continue
            }
            guard b >= 0x20 else { throw fail("control character in string") }
            guard scalars.count < limits.maxStringBytes else {
                throw limit("a string longer than \(limits.maxStringBytes) bytes")
            }
            scalars.append(b)
            i += 1
        }
        throw fail("unterminated string")
    }
}
