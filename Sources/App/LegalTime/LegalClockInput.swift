import TeukguCore
import Vapor

/// The body of `POST /api/v1/legal-clock`.
struct LegalClockInput: StrictJSONInput {
    let start: String
    let startTime: String?
    /// Exactly one of `days`, `weeks`, `months`, `years`, `workingHours`.
    let length: [String: Int]
    let rule: String
    let pauses: [[String: String?]]?
    /// The day on which to report running/paused/expired and days left; today when absent.
    let asOf: String?

    static let fields: Set<String> = ["start", "startTime", "length", "rule", "pauses", "asOf"]

    func spec() throws -> LegalClockSpec {
        guard let startDate = CalendarDate(iso: start) else {
            throw AppError.invalid("invalid_date", "start must be a real date as YYYY-MM-DD.")
        }
        var time: TimeOfDay?
        if let startTime {
            guard let parsed = TimeOfDay(text: startTime) else {
                throw AppError.invalid("invalid_time", "startTime must be HH:MM (00:00–23:59).")
            }
            time = parsed
        }
        guard length.count == 1, let (unit, amount) = length.first,
            let clockLength = ClockLength(unit: unit, amount: amount)
        else {
            throw AppError.invalid(
                "invalid_length",
                "length has exactly one of days, weeks, months, years or workingHours, with a whole number.")
        }
        guard amount > 0 else {
            throw AppError.invalid("length_not_positive", "The length must be a positive whole number.")
        }
        guard let countingRule = CountingRule(rawValue: rule) else {
            throw AppError.invalid("unknown_rule", "rule is civil-act or civil-petitions-act.")
        }
        var parsedPauses: [ClockPause] = []
        for (index, pause) in (pauses ?? []).enumerated() {
            if let unknown = Set(pause.keys).subtracting(["from", "to"]).first {
                throw AppError.invalid("unknown_field", "Unknown field 'pauses[\(index)].\(unknown)'.")
            }
            guard let fromText = pause["from"] ?? nil, let from = CalendarDate(iso: fromText) else {
                throw AppError.invalid("invalid_date", "pauses[\(index)].from must be YYYY-MM-DD.")
            }
            var to: CalendarDate?
            if let toText = pause["to"] ?? nil {
                guard let parsed = CalendarDate(iso: toText) else {
                    throw AppError.invalid("invalid_date", "pauses[\(index)].to must be YYYY-MM-DD or null.")
                }
                to = parsed
            }
            parsedPauses.append(ClockPause(from: from, to: to))
        }
        guard parsedPauses.count <= 50 else { throw AppError.invalid("too_many_pauses", "At most 50 pauses.") }
        return LegalClockSpec(
            start: startDate, startTime: time, length: clockLength, rule: countingRule, pauses: parsedPauses)
    }

    func asOfDate(default today: CalendarDate) throws -> CalendarDate {
        try DateInput.optional(asOf, field: "asOf") ?? today
    }
}

/// A computed deadline as the API answers it.
struct LegalClockResultDTO: Content {
    struct Step: Content {
        let ko: String
        let en: String
        let citation: String?
    }

    let due: String
    let dueTime: String?
    let state: String
    let daysLeft: Int
    let pausedDays: Int
    let rule: String
    let ruleCitation: String
    let steps: [Step]

    init(result: LegalClockResult, spec: LegalClockSpec, asOf: CalendarDate) {
        due = result.due.iso
        dueTime = result.dueTime?.text
        state = result.state(on: asOf).rawValue
        daysLeft = result.daysLeft(on: asOf)
        pausedDays = result.pausedDays
        rule = spec.rule.rawValue
        ruleCitation = spec.rule.citation.text
        steps = result.steps.map { Step(ko: $0.korean, en: $0.english, citation: $0.citation) }
    }
}

/// What the shared clock component (`components/clock.leaf`) shows.
struct ClockView: Encodable {
    struct Step: Encodable {
        let text: String
        let citation: String?
    }

    let due: String
    let dueTime: String?
    let state: String
    let stateLabel: String
    let daysLeftText: String
    let steps: [Step]
    let expiry: String?

    init(result: LegalClockResult, asOf: CalendarDate, language: String) {
        due = result.due.iso
        dueTime = result.dueTime?.text
        let state = result.state(on: asOf)
        self.state = state.rawValue
        switch state {
        case .running: stateLabel = Strings.text("text.running", language)
        case .paused: stateLabel = Strings.text("text.pausedSupplementation", language)
        case .expired: stateLabel = Strings.text("text.expired", language)
        }
        let left = result.daysLeft(on: asOf)
        if left >= 0 {
            daysLeftText = Strings.format(left == 1 ? "clock.dayLeft" : "clock.daysLeft", language, left)
        } else {
            daysLeftText = Strings.format(left == -1 ? "clock.dayOverdue" : "clock.daysOverdue", language, -left)
        }
        steps = result.steps.map { step in
            Step(
                text: Strings.pick(step.korean, step.english, language),
                citation: step.citation.map { Strings.pick(step.citationKorean ?? $0, $0, language) })
        }
        expiry = result.onExpiry.map { Strings.pick($0.korean, $0.english, language) }
    }
}
