/// Finds the n-th counted day without walking day by day.
///
/// Days are excluded by a weekly pattern (Saturdays and Sundays, under the Civil Petitions Act) and by
/// a finite sorted list (holidays on weekdays, paused days). The pattern is solved arithmetically and
/// the list by binary search, so a four-year period costs a handful of steps, not 1,460.
struct DayCounter {
    let skipsWeekends: Bool
    /// Day numbers excluded beyond the weekly pattern, sorted and unique, none on a pattern day.
    let excluded: [Int]

    init(skipsWeekends: Bool, excludedDays: [Int]) {
        self.skipsWeekends = skipsWeekends
        let filtered = excludedDays.filter { !skipsWeekends || !DayCounter.isWeekend($0) }
        self.excluded = Array(Set(filtered)).sorted()
    }

    static func isWeekend(_ dayNumber: Int) -> Bool {
        let weekday = CalendarDate(dayNumber: dayNumber).isoWeekday
        return weekday >= 6
    }

    /// The day number of the `n`-th counted day on or after `start` (n ≥ 1).
    func nthCountedDay(from start: Int, n: Int) -> Int {
        var from = start
        var remaining = n
        while true {
            let candidate = patternNth(from: from, n: remaining)
            let skipped = excludedCount(in: from, candidate)
            if skipped == 0 { return candidate }
            from = candidate + 1
            remaining = skipped
        }
    }

    /// Counted days in `from...through`.
    func countedDays(from: Int, through: Int) -> Int {
        guard through >= from else { return 0 }
        return patternCount(from: from, through: through) - excludedCount(in: from, through)
    }

    private func patternNth(from start: Int, n: Int) -> Int {
        guard skipsWeekends else { return start + n - 1 }
        var first = start
        let weekday = CalendarDate(dayNumber: first).isoWeekday
        if weekday == 6 { first += 2 } else if weekday == 7 { first += 1 }
        let index = CalendarDate(dayNumber: first).isoWeekday - 1  // 0 = Monday
        let weeks = (n - 1) / 5
        let rest = (n - 1) % 5
        return first + weeks * 7 + rest + (index + rest >= 5 ? 2 : 0)
    }

    private func patternCount(from: Int, through: Int) -> Int {
        let total = through - from + 1
        guard skipsWeekends else { return total }
        let fullWeeks = total / 7
        var count = fullWeeks * 5
        var day = from + fullWeeks * 7
        while day <= through {
            if !DayCounter.isWeekend(day) { count += 1 }
            day += 1
        }
        return count
    }

    private func excludedCount(in from: Int, _ through: Int) -> Int {
        lowerBound(through + 1) - lowerBound(from)
    }

    private func containsExcluded(_ day: Int) -> Bool {
        let index = lowerBound(day)
        return index < excluded.count && excluded[index] == day
    }

    private func lowerBound(_ value: Int) -> Int {
        var low = 0
        var high = excluded.count
        while low < high {
            let mid = (low + high) / 2
            if excluded[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
