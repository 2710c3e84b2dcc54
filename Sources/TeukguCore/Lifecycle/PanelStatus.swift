/// One evaluation panel (a stage of a call, or of a track): scoring until the ministry finalises it.
public enum PanelStatus: String, Lifecycle {
    case scoring
    case finalised

    public enum Event: String, CaseIterable, Sendable {
        /// A consensus round reopens the scores; the panel keeps scoring.
        case openConsensusRound = "open-consensus-round"
        case finalise
    }

    public static let lifecycleName = "panel"

    public func after(_ event: Event) -> PanelStatus? {
        switch (self, event) {
        case (.scoring, .openConsensusRound): .scoring
        case (.scoring, .finalise): .finalised
        default: nil
        }
    }

    public var isFinal: Bool { self == .finalised }
}
