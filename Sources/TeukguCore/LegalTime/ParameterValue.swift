/// The value of an effective-dated parameter: a duration, an amount of money, or a plain number.
public enum ParameterValue: Hashable, Sendable {
    case days(Int)
    case months(Int)
    case years(Int)
    case won(Money)
    case points(Int)
    case count(Int)

    /// The unit word used in the API and the database (`days`, `months`, `years`, `won`, `points`, `count`).
    public var unit: String {
        switch self {
        case .days: "days"
        case .months: "months"
        case .years: "years"
        case .won: "won"
        case .points: "points"
        case .count: "count"
        }
    }

    public var amount: Int64 {
        switch self {
        case .days(let n), .months(let n), .years(let n), .points(let n), .count(let n): Int64(n)
        case .won(let money): money.won
        }
    }

    /// Rebuilds a value from its stored unit and amount; nil for an unknown unit or a negative amount.
    public init?(unit: String, amount: Int64) {
        guard amount >= 0 else { return nil }
        let small = Int(clamping: amount)
        switch unit {
        case "days": self = .days(small)
        case "months": self = .months(small)
        case "years": self = .years(small)
        case "won": self = .won(Money(won: amount))
        case "points": self = .points(small)
        case "count": self = .count(small)
        default: return nil
        }
    }

    /// The value as a clock length, when it is a duration.
    public var clockLength: ClockLength? {
        switch self {
        case .days(let n): .days(n)
        case .months(let n): .months(n)
        case .years(let n): .years(n)
        default: nil
        }
    }

    public func text(language: String) -> String {
        let ko = language == "ko"
        switch self {
        case .days(let n): return ko ? "\(n)일" : "\(n) day" + (n == 1 ? "" : "s")
        case .months(let n): return ko ? "\(n)개월" : "\(n) month" + (n == 1 ? "" : "s")
        case .years(let n): return ko ? "\(n)년" : "\(n) year" + (n == 1 ? "" : "s")
        case .won(let money): return money.text(language: language)
        case .points(let n): return ko ? "\(n)점" : "\(n) points"
        case .count(let n): return "\(n)"
        }
    }
}
