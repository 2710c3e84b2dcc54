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
        let chars = Array(text)
        var tokens: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if c.isLetter || c == "_" {
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "." || chars[i] == "-" { i += 1 }
                let word = String(chars[start..<i])
                if word.hasSuffix(".") || word.contains("..") {
                    throw ExpressionSyntaxError(message: "malformed fact path '\(word)'", offset: start)
                }
                tokens.append(Token(kind: keywords.contains(word) ? .keyword(word) : .identifier(word), offset: start))
            } else if c.isNumber || (c == "-" && i + 1 < chars.count && chars[i + 1].isNumber) {
                i += 1
                while i < chars.count, chars[i].isNumber || chars[i] == "_" || chars[i] == "." { i += 1 }
                let raw = String(chars[start..<i]).replacingOccurrences(of: "_", with: "")
                guard let value = Double(raw) else { throw ExpressionSyntaxError(message: "malformed number '\(String(chars[start..<i]))'", offset: start) }
                tokens.append(Token(kind: .number(value), offset: start))
            } else if c == "\"" {
                i += 1
                var value = ""
                while i < chars.count, chars[i] != "\"" {
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    value.append(chars[i])
                    i += 1
                }
                guard i < chars.count else { throw ExpressionSyntaxError(message: "unterminated string", offset: start) }
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
