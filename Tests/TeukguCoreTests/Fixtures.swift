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

/// A small seeded generator (SplitMix64), so property tests are random yet repeatable.
struct SplitMix {
    var state: UInt64
    mutating func next(_ range: ClosedRange<Int>) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return range.lowerBound + Int(z % UInt64(range.count))
    }
}
