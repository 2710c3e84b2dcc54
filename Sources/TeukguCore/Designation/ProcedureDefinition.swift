/// The statutory designation procedure (Act arts. 72–75), kept as data: its steps, which step may
/// follow which, and the legal clock each step runs. Changing the law means changing this table.
public struct ProcedureDefinition: Sendable {
    public struct Step: Hashable, Sendable {
        public let id: ProcedureStepID
        public let titleKorean: String
        public let titleEnglish: String
        public let next: [ProcedureStepID]
        public let clock: StepClock?
        public let citation: Citation
    }

    /// A clock a step runs from the day it is entered.
    public struct StepClock: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable {
            /// The step must last at least this long (a public notice of ≥ 30 days).
            case minimum
            /// The step should be finished by then (ministries' opinions within 30 days).
            case deadline
        }

        public let parameterKey: String
        public let kind: Kind
        /// Supplementation pauses this clock (its days are added back).
        public let pausable: Bool
    }

    public let steps: [Step]

    public func step(_ id: ProcedureStepID) -> Step {
        // Every id has exactly one step; the table test guards it.
        steps.first { $0.id == id }!
    }

    /// The clock that runs from submission of the application over all later steps.
    public static let decisionClockKey = "designation.decision"

    public static let standard: ProcedureDefinition = {
        let act = Citation.specialZonesAct
        let decree = Citation.specialZonesDecree
        func cite(_ law: String, _ article: String) -> Citation { Citation(law: law, article: article) }
        return ProcedureDefinition(steps: [
            Step(
                id: .plan, titleKorean: "특구계획 수립", titleEnglish: "Plan drafted (with negative list)",
                next: [.priorConsultation, .withdrawn], clock: nil, citation: cite(act, "art. 74(1)")),
            Step(
                id: .priorConsultation, titleKorean: "사전 협의", titleEnglish: "Prior consultation",
                next: [.publicNotice, .withdrawn], clock: nil, citation: cite(decree, "art. 42(1)")),
            Step(
                id: .publicNotice, titleKorean: "계획 공고 및 공청회", titleEnglish: "Public notice and hearing",
                next: [.application, .withdrawn],
                clock: StepClock(parameterKey: "designation.publicNotice", kind: .minimum, pausable: false),
                citation: cite(act, "art. 74(2); Decree art. 43")),
            Step(
                id: .application, titleKorean: "지정 신청", titleEnglish: "Application to the ministry",
                next: [.ministryOpinions, .withdrawn], clock: nil, citation: cite(act, "art. 72(1)")),
            Step(
                id: .ministryOpinions, titleKorean: "관계 부처 의견", titleEnglish: "Ministries' opinions",
                next: [.subCommittee, .withdrawn],
                clock: StepClock(parameterKey: "designation.ministryOpinion", kind: .deadline, pausable: true),
                citation: cite(act, "art. 75(1)–(2)")),
            Step(
                id: .subCommittee, titleKorean: "분과위원회", titleEnglish: "Sub-committee",
                next: [.deliberationCommittee, .rejected, .withdrawn], clock: nil, citation: cite(decree, "art. 49(4)")),
            Step(
                id: .deliberationCommittee, titleKorean: "특구심의위원회",
                titleEnglish: "Deliberation committee (MSS minister chairs)",
                next: [.specialZoneCommittee, .rejected, .withdrawn], clock: nil, citation: cite(act, "art. 79(1)")),
            Step(
                id: .specialZoneCommittee, titleKorean: "특구위원회",
                titleEnglish: "Special zone committee (Prime Minister chairs)",
                next: [.gazette, .rejected, .withdrawn], clock: nil,
                citation: cite(act, "arts. 75(3), 77–78; Decree art. 47(7)")),
            Step(
                id: .gazette, titleKorean: "관보 고시", titleEnglish: "Official Gazette",
                next: [.designated], clock: nil, citation: cite(act, "art. 75(4)")),
            Step(
                id: .designated, titleKorean: "지정 완료", titleEnglish: "Designated", next: [], clock: nil,
                citation: cite(act, "art. 75(3)")),
            Step(
                id: .rejected, titleKorean: "지정 거부", titleEnglish: "Not designated", next: [], clock: nil,
                citation: cite(act, "art. 75(3), (5)")),
            Step(
                id: .withdrawn, titleKorean: "철회", titleEnglish: "Withdrawn", next: [], clock: nil,
                citation: cite(act, "art. 72(1)")),
        ])
    }()
}

/// The steps of the designation procedure.
public enum ProcedureStepID: String, CaseIterable, Hashable, Sendable, Codable {
    case plan
    case priorConsultation = "prior-consultation"
    case publicNotice = "public-notice"
    case application
    case ministryOpinions = "ministry-opinions"
    case subCommittee = "sub-committee"
    case deliberationCommittee = "deliberation-committee"
    case specialZoneCommittee = "special-zone-committee"
    case gazette, designated, rejected, withdrawn

    public var isTerminal: Bool { self == .designated || self == .rejected || self == .withdrawn }

    /// Steps from the application on run under the 90-day decision clock.
    public var isUnderDecisionClock: Bool {
        switch self {
        case .application, .ministryOpinions, .subCommittee, .deliberationCommittee, .specialZoneCommittee: return true
        default: return false
        }
    }
}
