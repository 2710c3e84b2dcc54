/// Where a sandbox case stands as it routes company → region → ministry → competent ministries
/// (→ committee) → back. The answer clock runs in `under-review` and stops in
/// `awaiting-supplement`; `SandboxCaseKind.allows` narrows the events to the case's instrument.
public enum SandboxCaseStatus: String, Lifecycle {
    /// Filed; the regional government reads it first and may answer a rapid confirmation within its
    /// own authority (art. 85(2)).
    case atRegion = "at-region"
    /// Forwarded to the ministry, which notifies the competent ministries.
    case atMinistry = "at-ministry"
    /// The competent ministries have it; the answer or review clock runs.
    case underReview = "under-review"
    /// Supplementation was asked for; the clock is paused until the company answers.
    case awaitingSupplement = "awaiting-supplement"
    /// Conflicting answers (art. 85(7)) or a review the committee decides.
    case atCommittee = "at-committee"
    case noPermitNeeded = "no-permit-needed"
    case permitNeeded = "permit-needed"
    /// The answer period ran out unanswered: no permit is needed (art. 85(5)).
    case deemedNoPermitNeeded = "deemed-no-permit-needed"
    case granted
    /// The company started using its grant, with sufficient liability insurance on file.
    case inUse = "in-use"
    case refused
    /// The company asked for the refusal to be reconsidered (arts. 86(8)–(9), 91); the ministry
    /// grants or refuses again.
    case reconsidering
    /// Cancelled after a recorded hearing (art. 89, art. 91).
    case cancelled
    case withdrawn

    public enum Event: String, CaseIterable, Sendable {
        case forward
        case notify
        case requestSupplement = "request-supplement"
        case supplement
        case referToCommittee = "refer-to-committee"
        case extendReview = "extend-review"
        case confirmNoPermitNeeded = "confirm-no-permit-needed"
        case confirmPermitNeeded = "confirm-permit-needed"
        case deem
        case grant
        case refuse
        case startUse = "start-use"
        /// The company applies to extend the validity (by the lead time before expiry).
        case requestExtension = "request-extension"
        /// The ministry extends the validity once, within the longest extension and the district's term.
        case extendValidity = "extend-validity"
        /// The company asks for the law to be revised (art. 87(9)); the exemption stays valid while
        /// the revision runs, within the district's term (art. 87(10)).
        case requestRevision = "request-revision"
        /// The ministry records that the law was revised: the exemption or permit ends that day.
        case lawRevised = "law-revised"
        /// Once the law's revision has started, the ministry may grant a temporary permit for the
        /// exempted business (art. 87(8)): a new permit case, which replaces the exemption when the
        /// company starts using it.
        case convertToPermit = "convert-to-permit"
        /// The company files the exemption's results report, due 30 days after expiry (art. 87(11)).
        case submitResults = "submit-results"
        /// The ministry records the law-revision plan it received (art. 87(6)).
        case recordRevisionPlan = "record-revision-plan"
        /// A company that cannot be insured files why, with its plan to compensate users (Decree
        /// art. 61(1)); the region agrees it in a separate consultation (arts. 88(2), 90(15)).
        case fileCompensationPlan = "file-compensation-plan"
        /// The ministry records a competent ministry's answer as it arrives.
        case recordMinistryAnswer = "record-ministry-answer"
        case agreeCompensationPlan = "agree-compensation-plan"
        case requestReconsideration = "request-reconsideration"
        /// A correction order on a grant whose conditions are not kept (art. 89(1)).
        case orderCorrection = "order-correction"
        /// The hearing a cancellation needs, recorded with its note.
        case recordHearing = "record-hearing"
        case cancel
        case withdraw
    }

    public static let lifecycleName = "sandbox_case"

    public func after(_ event: Event) -> SandboxCaseStatus? {
        switch (self, event) {
        case (.atRegion, .forward): .atMinistry
        case (.atRegion, .confirmNoPermitNeeded), (.underReview, .confirmNoPermitNeeded),
            (.atCommittee, .confirmNoPermitNeeded):
            .noPermitNeeded
        case (.atRegion, .confirmPermitNeeded), (.underReview, .confirmPermitNeeded),
            (.atCommittee, .confirmPermitNeeded):
            .permitNeeded
        case (.atMinistry, .notify): .underReview
        case (.underReview, .requestSupplement): .awaitingSupplement
        case (.awaitingSupplement, .supplement): .underReview
        case (.underReview, .referToCommittee): .atCommittee
        case (.underReview, .extendReview): .underReview
        case (.underReview, .recordMinistryAnswer), (.awaitingSupplement, .recordMinistryAnswer): self
        case (.underReview, .deem): .deemedNoPermitNeeded
        case (.underReview, .grant), (.atCommittee, .grant): .granted
        case (.underReview, .refuse), (.atCommittee, .refuse): .refused
        case (.granted, .startUse): .inUse
        case (.granted, .requestExtension), (.inUse, .requestExtension): self
        case (.granted, .extendValidity), (.inUse, .extendValidity): self
        case (.granted, .requestRevision), (.inUse, .requestRevision): self
        case (.granted, .lawRevised), (.inUse, .lawRevised): self
        case (.granted, .convertToPermit), (.inUse, .convertToPermit): self
        case (.granted, .submitResults), (.inUse, .submitResults): self
        case (.granted, .recordRevisionPlan), (.inUse, .recordRevisionPlan): self
        case (.granted, .fileCompensationPlan), (.inUse, .fileCompensationPlan): self
        case (.granted, .agreeCompensationPlan), (.inUse, .agreeCompensationPlan): self
        case (.refused, .requestReconsideration): .reconsidering
        case (.reconsidering, .grant): .granted
        case (.reconsidering, .refuse): .refused
        case (.granted, .orderCorrection), (.inUse, .orderCorrection): self
        case (.granted, .recordHearing), (.inUse, .recordHearing): self
        case (.granted, .cancel), (.inUse, .cancel): .cancelled
        case (.atRegion, .withdraw), (.atMinistry, .withdraw), (.underReview, .withdraw),
            (.awaitingSupplement, .withdraw), (.atCommittee, .withdraw):
            .withdrawn
        default: nil
        }
    }

    public var isFinal: Bool {
        switch self {
        case .noPermitNeeded, .permitNeeded, .deemedNoPermitNeeded, .cancelled, .withdrawn: true
        default: false
        }
    }

    /// Whether the answer clock has started (the competent ministries were notified).
    public var clockRuns: Bool { self == .underReview || self == .awaitingSupplement || self == .atCommittee }
}
