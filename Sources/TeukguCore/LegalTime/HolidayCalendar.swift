import Foundation

/// The public-holiday table, and the years for which it is known to be complete.
///
/// Sundays are holidays by art. 2 and are derived, not listed. A question about a year outside
/// `coveredYears` is refused: a missing holiday would silently move a legal deadline.
public struct HolidayCalendar: Sendable {
    public let holidays: [CalendarDate: Holiday]
    public let coveredYears: Set<Int>
    /// Listed holidays as sorted day numbers, for counting exclusions fast.
    let sortedHolidayDays: [Int]

    public init(holidays: [Holiday], coveredYears: Set<Int>) {
        self.holidays = Dictionary(holidays.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })
        self.coveredYears = coveredYears
        self.sortedHolidayDays = self.holidays.keys.map(\.dayNumber).sorted()
    }

    public static let citation = Citation(law: "Regulation on Holidays of Government Offices", article: "arts. 2–3")

    public func requireCovered(_ date: CalendarDate) throws(LegalTimeError) {
        guard coveredYears.contains(date.year) else {
            throw .holidayTableDoesNotCover(year: date.year)
        }
    }

    /// Sunday or a listed holiday.
    public func isHoliday(_ date: CalendarDate) throws(LegalTimeError) -> Bool {
        try requireCovered(date)
        return date.isSunday || holidays[date] != nil
    }

    /// A Saturday or a public holiday: the days art. 161 of the Civil Act rolls over.
    public func isNonWorkingDay(_ date: CalendarDate) throws(LegalTimeError) -> Bool {
        if date.isSaturday {
            try requireCovered(date)
            return true
        }
        return try isHoliday(date)
    }

    /// The Korean and English name of the day off, for explanations.
    public func reasonOff(_ date: CalendarDate) -> (korean: String, english: String)? {
        if let holiday = holidays[date] { return (holiday.nameKorean, holiday.nameEnglish) }
        if date.isSaturday { return ("토요일", "Saturday") }
        if date.isSunday { return ("일요일", "Sunday") }
        return nil
    }
}

extension HolidayCalendar {
    /// Parses the CSV of ../shared/data (`date,weekday,name_ko,name_en,kind`), declaring its years covered.
    public static func parseCSV(_ text: String) throws(LegalTimeError) -> [Holiday] {
        var result: [Holiday] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() where index > 0 {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters(in: .whitespaces)
            }
            guard fields.count >= 5, let date = CalendarDate(iso: fields[0]),
                let kind = Holiday.Kind(rawValue: fields[4])
            else {
                throw .malformedHolidayLine(line: index + 1)
            }
            result.append(Holiday(date: date, nameKorean: fields[2], nameEnglish: fields[3], kind: kind))
        }
        return result
    }
}
