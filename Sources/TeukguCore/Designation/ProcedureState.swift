/// Where one candidate stands in the designation procedure, with everything that happened.
/// Stored as JSON; `ProcedureRules` is the only thing that changes it.
public struct ProcedureState: Hashable, Sendable, Codable {
    public struct Entry: Hashable, Sendable, Codable {
        public let step: ProcedureStepID
        public let enteredOn: CalendarDate
        public let note: String

        public init(step: ProcedureStepID, enteredOn: CalendarDate, note: String) {
            self.step = step
            self.enteredOn = enteredOn
            self.note = note
        }
    }

    public struct Supplementation: Hashable, Sendable, Codable {
        public var from: CalendarDate
        public var to: CalendarDate?
        public var reason: String
    }

    public struct Hearing: Hashable, Sendable, Codable {
        public let announcedOn: CalendarDate
        public let heldOn: CalendarDate
    }

    /// Members present and votes at the special zone committee.
    public struct CommitteeVote: Hashable, Sendable, Codable {
        public let members: Int
        public let present: Int
        public let inFavour: Int
        public let heldOn: CalendarDate

        /// Quorum: a majority of all members present (Act art. 5 as applied to the committee).
        public var hasQuorum: Bool { present * 2 > members }
        /// Decision: a majority of those present.
        public var carries: Bool { inFavour * 2 > present }
    }

    public var history: [Entry]
    public var supplementations: [Supplementation]
    public var hearing: Hearing?
    public var vote: CommitteeVote?

    public init(startedOn: CalendarDate, note: String = "") {
        history = [Entry(step: .plan, enteredOn: startedOn, note: note)]
        supplementations = []
    }

    public var current: ProcedureStepID { history.last!.step }
    public var enteredCurrentOn: CalendarDate { history.last!.enteredOn }
    public var applicationDate: CalendarDate? { history.first { $0.step == .application }?.enteredOn }
    public var isSupplementing: Bool { supplementations.last.map { $0.to == nil } ?? false }

    public func entered(_ step: ProcedureStepID) -> CalendarDate? { history.last { $0.step == step }?.enteredOn }
}

/// Why a procedure action is refused.
public enum ProcedureError: Error, Hashable, Sendable, CustomStringConvertible {
    case transitionNotAllowed(from: ProcedureStepID, to: ProcedureStepID)
    case dateBeforeCurrentStep(CalendarDate)
    case noticePeriodRunning(until: CalendarDate)
    case hearingMissing
    case hearingAnnouncedTooLate(earliestHearing: CalendarDate)
    /// The hearing belongs to the plan's public notice: announced and held once the notice has started.
    case hearingBeforeNotice(noticeStartedOn: CalendarDate)
    /// The application cannot be filed before the hearing it reports.
    case hearingAfterApplication(heldOn: CalendarDate)
    case voteMissing
    case voteInvalid(String)
    case noQuorum(present: Int, members: Int)
    case voteFailed(inFavour: Int, present: Int)
    case supplementationAlreadyOpen, noOpenSupplementation, supplementationNotAllowedHere
    case terminal
    case legalTime(String)

    public var code: String {
        switch self {
        case .transitionNotAllowed: return "transition_not_allowed"
        case .dateBeforeCurrentStep: return "date_before_current_step"
        case .noticePeriodRunning: return "notice_period_running"
        case .hearingMissing: return "hearing_missing"
        case .hearingAnnouncedTooLate: return "hearing_announced_too_late"
        case .hearingBeforeNotice: return "hearing_before_notice"
        case .hearingAfterApplication: return "hearing_after_application"
        case .voteMissing: return "vote_missing"
        case .voteInvalid: return "vote_invalid"
        case .noQuorum: return "no_quorum"
        case .voteFailed: return "vote_failed"
        case .supplementationAlreadyOpen: return "supplementation_already_open"
        case .noOpenSupplementation: return "no_open_supplementation"
        case .supplementationNotAllowedHere: return "supplementation_not_allowed_here"
        case .terminal: return "procedure_finished"
        case .legalTime: return "legal_time"
        }
    }

    public var description: String {
        switch self {
        case .transitionNotAllowed(let from, let to):
            return "The procedure cannot go from '\(from.rawValue)' to '\(to.rawValue)'."
        case .dateBeforeCurrentStep(let date):
            return "The date must not be before \(date.iso), when the current step began."
        case .noticePeriodRunning(let until):
            return "The public notice must run at least its statutory period; it may end after \(until.iso)."
        case .hearingMissing:
            return "Record the public hearing (announcement and date) before ending the public notice."
        case .hearingAnnouncedTooLate(let earliest):
            return
                "The hearing was not announced early enough; with that announcement it could be held on \(earliest.iso) at the earliest."
        case .hearingBeforeNotice(let started):
            return
                "The hearing is part of the plan's public notice, which started on \(started.iso); it cannot be announced or held earlier."
        case .hearingAfterApplication(let held):
            return "The application cannot be filed before the public hearing it reports (held on \(held.iso))."
        case .voteMissing: return "Record the special zone committee's vote (members, present, in favour) first."
        case .voteInvalid(let why): return why
        case .noQuorum(let present, let members):
            return "No quorum: \(present) of \(members) members present; a majority of members is needed."
        case .voteFailed(let inFavour, let present):
            return
                "The motion failed: \(inFavour) of \(present) present voted in favour; a majority of those present is needed."
        case .supplementationAlreadyOpen: return "A supplementation request is already open."
        case .noOpenSupplementation: return "There is no open supplementation request to close."
        case .supplementationNotAllowedHere:
            return "Supplementation can be requested only between the application and the committee decision."
        case .terminal: return "The procedure has finished."
        case .legalTime(let why): return why
        }
    }
}
