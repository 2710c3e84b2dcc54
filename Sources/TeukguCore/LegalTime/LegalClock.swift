/// Computes legal deadlines from a `LegalClockSpec` and the holiday table.
public struct LegalClock: Sendable {
    public let holidays: HolidayCalendar

    public init(holidays: HolidayCalendar) {
        self.holidays = holidays
    }

    /// The due date with its step-by-step account. `asOf` closes open pauses provisionally: while a
    /// pause runs, every further day of it moves the due date by a day.
    public func compute(_ spec: LegalClockSpec, asOf: CalendarDate) throws(LegalTimeError) -> LegalClockResult {
        guard spec.length.amount > 0 else { throw .nonPositiveLength }
        guard spec.length.amount <= 36_500 else { throw .periodTooLong }
        guard spec.extensions.count <= spec.maxExtensions else { throw .tooManyExtensions(allowed: spec.maxExtensions) }
        let pauses = try normalisedPauses(spec.pauses, asOf: asOf)
        var work = Computation(spec: spec, holidays: holidays, pauses: pauses)
        work.explainLength()
        switch (spec.rule, spec.length) {
        case (.civilAct, .workingHours):
            throw .unsupportedLength(rule: spec.rule.rawValue, unit: "workingHours")
        case (.civilPetitionsAct, .workingHours(let hours)):
            try work.countWorkingHours(hours)
        case (.civilPetitionsAct, .days(let n)) where n <= 5:
            work.step(
                ko: "민원처리법 제19조 제1항: 5일 이하는 근무시간(1일 = 8시간)으로 셉니다. \(n)일 = \(n * 8)근무시간.",
                en:
                    "Civil Petitions Act art. 19(1): five days or less count in working hours (a day is 8 hours): \(n) days = \(n * 8) working hours.",
                citation: CountingRule.civilPetitionsAct.citation)
            try work.countWorkingHours(n * 8)
        case (.civilPetitionsAct, .days(let n)):
            try work.countWorkingDays(n)
        default:
            try work.countCalendarPeriod()
        }
        return work.result(isPaused: spec.pauses.contains { $0.to == nil })
    }

    private func normalisedPauses(
        _ pauses: [ClockPause], asOf: CalendarDate
    ) throws(LegalTimeError) -> [(from: CalendarDate, to: CalendarDate)] {
        var closed: [(from: CalendarDate, to: CalendarDate)] = []
        for pause in pauses {
            let end = pause.to ?? max(asOf, pause.from)
            guard end >= pause.from else { throw .invertedPause(from: pause.from, to: end) }
            closed.append((pause.from, end))
        }
        closed.sort { $0.from < $1.from }
        for index in closed.indices.dropFirst() where closed[index].from <= closed[index - 1].to {
            throw .overlappingPauses
        }
        return closed
    }
}
