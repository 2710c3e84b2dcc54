import TeukguCore

func date(_ iso: String) -> CalendarDate {
    guard let parsed = CalendarDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return parsed
}

/// The shipped 2024–2027 holiday table, the same one the seed loads.
let shippedHolidays: HolidayCalendar = {
    let holidays = try! HolidayCalendar.parseCSV(HolidayCalendar.seedCSV)
    return HolidayCalendar(holidays: holidays, coveredYears: HolidayCalendar.seedCoveredYears)
}()
