/// How a period is counted, named by the provision that sets the method.
public enum CountingRule: String, CaseIterable, Sendable, Codable {
    /// Civil Act arts. 157 and 159–161 (art. 158 is about age), applied to administrative periods
    /// by the Framework Act on Administrative Affairs art. 6(1).
    case civilAct = "civil-act"
    /// Civil Petitions Act art. 19, for a request handled as a civil petition.
    case civilPetitionsAct = "civil-petitions-act"

    public var citation: Citation {
        switch self {
        case .civilAct:
            Citation(
                law: "Civil Act", article: "arts. 157, 159–161",
                note: "via Framework Act on Administrative Affairs art. 6(1)")
        case .civilPetitionsAct: Citation(law: "Civil Petitions Act", article: "art. 19")
        }
    }
}

/// A time of day in Seoul, for periods that start mid-day or run in working hours.
public struct TimeOfDay: Hashable, Sendable, Comparable {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM`.
    public init?(text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(hour: h, minute: m)
    }

    init(minutes: Int) {
        hour = minutes / 60
        minute = minutes % 60
    }

    public var minutesSinceMidnight: Int { hour * 60 + minute }
    public var text: String { String(format: "%02d:%02d", hour, minute) }
    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutesSinceMidnight < b.minutesSinceMidnight }
    public static let midnight = TimeOfDay(minutes: 0)
}

/// Days on which a period stood still (supplementation requested → answered), both ends included.
/// An open pause (`to == nil`) is still running.
public struct ClockPause: Hashable, Sendable {
    public let from: CalendarDate
    public let to: CalendarDate?

    public init(from: CalendarDate, to: CalendarDate?) {
        self.from = from
        self.to = to
    }
}

/// What the law says happens when a clock runs out, such as "deemed: no permit needed".
public struct ExpiryConsequence: Hashable, Sendable {
    public let korean: String
    public let english: String
    public let citation: Citation?

    public init(korean: String, english: String, citation: Citation? = nil) {
        self.korean = korean
        self.english = english
        self.citation = citation
    }
}
