/// How long a legal period runs.
public enum ClockLength: Hashable, Sendable {
    case days(Int)
    case weeks(Int)
    case months(Int)
    case years(Int)
    /// Only under the Civil Petitions Act art. 19 (8 working hours a day).
    case workingHours(Int)

    public var amount: Int {
        switch self {
        case .days(let n), .weeks(let n), .months(let n), .years(let n), .workingHours(let n): n
        }
    }

    public var unit: String {
        switch self {
        case .days: "days"
        case .weeks: "weeks"
        case .months: "months"
        case .years: "years"
        case .workingHours: "workingHours"
        }
    }

    public init?(unit: String, amount: Int) {
        switch unit {
        case "days": self = .days(amount)
        case "weeks": self = .weeks(amount)
        case "months": self = .months(amount)
        case "years": self = .years(amount)
        case "workingHours": self = .workingHours(amount)
        default: return nil
        }
    }

    public var koreanText: String {
        switch self {
        case .days(let n): "\(n)일"
        case .weeks(let n): "\(n)주"
        case .months(let n): "\(n)개월"
        case .years(let n): "\(n)년"
        case .workingHours(let n): "\(n)근무시간"
        }
    }

    public var englishText: String {
        let plural = amount == 1 ? "" : "s"
        switch self {
        case .days(let n): return "\(n) day\(plural)"
        case .weeks(let n): return "\(n) week\(plural)"
        case .months(let n): return "\(n) month\(plural)"
        case .years(let n): return "\(n) year\(plural)"
        case .workingHours(let n): return "\(n) working hour\(plural)"
        }
    }
}

extension ClockLength {
    /// The corresponding calendar day this length after `date` (no holiday shift): used for terms
    /// such as a district's four years, where the period is a span of days rather than a deadline.
    public func added(to date: CalendarDate) -> CalendarDate {
        switch self {
        case .days(let n): return date.adding(days: n)
        case .weeks(let n): return date.adding(days: 7 * n)
        case .months(let n): return date.adding(months: n)
        case .years(let n): return date.adding(years: n)
        case .workingHours(let n): return date.adding(days: (n + 7) / 8)
        }
    }

    /// The corresponding calendar day this length before `date`: for leads such as "apply two
    /// months before expiry".
    public func subtracted(from date: CalendarDate) -> CalendarDate {
        switch self {
        case .days(let n): return date.adding(days: -n)
        case .weeks(let n): return date.adding(days: -7 * n)
        case .months(let n): return date.adding(months: -n)
        case .years(let n): return date.adding(years: -n)
        case .workingHours(let n): return date.adding(days: -(n + 7) / 8)
        }
    }
}
