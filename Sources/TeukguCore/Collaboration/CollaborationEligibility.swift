import Foundation

/// Who may apply to a collaboration call: company age in completed years, and sectors.
public struct CollaborationEligibility: Hashable, Sendable, Codable {
    public var minimumAgeYears: Int
    public var maximumAgeYears: Int
    /// Empty means every sector.
    public var sectors: [String]

    public init(minimumAgeYears: Int, maximumAgeYears: Int, sectors: [String]) {
        self.minimumAgeYears = minimumAgeYears
        self.maximumAgeYears = maximumAgeYears
        self.sectors = sectors
    }

    /// Completed years from the founding day to `day` (a company founded 2021-03-15 is 3 on 2024-03-15).
    public static func completedYears(from founded: CalendarDate, to day: CalendarDate) -> Int {
        var years = day.year - founded.year
        if (day.month, day.day) < (founded.month, founded.day) { years -= 1 }
        return max(years, 0)
    }

    /// The last day of a period of `years` years counted from an event on `day`, by the Civil Act:
    /// the event's day is not counted (art. 157), and the period ends at the end of the day before the
    /// corresponding day (art. 160(2)), or of the month's last day when it has none (art. 160(3)).
    /// Founded on 2021-03-15, "within 7 years" runs until 2028-03-15.
    public static func lastDayWithin(years: Int, of day: CalendarDate) -> CalendarDate {
        // Bounded before multiplying; the period saturates at the calendar's ends beyond ±10,000 years.
        CalendarPeriod.end(firstDay: day.adding(days: 1), months: min(max(years, -10_000), 10_000) * 12)
    }

    /// The last day a company founded on `foundedOn` is within the call's upper age.
    public func lastEligibleDay(foundedOn: CalendarDate) -> CalendarDate {
        Self.lastDayWithin(years: maximumAgeYears, of: foundedOn)
    }

    /// Every reason the company cannot apply, judged on the call's closing day. "Up to N years old"
    /// means within N years of founding, counted by the Civil Act (see `lastDayWithin`); "at least M
    /// years" means the M-year period after founding has ended.
    public func problems(foundedOn: CalendarDate, sector: String, on day: CalendarDate) -> [EligibilityProblem] {
        var found: [EligibilityProblem] = []
        let age = Self.completedYears(from: foundedOn, to: day)
        let tooOld = day > lastEligibleDay(foundedOn: foundedOn)
        let tooYoung = minimumAgeYears > 0 && day <= Self.lastDayWithin(years: minimumAgeYears, of: foundedOn)
        if foundedOn > day || tooOld || tooYoung {
            found.append(
                .age(
                    years: age, minimum: minimumAgeYears, maximum: maximumAgeYears,
                    lastEligibleDay: lastEligibleDay(foundedOn: foundedOn)))
        }
        if !sectors.isEmpty && !sectors.contains(where: { $0.caseInsensitiveCompare(sector) == .orderedSame }) {
            found.append(.sector(sector, allowed: sectors))
        }
        return found
    }

    public var isValid: Bool { minimumAgeYears >= 0 && maximumAgeYears >= minimumAgeYears && maximumAgeYears <= 100 }
}

public enum EligibilityProblem: Hashable, Sendable, CustomStringConvertible {
    case age(years: Int, minimum: Int, maximum: Int, lastEligibleDay: CalendarDate)
    case sector(String, allowed: [String])

    public var description: String {
        switch self {
        case .age(let years, let minimum, let maximum, let lastDay):
            return "The company is \(years) year(s) old; this call is for companies \(minimum)–\(maximum) years old, "
                + "counted from the founding date by the Civil Act arts. 157 and 160 (last eligible day \(lastDay.iso))."
        case .sector(let sector, let allowed):
            return "Sector '\(sector)' is not among this call's sectors (\(allowed.joined(separator: ", ")))."
        }
    }
}
