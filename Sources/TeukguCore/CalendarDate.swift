import Foundation

/// A day on the Korean legal calendar (Asia/Seoul), with no time of day.
///
/// Legal periods are counted in whole days, so the type keeps a proleptic Gregorian
/// day number and never touches time zones once built.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, refusing impossible ones such as 2025-02-29.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the ISO form `YYYY-MM-DD`; anything else (extra characters, impossible days) is nil.
    public init?(iso text: String) {
        // Byte-level parsing: dates are read on every request, and this runs in the bulk evaluator's hot path.
        var digits: (Int, Int, Int) = (0, 0, 0)
        var count = 0
        var valid = true
        for (index, byte) in text.utf8.enumerated() {
            count += 1
            if index == 4 || index == 7 {
                if byte != UInt8(ascii: "-") {
                    valid = false
                    break
                }
                continue
            }
            guard byte >= 0x30 && byte <= 0x39, index < 10 else {
                valid = false
                break
            }
            let value = Int(byte - 0x30)
            if index < 4 {
                digits.0 = digits.0 * 10 + value
            } else if index < 7 {
                digits.1 = digits.1 * 10 + value
            } else {
                digits.2 = digits.2 * 10 + value
            }
        }
        guard valid, count == 10 else { return nil }
        self.init(year: digits.0, month: digits.1, day: digits.2)
    }

    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 0001-01-01 (day 0); the basis of all day arithmetic.
    public var dayNumber: Int {
        // Shifting the year to start in March puts the leap day last, which keeps the formula simple.
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * m + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 306
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 306
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    /// Saturating: a length beyond the calendar's years 1–9999 (hostile input, say) ends at its
    /// first or last day instead of overflowing, so callers' bounds checks refuse it.
    public func adding(days: Int) -> CalendarDate {
        let target = CalendarDate(dayNumber: dayNumber + min(max(days, -4_000_000), 4_000_000))
        if target.year < 1 { return CalendarDate.first }
        if target.year > 9999 { return CalendarDate.last }
        return target
    }

    /// The calendar's first and last days (years 1–9999).
    public static let first = CalendarDate(year: 1, month: 1, day: 1)!
    public static let last = CalendarDate(year: 9999, month: 12, day: 31)!

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// Calendar month arithmetic: the same day number in the target month, or that month's last
    /// day when it has no such day (Jan 31 + 1 month → Feb 28/29).
    public func adding(months: Int) -> CalendarDate {
        // Saturating, like `adding(days:)`: 120,000 months spans the whole calendar.
        let zeroBased = year * 12 + (month - 1) + min(max(months, -120_000), 120_000)
        if zeroBased < 12 { return CalendarDate.first }
        if zeroBased >= 120_000 { return CalendarDate.last }
        let y = zeroBased / 12
        let m = zeroBased % 12 + 1
        let d = min(day, CalendarDate.daysIn(month: m, year: y))
        return CalendarDate(year: y, month: m, day: d)!
    }

    public func adding(years: Int) -> CalendarDate {
        adding(months: min(max(years, -10_000), 10_000) * 12)
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int {
        // 0001-01-01 was a Monday in the proleptic Gregorian calendar.
        ((dayNumber % 7) + 7) % 7 + 1
    }

    public var isSaturday: Bool { isoWeekday == 6 }
    public var isSunday: Bool { isoWeekday == 7 }

    /// The Seoul calendar day on which an instant falls.
    public init(instant: Date) {
        // Korea has kept UTC+9 without daylight saving since 1988; a fixed offset avoids tz lookups.
        let seconds = Int(floor(instant.timeIntervalSince1970)) + 9 * 3600
        let days = Int(floor(Double(seconds) / 86_400))
        self.init(dayNumber: CalendarDate.unixEpoch.dayNumber + days)
    }

    /// The instant at which this day starts in Seoul.
    public var startInstant: Date {
        let days = dayNumber - CalendarDate.unixEpoch.dayNumber
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 - 9 * 3600))
    }

    static let unixEpoch = CalendarDate(year: 1970, month: 1, day: 1)!
    /// The last day ISO dates of four digits can name: "until further notice", as a date.
    public static let lastRepresentable = CalendarDate(year: 9999, month: 12, day: 31)!
}

extension CalendarDate: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a date as YYYY-MM-DD, got \"\(text)\"")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
