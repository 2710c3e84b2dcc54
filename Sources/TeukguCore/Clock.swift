import Foundation

/// The source of "now" for domain code, injected so that tests and replays control time.
public protocol Clock: Sendable {
    func now() -> Date
}

/// The wall clock of the machine.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that always answers the same instant; for tests and deterministic replays.
public struct FixedClock: Clock {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}

extension Clock {
    /// Today's date on the Seoul calendar.
    public func today() -> CalendarDate { CalendarDate(instant: now()) }
}
