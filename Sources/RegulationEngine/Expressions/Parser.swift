import TeukguCore

/// Parses condition expressions. Precedence, loosest first: `or`, `and`, `not`, comparisons.
/// So `not site.zone in ["a"]` reads as `not (site.zone in ["a"])`.
public enum ExpressionParser {
    public static func parse(_ text: String) throws(ExpressionSyntaxError) -> Expression {
        var state = State(tokens: try Lexer.tokens(text))
        let expression = try state.parseOr()
        guard case .end = state.current.kind else {
            throw ExpressionSyntaxError(
                message: "unexpected \(state.describe(state.current))", offset: state.current.offset)
        }
        return expression
    }

    /// How deep parentheses, `not`s and lists may nest. Every pass over an expression recurses
    /// along its nesting, so without a bound a crafted condition would overflow the stack.
    static let maximumNesting = 64

    struct State {
        let tokens: [Token]
        var index = 0
        var depth = 0

        var current: Token { tokens[index] }

        mutating func advance() { if index < tokens.count - 1 { index += 1 } }

        func isKeyword(_ word: String) -> Bool { current.kind == .keyword(word) }
        func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

        func describe(_ token: Token) -> String {
            switch token.kind {
            case .identifier(let s): "'\(s)'"
            case .string(let s): "\"\(s)\""
            case .number(let n): "\(n)"
            case .symbol(let s), .keyword(let s): "'\(s)'"
            case .end: "end of expression"
            }
        }

        /// Enters one more level of nesting, refusing to go past `maximumNesting`.
        mutating func enter(at offset: Int) throws(ExpressionSyntaxError) {
            depth += 1
            guard depth <= ExpressionParser.maximumNesting else {
                throw ExpressionSyntaxError(
                    message: "nested more than \(ExpressionParser.maximumNesting) levels deep", offset: offset)
            }
        }

        mutating func expectSymbol(_ symbol: String) throws(ExpressionSyntaxError) {
            guard isSymbol(symbol) else {
                throw ExpressionSyntaxError(
                    message: "expected '\(symbol)', found \(describe(current))", offset: current.offset)
            }
            advance()
        }

        mutating func parseOr() throws(ExpressionSyntaxError) -> Expression {
            let start = current.offset
            var items = [try parseAnd()]
            while isKeyword("or") {
                advance()
                items.append(try parseAnd())
            }
            return items.count == 1 ? items[0] : .or(items, offset: start)
        }

        mutating func parseAnd() throws(ExpressionSyntaxError) -> Expression {
            let start = current.offset
            var items = [try parseNot()]
            while isKeyword("and") {
                advance()
                items.append(try parseNot())
            }
            return items.count == 1 ? items[0] : .and(items, offset: start)
        }

        mutating func parseNot() throws(ExpressionSyntaxError) -> Expression {
            if isKeyword("not") {
                let start = current.offset
                try enter(at: start)
                defer { depth -= 1 }
                advance()
                return .not(try parseNot(), offset: start)
            }
            return try parseComparison()
        }

        mutating func parseComparison() throws(ExpressionSyntaxError) -> Expression {
            let left = try parseOperand()
            let start = current.offset
            let op: ComparisonOperator?
            switch current.kind {
            case .symbol("=="): op = .equal
            case .symbol("!="): op = .notEqual
            case .symbol("<"): op = .less
            case .symbol("<="): op = .lessOrEqual
            case .symbol(">"): op = .greater
            case .symbol(">="): op = .greaterOrEqual
            case .keyword("in"): op = .isIn
            case .keyword("contains"): op = .contains
            case .keyword("not") where tokens[index + 1].kind == .keyword("in"):
                advance()
                op = .notIn
            default: op = nil
            }
            guard let op else { return left }
            advance()
            let right = try parseOperand()
            return .comparison(op, left, right, offset: start)
        }

        mutating func parseOperand() throws(ExpressionSyntaxError) -> Expression {
            let token = current
            switch token.kind {
            case .identifier(let path):
                advance()
                return .fact(path, offset: token.offset)
            case .string(let value):
                advance()
                return .literal(.string(value), offset: token.offset)
            case .number(let value):
                advance()
                return .literal(.number(value), offset: token.offset)
            case .keyword("true"), .keyword("false"):
                advance()
                return .literal(.bool(token.kind == .keyword("true")), offset: token.offset)
            case .keyword("date"):
                advance()
                try expectSymbol("(")
                guard case .string(let text) = current.kind, let date = CalendarDate(iso: text) else {
                    throw ExpressionSyntaxError(
                        message: "date(...) takes a date as \"YYYY-MM-DD\"", offset: current.offset)
                }
                advance()
                try expectSymbol(")")
                return .literal(.date(date), offset: token.offset)
            case .symbol("("):
                try enter(at: token.offset)
                defer { depth -= 1 }
                advance()
                let inner = try parseOr()
                try expectSymbol(")")
                return inner
            case .symbol("["):
                try enter(at: token.offset)
                defer { depth -= 1 }
                advance()
                var items: [FactValue] = []
                while !isSymbol("]") {
                    let item = try parseOperand()
                    guard case .literal(let value, _) = item else {
                        throw ExpressionSyntaxError(message: "lists hold literals only", offset: item.offset)
                    }
                    items.append(value)
                    if isSymbol(",") {
                        advance()
                    } else if !isSymbol("]") {
                        throw ExpressionSyntaxError(
                            message: "expected ',' or ']' in list, found \(describe(current))", offset: current.offset)
                    }
                }
                advance()
                return .literal(.list(items), offset: token.offset)
            default:
                throw ExpressionSyntaxError(
                    message: "expected a fact, a value or '(', found \(describe(token))", offset: token.offset)
            }
        }
    }
}
