/// An amount of Korean won. Always a whole number of won, never a floating-point value.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let won: Int64

    public init(won: Int64) { self.won = won }

    public static let zero = Money(won: 0)

    /// The largest amount a form may hold (KRW 1,000 trillion): far above any budget, and low enough
    /// that thousands of such amounts still add up without overflow.
    public static let maximumWon: Int64 = 1_000_000_000_000_000

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.won < rhs.won }

    /// Adds, refusing to wrap around on overflow.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        let (sum, overflow) = won.addingReportingOverflow(other.won)
        if overflow { throw .overflow }
        return Money(won: sum)
    }

    public var description: String { "KRW \(won)" }

    /// The amount with thousands separators: `150,000,000`.
    public var grouped: String {
        let digits = String(won.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (won < 0 ? "-" : "") + out
    }

    public init(from decoder: Decoder) throws {
        won = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(won)
    }
}

public enum MoneyError: Error, Equatable {
    /// The sum does not fit in 64 bits of won.
    case overflow
}
