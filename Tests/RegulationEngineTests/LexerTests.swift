import Testing

@testable import RegulationEngine

/// The byte-level lexer for ASCII expressions must agree with the character-level one everywhere.
@Suite struct LexerTests {
    @Test func asciiAndCharacterLexingAgreeOnRandomExpressions() {
        let pieces = [
            "activity.kind", " ", "==", "!=", "<=", ">=", "<", ">", "(", ")", "[", "]", ",", "\"a b\"", "\"x\\\"y\"",
            "12", "-3.5", "1_000",
            "and", "or", "not", "in", "true", "date(\"2025-01-01\")", "site.zone", "a..b", "p.", "-", "@", "\"open",
            "\t", "_x", "k-9", "é", "구역",
        ]
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<5000 {
            let text = (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()
            let fast = Result { () throws(ExpressionSyntaxError) -> [Token] in try Lexer.tokens(text) }
            let slow = Result { () throws(ExpressionSyntaxError) -> [Token] in try Lexer.characterTokens(text) }
            #expect(fast == slow, "\(text)")
        }
    }
}
