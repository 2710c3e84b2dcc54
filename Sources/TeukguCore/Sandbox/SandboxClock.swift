/// A sandbox case's answer or review clock from its facts and the parameters in force on the
/// notification day: 30 days from notification, paused while supplementation is pending; for
/// exemptions and permits at most 90 days with supplementation and one extension of at most 30
/// days (arts. 86(3), 90(4)); for a rapid confirmation, no answer in time means no permit is
/// needed (art. 85(5)).
public struct SandboxClock: Sendable {
    public let kind: SandboxCaseKind
    /// The day the competent ministries were notified.
    public let notifiedOn: CalendarDate
    public let pauses: [ClockPause]
    /// Review extensions granted (at most one, within the parameter's length).
    public let extensions: [ClockLength]

    public init(kind: SandboxCaseKind, notifiedOn: CalendarDate, pauses: [ClockPause], extensions: [ClockLength]) {
        self.kind = kind
        self.notifiedOn = notifiedOn
        self.pauses = pauses
        self.extensions = extensions
    }

    public static let deemedAnswer = ExpiryConsequence(
        korean: "기간 안에 회신이 없으면 허가등이 필요하지 않은 것으로 봅니다.",
        english: "If no answer comes in time, no permit or other approval is deemed to be needed.",
        citation: Citation(law: Citation.specialZonesAct, article: "art. 85(5)"))

    public func spec(_ catalog: ParameterCatalog) throws(ParameterError) -> LegalClockSpec {
        let period = try catalog.parameter(kind.reviewPeriodKey).version(at: notifiedOn)
        var spec = LegalClockSpec(
            start: notifiedOn, length: try catalog.length(kind.reviewPeriodKey, at: notifiedOn), pauses: pauses,
            onExpiry: kind.isDeemedOnExpiry ? Self.deemedAnswer : nil, lengthCitation: period.citation)
        if let capKey = kind.reviewCapKey, let extensionKey = kind.reviewExtensionKey {
            spec.cap = try catalog.length(capKey, at: notifiedOn)
            spec.maxExtensions = 1
            spec.maxExtensionLength = try catalog.length(extensionKey, at: notifiedOn)
            spec.extensions = extensions
        }
        return spec
    }

    /// The computed clock on `today`.
    public func result(
        _ catalog: ParameterCatalog, holidays: HolidayCalendar, today: CalendarDate
    ) throws
        -> LegalClockResult
    {
        let spec = try spec(catalog)
        return try LegalClock(holidays: holidays).compute(spec, asOf: today)
    }

    /// The legal date of the deemed answer: the day after the answer period ends (it ends at 24:00
    /// of the due day, Civil Act art. 159).
    public static func deemedOn(_ result: LegalClockResult) -> CalendarDate { result.due.adding(days: 1) }

    /// Whether a running clock has run out by `today`.
    public static func hasRunOut(_ result: LegalClockResult, today: CalendarDate) -> Bool {
        !result.isPaused && today > result.due
    }
}
