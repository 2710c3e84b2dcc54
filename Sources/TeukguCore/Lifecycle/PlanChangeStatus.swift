/// A change to a designated district's plan (Act art. 81): a minor change applies at once; a major
/// one waits for the committee, which approves or rejects it.
public enum PlanChangeStatus: String, Lifecycle {
    case applied
    case pendingCommittee = "pending-committee"
    case approved
    case rejected

    public enum Event: String, CaseIterable, Sendable {
        case approve
        case reject
    }

    public static let lifecycleName = "plan_change"

    public func after(_ event: Event) -> PlanChangeStatus? {
        switch (self, event) {
        case (.pendingCommittee, .approve): .approved
        case (.pendingCommittee, .reject): .rejected
        default: nil
        }
    }

    public var isFinal: Bool { self != .pendingCommittee }

    /// Where a change starts: minor changes apply when filed, major ones go to the committee.
    public static func filed(isMinor: Bool) -> PlanChangeStatus { isMinor ? .applied : .pendingCommittee }
}
