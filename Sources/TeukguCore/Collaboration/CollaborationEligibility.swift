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

    /// Every reason the company cannot apply, judged on the call's closing day.
    public func problems(foundedOn: CalendarDate, sector: String, on day: CalendarDate) -> [EligibilityProblem] {
        var found: [EligibilityProblem] = []
        let age = Self.completedYears(from: foundedOn, to: day)
        if foundedOn > day || age < minimumAgeYears || age > maximumAgeYears {
            found.append(.age(years: age, minimum: minimumAgeYears, maximum: maximumAgeYears))
        }
        if !sectors.isEmpty && !sectors.contains(where: { $0.caseInsensitiveCompare(sector) == .orderedSame }) {
            found.append(.sector(sector, allowed: sectors))
        }
        return found
    }

    public var isValid: Bool { minimumAgeYears >= 0 && maximumAgeYears >= minimumAgeYears && maximumAgeYears <= 100 }
}

public enum EligibilityProblem: Hashable, Sendable, CustomStringConvertible {
    case age(years: Int, minimum: Int, maximum: Int)
    case sector(String, allowed: [String])

    public var description: String {
        switch self {
        case .age(let years, let minimum, let maximum):
            return "The company is \(years) year(s) old; this call is for companies \(minimum)–\(maximum) years old."
        case .sector(let sector, let allowed):
            return "Sector '\(sector)' is not among this call's sectors (\(allowed.joined(separator: ", ")))."
        }
    }
}
