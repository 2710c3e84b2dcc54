/// Sandbox cases counted for the public: by case type and outcome, with the median days from
/// filing to an answer and how many answers were deemed given because the period ran out. Works
/// on plain values so the counting is tested without a database.
public struct SandboxCaseStatistics: Sendable {
    /// Where a case ended up, in the words the statistics use; open cases count as `open`.
    public enum Outcome: String, CaseIterable, Sendable {
        case open
        case noPermitNeeded = "no-permit-needed"
        case deemedNoPermitNeeded = "deemed-no-permit-needed"
        case permitNeeded = "permit-needed"
        case granted
        case refused
        case cancelled
        case withdrawn

        public init(_ status: SandboxCaseStatus) {
            switch status {
            case .atRegion, .atMinistry, .underReview, .awaitingSupplement, .atCommittee, .reconsidering: self = .open
            case .noPermitNeeded: self = .noPermitNeeded
            case .deemedNoPermitNeeded: self = .deemedNoPermitNeeded
            case .permitNeeded: self = .permitNeeded
            // A grant in use is still a grant: the outcome was the same.
            case .granted, .inUse: self = .granted
            case .refused: self = .refused
            case .cancelled: self = .cancelled
            case .withdrawn: self = .withdrawn
            }
        }
    }

    public struct Case: Sendable {
        public let kind: SandboxCaseKind
        public let status: SandboxCaseStatus
        public let filedOn: CalendarDate
        public let answeredOn: CalendarDate?

        public init(kind: SandboxCaseKind, status: SandboxCaseStatus, filedOn: CalendarDate, answeredOn: CalendarDate?)
        {
            self.kind = kind
            self.status = status
            self.filedOn = filedOn
            self.answeredOn = answeredOn
        }
    }

    public struct Group: Sendable, Equatable {
        public let kind: SandboxCaseKind
        public let outcome: Outcome
        public let cases: Int
        public let answered: Int
        public let medianDaysToAnswer: Double?
        public let deemed: Int
    }

    /// One group per type and outcome that has cases, in the order of the types and outcomes.
    public let groups: [Group]
    /// Days from filing to answer of every answered case, by type.
    private let answerDays: [SandboxCaseKind: [Int]]

    public init(_ cases: [Case]) {
        // One pass to sort cases into their type and outcome; groups then come out in order.
        struct Key: Hashable {
            let kind: SandboxCaseKind
            let outcome: Outcome
        }
        let byKey = Dictionary(grouping: cases) { Key(kind: $0.kind, outcome: Outcome($0.status)) }
        var groups: [Group] = []
        var answerDays: [SandboxCaseKind: [Int]] = [:]
        for kind in SandboxCaseKind.allCases {
            for outcome in Outcome.allCases {
                guard let members = byKey[Key(kind: kind, outcome: outcome)] else { continue }
                let days = members.compactMap { member in member.answeredOn.map { member.filedOn.days(until: $0) } }
                answerDays[kind, default: []] += days
                groups.append(
                    Group(
                        kind: kind, outcome: outcome, cases: members.count, answered: days.count,
                        medianDaysToAnswer: OpenDataStatistics.median(days),
                        deemed: members.filter { $0.status == .deemedNoPermitNeeded }.count))
            }
        }
        self.groups = groups
        self.answerDays = answerDays
    }

    /// The median days to an answer across every outcome of a type; nil before any answer.
    public func medianDaysToAnswer(of kind: SandboxCaseKind) -> Double? {
        OpenDataStatistics.median(answerDays[kind] ?? [])
    }

    /// Totals per case type across outcomes, for the public page's chart.
    public func total(of kind: SandboxCaseKind) -> Int {
        groups.filter { $0.kind == kind }.reduce(0) { $0 + $1.cases }
    }
}
