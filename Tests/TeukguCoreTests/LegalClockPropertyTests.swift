import Testing
import TeukguCore

/// Random clocks, computed both by the fast counter and by walking one day at a time.
@Suite struct LegalClockPropertyTests {
    let clock = LegalClock(holidays: shippedHolidays)

    /// The law read literally: step through the days, counting those that count.
    func referenceDue(_ spec: LegalClockSpec) throws -> CalendarDate {
        let paused: (CalendarDate) -> Bool = { day in spec.pauses.contains { day >= $0.from && day <= $0.to! } }
        guard case .days(let n) = spec.length else { fatalError("reference counts days only") }
        if spec.rule == .civilPetitionsAct {
            var day = spec.start
            var counted = 0
            while true {
                if try !shippedHolidays.isNonWorkingDay(day) && !paused(day) {
                    counted += 1
                    if counted == n { return day }
                }
                day = day.adding(days: 1)
            }
        }
        var day = spec.startTime == .midnight ? spec.start : spec.start.adding(days: 1)
        var counted = 0
        while true {
            if !paused(day) {
                counted += 1
                if counted == n { break }
            }
            day = day.adding(days: 1)
        }
        while try shippedHolidays.isNonWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    @Test func fastCountingAgreesWithTheDayByDayReference() throws {
        var random = SplitMix(state: 20_261_128)
        let base = date("2024-01-01")
        for _ in 0..<3_000 {
            let rule: CountingRule = random.next(0...1) == 0 ? .civilAct : .civilPetitionsAct
            let start = base.adding(days: random.next(0...700))
            let n = rule == .civilAct ? random.next(1...300) : random.next(6...200)
            var pauses: [ClockPause] = []
            var cursor = start.adding(days: random.next(0...20))
            for _ in 0..<random.next(0...3) {
                let end = cursor.adding(days: random.next(0...40))
                pauses.append(ClockPause(from: cursor, to: end))
                cursor = end.adding(days: random.next(1...30))
            }
            let spec = LegalClockSpec(
                start: start, startTime: random.next(0...4) == 0 ? .midnight : nil, length: .days(n), rule: rule,
                pauses: pauses)
            let expected = try referenceDue(spec)
            let actual = try clock.compute(spec, asOf: start).due
            #expect(actual == expected, "\(rule) start \(start) n \(n) pauses \(pauses)")
        }
    }
}
