import TeukguCore

/// A token of a condition expression.
struct Token: Equatable {
    enum Kind: Equatable {
        case identifier(String)
        case string(String)
        case number(Double)
        case symbol(String)
        case keyword(String)
        case end
    }

    let kind: Kind
    let offset: Int
}

/// An error in an expression, at a character offset.
public struct ExpressionSyntaxError: Error, Equatable {
    public let message: String
    public let offset: Int
}

/// Splits an expression into tokens. Paths are dotted identifiers (`activity.kind`); `date("…")`
/// is read as one literal.
enum Lexer {
    static let keywords: Set<String> = ["and", "or", "not", "in", "contains", "true", "false", "date"]

    static func tokens(_ text: String) throws(ExpressionSyntaxError) -> [Token] {
        // Nearly every expression is ASCII: then bytes are characters, and reading bytes spares the
        // Unicode machinery that made lexing a third of loading 100k rules.
        if let tokens = try asciiTokens(Array(text.utf8)) { return tokens }
        return try characterTokens(text)
    }

    /// The same tokens from ASCII bytes; nil as soon as a byte is not ASCII.
    static func asciiTokens(_ b: [UInt8]) throws(ExpressionSyntaxError) -> [Token]? {
        func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        func text(_ range: Range<Int>) -> String { String(decoding: b[range], as: UTF8.self) }
        var tokens: [Token] = []
        tokens.reserveCapacity(16)
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c >= 0x80 { return nil }
            if isSpace(c) {
                i += 1
                continue
            }
            let start = i
            if isLetter(c) || c == UInt8(ascii: "_") {
                while i < n,
                    isLetter(b[i]) || isDigit(b[i]) || b[i] == UInt8(ascii: "_") || b[i] == UInt8(ascii: ".")
                        || b[i] == UInt8(ascii: "-")
                { i += 1 }
                if i < n && b[i] >= 0x80 { return nil }
                let word = text(start..<i)
                var doubleDot = false
                for k in start..<(i - 1) where b[k] == UInt8(ascii: ".") && b[k + 1] == UInt8(ascii: ".") {
                    doubleDot = true
                    break
                }
                if b[i - 1] == UInt8(ascii: ".") || doubleDot {
                    throw ExpressionSyntaxError(message: "malformed fact path '\(word)'", offset: start)
                }
                tokens.append(Token(kind: keywords.contains(word) ? .keyword(word) : .identifier(word), offset: start))
            } else if isDigit(c) || (c == UInt8(ascii: "-") && i + 1 < n && isDigit(b[i + 1])) {
                i += 1
                while i < n, isDigit(b[i]) || b[i] == UInt8(ascii: "_") || b[i] == UInt8(ascii: ".") { i += 1 }
                if i < n && b[i] >= 0x80 { return nil }
                let raw = text(start..<i)
                guard let value = Double(raw.contains("_") ? raw.replacingOccurrences(of: "_", with: "") : raw) else {
                    throw ExpressionSyntaxError(message: "malformed number '\(raw)'", offset: start)
                }
                tokens.append(Token(kind: .number(value), offset: start))
            } else if c == UInt8(ascii: "\"") {
                i += 1
                var value: [UInt8] = []
                while i < n, b[i] != UInt8(ascii: "\"") {
                    if b[i] >= 0x80 { return nil }
                    if b[i] == UInt8(ascii: "\\"), i + 1 < n { i += 1 }
                    if b[i] >= 0x80 { return nil }
                    value.append(b[i])
                    i += 1
                }
                guard i < n else { throw ExpressionSyntaxError(message: "unterminated string", offset: start) }
                i += 1
                tokens.append(Token(kind: .string(String(decoding: value, as: UTF8.self)), offset: start))
            } else if i + 1 < n, b[i + 1] == UInt8(ascii: "="),
                c == UInt8(ascii: "=") || c == UInt8(ascii: "!") || c == UInt8(ascii: "<") || c == UInt8(ascii: ">")
            {
                tokens.append(Token(kind: .symbol(text(i..<i + 2)), offset: start))
                i += 2
            } else if c == UInt8(ascii: "<") || c == UInt8(ascii: ">") || c == UInt8(ascii: "(")
                || c == UInt8(ascii: ")") || c == UInt8(ascii: "[")
                || c == UInt8(ascii: "]") || c == UInt8(ascii: ",")
            {
                tokens.append(Token(kind: .symbol(text(i..<i + 1)), offset: start))
                i += 1
            } else {
                throw ExpressionSyntaxError(
                    message: "unexpected character '\(Character(Unicode.Scalar(c)))'", offset: start)
            }
        }
        tokens.append(Token(kind: .end, offset: n))
        return tokens
    }

    /// Character by character, for expressions with non-ASCII text.
    static func characterTokens(_ text: String) throws(ExpressionSyntaxError) -> [Token] {
        let chars = Array(text)
        var tokens: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
                continue
            }
            let start = i
            if c.isLetter || c == "_" {
                while i < chars.count,
                    chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "." || chars[i] == "-"
                { i += 1 }
                let word = String(chars[start..<i])
                if word.hasSuffix(".") || word.contains("..") {
                    throw ExpressionSyntaxError(message: "malformed fact path '\(word)'", offset: start)
                }
                tokens.append(Token(kind: keywords.contains(word) ? .keyword(word) : .identifier(word), offset: start))
            } else if c.isNumber || (c == "-" && i + 1 < chars.count && chars[i + 1].isNumber) {
                i += 1
                while i < chars.count, chars[i].isNumber || chars[i] == "_" || chars[i] == "." { i += 1 }
                let raw = String(chars[start..<i]).replacingOccurrences(of: "_", with: "")
                guard let value = Double(raw) else {
                    throw ExpressionSyntaxError(
                        message: "malformed number '\(String(chars[start..<i]))'", offset: start)
                }
                tokens.append(Token(kind: .number(value), offset: start))
            } else if c == "\"" {
                i += 1
                var value = ""
                while i < chars.count, chars[i] != "\"" {
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    value.append(chars[i])
                    i += 1
                }
                guard i < chars.count else {
                    throw ExpressionSyntaxError(message: "unterminated string", offset: start)
                }
                i += 1
                tokens.append(Token(kind: .string(value), offset: start))
            } else if i + 1 < chars.count, ["==", "!=", "<=", ">="].contains(String(chars[i...i + 1])) {
                tokens.append(Token(kind: .symbol(String(chars[i...i + 1])), offset: start))
                i += 2
            } else if "<>()[],".contains(c) {
                tokens.append(Token(kind: .symbol(String(c)), offset: start))
                i += 1
            } else {
                throw ExpressionSyntaxError(message: "unexpected character '\(c)'", offset: start)
            }
        }
        tokens.append(Token(kind: .end, offset: chars.count))
        return tokens
    }
}
