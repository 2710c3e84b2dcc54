/// The working state of one deadline computation, collecting its explanation as it goes.
struct Computation {
    let spec: LegalClockSpec
    let holidays: HolidayCalendar
    let pauses: [(from: CalendarDate, to: CalendarDate)]
    var steps: [ClockStep] = []
    var due = CalendarDate(dayNumber: 0)
    var dueTime: TimeOfDay?
    var pausedDays = 0

    init(spec: LegalClockSpec, holidays: HolidayCalendar, pauses: [(from: CalendarDate, to: CalendarDate)]) {
        self.spec = spec
        self.holidays = holidays
        self.pauses = pauses
    }

    mutating func step(ko: String, en: String, citation: Citation? = nil) {
        steps.append(ClockStep(korean: ko, english: en, citation: citation))
    }

    func result(isPaused: Bool) -> LegalClockResult {
        LegalClockResult(
            due: due, dueTime: dueTime, pausedDays: pausedDays, steps: steps, onExpiry: spec.onExpiry,
            isPaused: isPaused)
    }

    var pausedDayNumbers: [Int] {
        pauses.flatMap { Array($0.from.dayNumber...$0.to.dayNumber) }
    }

    mutating func explainLength() {
        let timeText = spec.startTime.map { " \($0.text)" } ?? ""
        step(
            ko: "기산 사건: \(spec.start.iso)\(timeText). 기간: \(spec.length.koreanText).",
            en: "Start event: \(spec.start.iso)\(timeText). Period: \(spec.length.englishText).",
            citation: spec.lengthCitation)
    }

    // MARK: Civil Act arts. 157, 159–161 (and the Civil Petitions Act for weeks, months and years)

    /// Days, weeks, months or years counted on the calendar, with pauses added back and the last day
    /// rolled past Saturdays and holidays.
    mutating func countCalendarPeriod() throws(LegalTimeError) {
        let firstDay = firstCountedDay()
        let counter = DayCounter(skipsWeekends: false, excludedDays: pausedDayNumbers)
        var end = try calendarEnd(from: firstDay, length: spec.length)
        let plainDays = firstDay.days(until: end) + 1
        end = addPauses(counter: counter, from: firstDay, countedDays: plainDays, plainEnd: end)
        end = try applyCap(firstDay: firstDay, end: end)
        end = try applyExtensions(counter: counter, end: end)
        due = try rollForward(end)
        step(
            ko: "기간은 \(due.iso) 24:00에 끝납니다(민법 제159조).",
            en: "The period ends at 24:00 on \(due.iso) (Civil Act art. 159).",
            citation: Citation(law: "Civil Act", article: "art. 159"))
    }

    private mutating func firstCountedDay() -> CalendarDate {
        if spec.rule == .civilPetitionsAct {
            step(
                ko: "주·월·년 단위 민원 처리기간은 첫날을 산입합니다: \(spec.start.iso)부터.",
                en: "Civil-petition periods in weeks, months or years count the first day: from \(spec.start.iso).",
                citation: Citation(law: "Civil Petitions Act", article: "art. 19(3)"))
            return spec.start
        }
        if spec.startTime == .midnight {
            step(
                ko: "오전 0시에 시작하므로 첫날을 산입합니다(민법 제157조 단서): \(spec.start.iso)부터.",
                en: "It starts at 00:00, so the first day counts (Civil Act art. 157 proviso): from \(spec.start.iso).",
                citation: Citation(law: "Civil Act", article: "art. 157"))
            return spec.start
        }
        let next = spec.start.adding(days: 1)
        step(
            ko: "첫날은 산입하지 않습니다(민법 제157조): \(next.iso)부터 셉니다.",
            en: "The first day is not counted (Civil Act art. 157): counting from \(next.iso).",
            citation: Citation(law: "Civil Act", article: "art. 157"))
        return next
    }

    /// The last day of a period that starts on `firstDay`, before pauses and roll-forward.
    func calendarEnd(from firstDay: CalendarDate, length: ClockLength) throws(LegalTimeError) -> CalendarDate {
        switch length {
        case .days(let n): return firstDay.adding(days: n - 1)
        case .weeks(let n): return firstDay.adding(days: 7 * n - 1)
        case .months(let n): return CalendarPeriod.end(firstDay: firstDay, months: n)
        case .years(let n): return CalendarPeriod.end(firstDay: firstDay, months: 12 * n)
        case .workingHours: throw .unsupportedLength(rule: spec.rule.rawValue, unit: "workingHours")
        }
    }

    private mutating func addPauses(
        counter: DayCounter, from firstDay: CalendarDate, countedDays: Int, plainEnd: CalendarDate
    ) -> CalendarDate {
        if case .months = spec.length {
            explainCalendarMonths(plainEnd)
        } else if case .years = spec.length {
            explainCalendarMonths(plainEnd)
        } else {
            step(ko: "\(countedDays)일째 되는 날: \(plainEnd.iso).", en: "Day \(countedDays) is \(plainEnd.iso).")
        }
        guard !pauses.isEmpty else { return plainEnd }
        let end = CalendarDate(dayNumber: counter.nthCountedDay(from: firstDay.dayNumber, n: countedDays))
        pausedDays = firstDay.days(until: end) + 1 - countedDays
        for pause in pauses {
            step(
                ko: "보완 기간 \(pause.from.iso)–\(pause.to.iso)은 기간에 산입하지 않습니다.",
                en: "Supplementation \(pause.from.iso) to \(pause.to.iso) does not count toward the period.")
        }
        step(ko: "정지된 \(pausedDays)일을 더하면 \(end.iso).", en: "Adding back \(pausedDays) paused day(s) gives \(end.iso).")
        return end
    }

    private mutating func explainCalendarMonths(_ end: CalendarDate) {
        step(
            ko: "월·년은 역(曆)에 따라 계산하여 최후의 월에서 기산일에 해당한 날의 전일(해당일이 없으면 그 월의 말일)에 끝납니다: \(end.iso).",
            en:
                "Months and years run by the calendar and end the day before the corresponding day of the last month (or that month's last day when it has none): \(end.iso).",
            citation: Citation(law: "Civil Act", article: "art. 160"))
    }

    private mutating func applyCap(firstDay: CalendarDate, end: CalendarDate) throws(LegalTimeError) -> CalendarDate {
        guard let cap = spec.cap else { return end }
        let capEnd = try calendarEnd(from: firstDay, length: cap)
        guard end > capEnd else { return end }
        step(
            ko: "보완을 포함해도 \(cap.koreanText)을 넘을 수 없으므로 \(capEnd.iso)로 제한됩니다.",
            en: "With supplementation it may not exceed \(cap.englishText), so it stops at \(capEnd.iso).")
        return capEnd
    }

    private mutating func applyExtensions(counter: DayCounter, end: CalendarDate) throws(LegalTimeError) -> CalendarDate
    {
        var current = end
        for (index, extensionLength) in spec.extensions.enumerated() {
            if let limit = spec.maxExtensionLength {
                let limitDays = try calendarEnd(from: current.adding(days: 1), length: limit)
                let askedDays = try calendarEnd(from: current.adding(days: 1), length: extensionLength)
                guard askedDays <= limitDays else { throw .extensionTooLong }
            }
            let plainEnd = try calendarEnd(from: current.adding(days: 1), length: extensionLength)
            let counted = current.days(until: plainEnd)
            let extended = CalendarDate(dayNumber: counter.nthCountedDay(from: current.dayNumber + 1, n: counted))
            step(
                ko: "연장 \(index + 1)회(\(extensionLength.koreanText)): \(extended.iso).",
                en: "Extension \(index + 1) (\(extensionLength.englishText)): \(extended.iso).")
            current = extended
        }
        return current
    }

    /// Civil Act art. 161: a last day on a Saturday or public holiday moves to the next day, repeatedly.
    mutating func rollForward(_ end: CalendarDate) throws(LegalTimeError) -> CalendarDate {
        var day = end
        while try holidays.isNonWorkingDay(day) {
            let reason = holidays.reasonOff(day) ?? ("공휴일", "public holiday")
            let next = day.adding(days: 1)
            step(
                ko: "\(day.iso)은 \(reason.korean)이므로 다음 날 \(next.iso)로 넘어갑니다(민법 제161조).",
                en:
                    "\(day.iso) is a \(reason.english), so the period ends the next day, \(next.iso) (Civil Act art. 161).",
                citation: Citation(law: "Civil Act", article: "art. 161"))
            day = next
        }
        return day
    }
}

/// Calendar month arithmetic as Civil Act art. 160 states it.
enum CalendarPeriod {
    /// A period of `months` whose first counted day is `firstDay` ends the day before the
    /// corresponding day of the last month, or on that month's last day when it has no such day.
    static func end(firstDay: CalendarDate, months: Int) -> CalendarDate {
        // Saturating at the calendar's ends, as `CalendarDate.adding(months:)` does: a hostile
        // length must be refused by the caller's bounds, not trap here.
        let zeroBased = firstDay.year * 12 + (firstDay.month - 1) + min(max(months, -120_000), 120_000)
        if zeroBased < 12 { return CalendarDate.first }
        if zeroBased >= 120_000 { return CalendarDate.last }
        let year = zeroBased / 12
        let month = zeroBased % 12 + 1
        if firstDay.day <= CalendarDate.daysIn(month: month, year: year) {
            return CalendarDate(year: year, month: month, day: firstDay.day)!.adding(days: -1)
        }
        return CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
    }
}
