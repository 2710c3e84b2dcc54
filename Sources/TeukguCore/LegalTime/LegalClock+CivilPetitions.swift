extension Computation {
    /// Civil Petitions Act art. 19(2): six days or more count the first day and skip Saturdays and holidays.
    mutating func countWorkingDays(_ n: Int) throws(LegalTimeError) {
        step(
            ko: "6일 이상은 일 단위로 첫날을 산입하고 토요일과 공휴일은 산입하지 않습니다.",
            en: "Six days or more count in days, including the first day and skipping Saturdays and public holidays.",
            citation: Citation(law: "Civil Petitions Act", article: "art. 19(2)"))
        let first = spec.start
        let counter = DayCounter(skipsWeekends: true, excludedDays: holidays.sortedHolidayDays + pausedDayNumbers)
        let withoutPauses = DayCounter(skipsWeekends: true, excludedDays: holidays.sortedHolidayDays)
        let end = CalendarDate(dayNumber: counter.nthCountedDay(from: first.dayNumber, n: n))
        let plainEnd = CalendarDate(dayNumber: withoutPauses.nthCountedDay(from: first.dayNumber, n: n))
        // Every year the count crossed must be in the table; otherwise a missing holiday could have moved it.
        for year in first.year...end.year { try holidays.requireCovered(CalendarDate(year: year, month: 1, day: 1)!) }
        step(
            ko: "\(first.iso)부터 토요일·공휴일을 빼고 \(n)번째 근무일: \(plainEnd.iso).",
            en: "The \(n)th working day from \(first.iso), Saturdays and holidays skipped: \(plainEnd.iso).")
        if end != plainEnd {
            pausedDays = withoutPauses.countedDays(from: first.dayNumber, through: end.dayNumber) - n
            step(
                ko: "보완 기간의 근무일 \(pausedDays)일을 더하면 \(end.iso).",
                en: "Adding back \(pausedDays) working day(s) spent in supplementation gives \(end.iso).")
        }
        due = end
        step(ko: "처리기한: \(due.iso).", en: "Due: \(due.iso).")
    }

    /// Civil Petitions Act art. 19(1): counted in working hours, 8 a day, on working days only.
    /// Working hours are 09:00–12:00 and 13:00–18:00 (Regulation on Working Hours of Public Officials art. 9).
    mutating func countWorkingHours(_ hours: Int) throws(LegalTimeError) {
        guard hours > 0 else { throw .nonPositiveLength }
        let windows = [(540, 720), (780, 1080)]
        let paused = Set(pausedDayNumbers)
        var remaining = hours * 60
        var day = spec.start
        var cursor = spec.startTime?.minutesSinceMidnight ?? 540
        step(
            ko: "접수 시각 \(spec.start.iso) \(TimeOfDay(minutes: cursor).text)부터 근무시간(09:00–12:00, 13:00–18:00)만 셉니다.",
            en:
                "Counting working hours (09:00–12:00, 13:00–18:00) from receipt at \(spec.start.iso) \(TimeOfDay(minutes: cursor).text).",
            citation: Citation(law: "Civil Petitions Act", article: "art. 19(1)"))
        var guardDays = 0
        while true {
            guardDays += 1
            if guardDays > 3_660 { throw .periodTooLong }
            let offDay = try holidays.isNonWorkingDay(day)
            if offDay || paused.contains(day.dayNumber) {
                day = day.adding(days: 1)
                cursor = 0
                continue
            }
            for (open, close) in windows {
                let begin = max(cursor, open)
                guard begin < close else { continue }
                let available = close - begin
                if remaining <= available {
                    due = day
                    dueTime = TimeOfDay(minutes: begin + remaining)
                    step(ko: "처리기한: \(day.iso) \(dueTime!.text).", en: "Due: \(day.iso) at \(dueTime!.text).")
                    return
                }
                remaining -= available
            }
            day = day.adding(days: 1)
            cursor = 0
        }
    }
}
