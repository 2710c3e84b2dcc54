import Foundation
import Testing
import TeukguCore

@Suite struct CalendarDateTests {
    @Test func parsesOnlyRealDates() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2025-02-29") == nil)
        #expect(CalendarDate(iso: "2025-13-01") == nil)
        #expect(CalendarDate(iso: "2025-1-01") == nil)
        #expect(CalendarDate(iso: "2025-01-01x") == nil)
        #expect(CalendarDate(iso: "") == nil)
    }

    @Test func dayNumbersRoundTrip() {
        for offset in stride(from: -700_000, through: 700_000, by: 997) {
            let day = CalendarDate(dayNumber: 740_000 + offset)
            #expect(CalendarDate(dayNumber: day.dayNumber) == day)
            #expect(day.adding(days: 1) > day)
        }
    }

    @Test func weekdaysMatchTheCalendar() {
        #expect(date("2026-11-28").isSaturday)
        #expect(date("2024-02-11").isSunday)
        #expect(date("2024-01-01").isoWeekday == 1)
    }

    @Test func seoulDayOfAnInstant() {
        // 2026-11-28 15:30 UTC is already 2026-11-29 00:30 in Seoul.
        let instant = Date(timeIntervalSince1970: 1_795_880_000 + 0)
        let seoul = CalendarDate(instant: instant)
        #expect(seoul.startInstant <= instant)
        #expect(seoul.adding(days: 1).startInstant > instant)
        #expect(CalendarDate(instant: date("2026-11-29").startInstant) == date("2026-11-29"))
    }

    @Test func monthArithmeticClampsToTheMonthEnd() {
        #expect(date("2025-01-31").adding(months: 1) == date("2025-02-28"))
        #expect(date("2024-01-31").adding(months: 1) == date("2024-02-29"))
        #expect(date("2024-02-29").adding(years: 1) == date("2025-02-28"))
    }

    /// Hostile lengths (a district extension of 671,140 months once stopped the server) saturate at
    /// the calendar's ends instead of trapping, so the caller's bound refuses them.
    @Test func arithmeticBeyondTheCalendarSaturatesInsteadOfTrapping() {
        let last = date("9999-12-31")
        let first = date("0001-01-01")
        #expect(date("2028-06-01").adding(months: 671_140) == last)
        #expect(date("2028-06-01").adding(months: Int.max) == last)
        #expect(date("2028-06-01").adding(months: Int.min) == first)
        #expect(date("2028-06-01").adding(years: Int.max) == last)
        #expect(date("2028-06-01").adding(years: -50_000) == first)
        #expect(date("2028-06-01").adding(days: Int.max) == last)
        #expect(date("2028-06-01").adding(days: Int.min) == first)
        #expect(date("9999-12-31").adding(days: 1) == last)
        #expect(date("2028-06-01").adding(months: 24) == date("2030-06-01"))
        #expect(CollaborationEligibility.lastDayWithin(years: Int.max, of: date("2021-03-15")) == last)
        #expect(CollaborationEligibility.lastDayWithin(years: 7, of: date("2021-03-15")) == date("2028-03-15"))
    }
}
