/// Everything needed to compute one legal deadline.
public struct LegalClockSpec: Hashable, Sendable {
    public var start: CalendarDate
    /// When the start event happened; a start at exactly 00:00 counts its first day (Civil Act art. 157).
    public var startTime: TimeOfDay?
    public var length: ClockLength
    public var rule: CountingRule
    public var pauses: [ClockPause]
    /// Extensions granted so far, each adding to the period.
    public var extensions: [ClockLength]
    public var maxExtensions: Int
    /// The longest single extension allowed, when the law bounds it.
    public var maxExtensionLength: ClockLength?
    /// The longest the period may run, pauses included, before extensions (e.g. 90 days).
    public var cap: ClockLength?
    public var onExpiry: ExpiryConsequence?
    /// The provision that sets the length, shown first in the explanation.
    public var lengthCitation: Citation?

    public init(
        start: CalendarDate, startTime: TimeOfDay? = nil, length: ClockLength, rule: CountingRule = .civilAct,
        pauses: [ClockPause] = [], extensions: [ClockLength] = [], maxExtensions: Int = 0,
        maxExtensionLength: ClockLength? = nil, cap: ClockLength? = nil, onExpiry: ExpiryConsequence? = nil,
        lengthCitation: Citation? = nil
    ) {
        self.start = start
        self.startTime = startTime
        self.length = length
        self.rule = rule
        self.pauses = pauses
        self.extensions = extensions
        self.maxExtensions = maxExtensions
        self.maxExtensionLength = maxExtensionLength
        self.cap = cap
        self.onExpiry = onExpiry
        self.lengthCitation = lengthCitation
    }
}

/// One line of the account of how a due date was reached.
public struct ClockStep: Hashable, Sendable, Codable {
    public let korean: String
    public let english: String
    public let citation: String?
    /// The citation as a Korean reader writes it (nil in steps recorded before it was kept).
    public let citationKorean: String?

    public init(korean: String, english: String, citation: Citation? = nil) {
        self.korean = korean
        self.english = english
        self.citation = citation?.text
        self.citationKorean = citation?.koreanText
    }
}

/// The computed deadline and how it was reached.
public struct LegalClockResult: Hashable, Sendable {
    public enum State: String, Sendable, Codable {
        case running, paused, expired
    }

    public let due: CalendarDate
    /// Set only for periods counted in working hours; otherwise the period ends at 24:00 (Civil Act art. 159).
    public let dueTime: TimeOfDay?
    public let pausedDays: Int
    public let steps: [ClockStep]
    public let onExpiry: ExpiryConsequence?
    public let isPaused: Bool

    /// Running, paused or expired on `today`, and the calendar days left until the due date.
    public func state(on today: CalendarDate) -> State {
        if isPaused { return .paused }
        return today > due ? .expired : .running
    }

    public func daysLeft(on today: CalendarDate) -> Int { today.days(until: due) }
}
