/// A call for applications, in either programme: open for applications, evaluated stage by stage,
/// waiting for its selection, decided. Past rounds kept only as published figures are `historical`.
public enum CallStatus: String, Lifecycle {
    case accepting
    case evaluating
    case selecting
    case decided
    case historical

    public enum Event: String, CaseIterable, Sendable {
        /// The first panel forms after the close.
        case startEvaluation = "start-evaluation"
        /// The last stage (or every track's last stage) is final.
        case finishEvaluation = "finish-evaluation"
        /// The ministry confirms the selection.
        case confirmSelection = "confirm-selection"
    }

    public static let lifecycleName = "call"

    public func after(_ event: Event) -> CallStatus? {
        switch (self, event) {
        case (.accepting, .startEvaluation): .evaluating
        case (.evaluating, .finishEvaluation): .selecting
        case (.selecting, .confirmSelection): .decided
        default: nil
        }
    }

    public var isFinal: Bool { self == .decided || self == .historical }

    /// Whether the ministry's selection pages apply (a proposal to confirm, or a confirmed one).
    public var hasSelection: Bool { self == .selecting || self == .decided }
}
