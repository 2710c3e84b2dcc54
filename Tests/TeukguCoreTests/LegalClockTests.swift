import Testing
import TeukguCore

@Suite struct LegalClockTests {
    let clock = LegalClock(holidays: shippedHolidays)

    func due(_ spec: LegalClockSpec, asOf: String = "2025-01-01") throws -> CalendarDate {
        try clock.compute(spec, asOf: date(asOf)).due
    }

    @Test func theFirstDayIsNotCounted() throws {
        let spec = LegalClockSpec(
            start: date("2025-03-10"), startTime: TimeOfDay(hour: 14, minute: 0), length: .days(30))
        #expect(try due(spec) == date("2025-04-09"))
    }

    @Test func aPeriodStartingAtMidnightCountsItsFirstDay() throws {
        let spec = LegalClockSpec(start: date("2025-03-10"), startTime: .midnight, length: .days(30))
        #expect(try due(spec) == date("2025-04-08"))
    }

    @Test func oneMonthFromJanuaryThirtiethEndsOnTheLastDayOfFebruary() throws {
        #expect(try due(LegalClockSpec(start: date("2025-01-30"), length: .months(1))) == date("2025-02-28"))
        #expect(try due(LegalClockSpec(start: date("2024-01-30"), length: .months(1))) == date("2024-02-29"))
    }

    @Test func oneMonthEndsTheDayBeforeTheCorrespondingDay() throws {
        // Counting starts 2025-03-01 (a Saturday holiday, but only the last day rolls): ends 03-31.
        #expect(try due(LegalClockSpec(start: date("2025-02-28"), length: .months(1))) == date("2025-03-31"))
    }

    @Test func aYearFromALeapDayEndsAtTheEndOfFebruary() throws {
        #expect(try due(LegalClockSpec(start: date("2024-02-28"), length: .years(1))) == date("2025-02-28"))
    }

    @Test func aLastDayOnSaturdayRollsPastSeollalAndTheOneOffHoliday() throws {
        // Day 30 is Saturday 2025-01-25; Sunday, the one-off 01-27 and Seollal 01-28..30 follow.
        let spec = LegalClockSpec(start: date("2024-12-26"), length: .days(30))
        let result = try clock.compute(spec, asOf: date("2025-01-01"))
        #expect(result.due == date("2025-01-31"))
        #expect(result.steps.contains { $0.english.contains("Korean New Year") && $0.citation == "Civil Act art. 161" })
    }

    @Test func aLastDayOnChuseokRollsPastTheSubstituteAndHangulDay() throws {
        #expect(try due(LegalClockSpec(start: date("2025-09-03"), length: .days(30))) == date("2025-10-10"))
    }

    @Test func pausedDaysAcrossAMonthEndAreAddedBack() throws {
        let spec = LegalClockSpec(
            start: date("2025-03-10"), length: .days(30),
            pauses: [ClockPause(from: date("2025-03-30"), to: date("2025-04-02"))])
        let result = try clock.compute(spec, asOf: date("2025-05-01"))
        #expect(result.pausedDays == 4)
        #expect(result.due == date("2025-04-14"))  // 04-13 is a Sunday
    }

    @Test func anOpenPauseKeepsTheClockPausedAndMovesTheDueDateDaily() throws {
        let spec = LegalClockSpec(
            start: date("2025-03-10"), length: .days(30), pauses: [ClockPause(from: date("2025-03-20"), to: nil)])
        let first = try clock.compute(spec, asOf: date("2025-03-25"))
        let later = try clock.compute(spec, asOf: date("2025-03-26"))
        #expect(first.isPaused && first.state(on: date("2025-03-25")) == .paused)
        #expect(later.due > first.due)
    }

    @Test func supplementationCannotStretchReviewBeyondNinetyDaysButOneExtensionCan() throws {
        var spec = LegalClockSpec(
            start: date("2025-03-10"), length: .days(30),
            pauses: [ClockPause(from: date("2025-03-17"), to: date("2025-05-25"))],
            maxExtensions: 1, maxExtensionLength: .days(30), cap: .days(90))
        #expect(try due(spec, asOf: "2025-06-01") == date("2025-06-09"))  // capped at Sunday 06-08, rolled
        spec.extensions = [.days(30)]
        #expect(try due(spec, asOf: "2025-06-01") == date("2025-07-08"))
        spec.extensions = [.days(30), .days(10)]
        #expect(throws: LegalTimeError.tooManyExtensions(allowed: 1)) { try due(spec) }
        spec.extensions = [.days(31)]
        #expect(throws: LegalTimeError.extensionTooLong) { try due(spec) }
    }

    @Test func theSameRequestCountedUnderEachRule() throws {
        let civil = LegalClockSpec(
            start: date("2025-03-10"), startTime: TimeOfDay(hour: 14, minute: 0), length: .days(10), rule: .civilAct)
        var petitions = civil
        petitions.rule = .civilPetitionsAct
        #expect(try due(civil) == date("2025-03-20"))
        #expect(try due(petitions) == date("2025-03-21"))
    }

    @Test func civilPetitionsSkipSeollalWhenCountingDays() throws {
        let spec = LegalClockSpec(start: date("2026-02-13"), length: .days(6), rule: .civilPetitionsAct)
        #expect(try due(spec) == date("2026-02-25"))
    }

    @Test func fiveDaysOrLessCountInWorkingHours() throws {
        let spec = LegalClockSpec(
            start: date("2025-03-05"), startTime: TimeOfDay(hour: 15, minute: 0), length: .days(3),
            rule: .civilPetitionsAct)
        let result = try clock.compute(spec, asOf: date("2025-03-05"))
        #expect(result.due == date("2025-03-10"))
        #expect(result.dueTime == TimeOfDay(hour: 15, minute: 0))
    }

    @Test func civilPetitionMonthsCountTheFirstDay() throws {
        #expect(
            try due(LegalClockSpec(start: date("2025-03-10"), length: .months(1), rule: .civilPetitionsAct))
                == date("2025-04-09"))
    }

    @Test func aDeadlinePastTheHolidayTableIsRefused() {
        #expect(throws: LegalTimeError.holidayTableDoesNotCover(year: 2028)) {
            try due(LegalClockSpec(start: date("2027-12-20"), length: .days(30)))
        }
    }

    @Test func invertedPausesAndWorkingHoursUnderTheCivilActAreRefused() {
        #expect(throws: LegalTimeError.invertedPause(from: date("2025-03-20"), to: date("2025-03-10"))) {
            try due(
                LegalClockSpec(
                    start: date("2025-03-01"), length: .days(30),
                    pauses: [ClockPause(from: date("2025-03-20"), to: date("2025-03-10"))]))
        }
        #expect(throws: LegalTimeError.unsupportedLength(rule: "civil-act", unit: "workingHours")) {
            try due(LegalClockSpec(start: date("2025-03-01"), length: .workingHours(8)))
        }
        #expect(throws: LegalTimeError.nonPositiveLength) {
            try due(LegalClockSpec(start: date("2025-03-01"), length: .days(0)))
        }
    }

    @Test func silenceAfterThirtyDaysMeansNoPermitNeeded() throws {
        let deemed = ExpiryConsequence(
            korean: "허가 등이 필요하지 않은 것으로 봅니다", english: "Deemed: no permit needed",
            citation: Citation(law: "Regional Special Zones Act", article: "art. 85(4)"))
        let spec = LegalClockSpec(start: date("2025-03-10"), length: .days(30), onExpiry: deemed)
        let result = try clock.compute(spec, asOf: date("2025-04-10"))
        #expect(result.state(on: date("2025-04-10")) == .expired)
        #expect(result.state(on: date("2025-04-09")) == .running)
        #expect(result.onExpiry == deemed)
    }
}
