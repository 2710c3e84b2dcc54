/// Why a legal period could not be computed.
public enum LegalTimeError: Error, Equatable, Sendable {
    /// The holiday table is not known to be complete for this year, so no deadline in it is computed.
    case holidayTableDoesNotCover(year: Int)
    /// A pause ends before it starts.
    case invertedPause(from: CalendarDate, to: CalendarDate)
    /// Pauses must not overlap one another.
    case overlappingPauses
    /// A length must be positive.
    case nonPositiveLength
    /// The counting rule cannot count this unit (working hours exist only under the Civil Petitions Act).
    case unsupportedLength(rule: String, unit: String)
    /// More extensions than the clock allows.
    case tooManyExtensions(allowed: Int)
    /// An extension longer than the clock allows.
    case extensionTooLong
    /// A time of day outside 00:00–23:59.
    case invalidTime
    /// A line of the holiday CSV could not be read.
    case malformedHolidayLine(line: Int)
    /// The computation would run past any sensible horizon (more than 100 years).
    case periodTooLong
}
