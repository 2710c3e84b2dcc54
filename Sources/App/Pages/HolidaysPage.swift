import Foundation
import TeukguCore

/// The public-holiday table by year (which years it covers, so deadlines beyond it are refused),
/// each day with its weekday, name and kind in the reader's language; the administrator edits it.
struct HolidaysPage: Encodable {
    struct Day: Encodable {
        let date: String
        let weekday: String
        let name: String
        let kind: String
        let deleteAction: String
    }

    struct Year: Encodable {
        let year: Int
        let covered: Bool
        let holidays: [Day]
    }

    struct KindOption: Encodable {
        let value: String
        let label: String
    }

    let years: [Year]
    let isAdmin: Bool
    let addAction: String
    let kinds: [KindOption]

    init(_ records: [HolidayRecord], coveredYears: Set<Int>, viewer: CurrentAccount?, language: String) {
        let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map { Strings.text("weekday.\($0)", language) }
        let dated = records.compactMap { record in CalendarDate(iso: record.id ?? "").map { ($0, record) } }
            .sorted { $0.0 < $1.0 }
        let grouped = Dictionary(grouping: dated, by: { $0.0.year })
        years = Set(grouped.keys).union(coveredYears).sorted().map { year in
            Year(
                year: year, covered: coveredYears.contains(year),
                holidays: (grouped[year] ?? []).map { date, record in
                    Day(
                        date: date.iso, weekday: weekdays[date.isoWeekday - 1],
                        name: Strings.pick(record.nameKorean, record.nameEnglish, language),
                        kind: Strings.text("holidayKind.\(record.kind)", language),
                        deleteAction: Endpoints.deleteHolidayForm.link([.date: date.iso]))
                })
        }
        isAdmin = viewer?.role == .ministryAdmin
        addAction = Endpoints.addHolidayForm.link()
        kinds = Holiday.Kind.allCases.map {
            KindOption(value: $0.rawValue, label: Strings.text("holidayKind.\($0.rawValue)", language))
        }
    }
}
