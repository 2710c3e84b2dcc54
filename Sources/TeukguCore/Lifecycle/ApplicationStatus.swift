/// Where an application stands as a document: drafted, explicitly submitted with a receipt, reopened
/// because the ministry asked for more information, or withdrawn by its applicant.
public enum ApplicationStatus: String, Lifecycle {
    case draft
    case submitted
    case informationRequested = "info-requested"
    case withdrawn

    public enum Event: String, CaseIterable, Sendable {
        case save
        case submit
        case requestInformation = "request-information"
        case withdraw
    }

    public static let lifecycleName = "application"

    public func after(_ event: Event) -> ApplicationStatus? {
        switch (self, event) {
        case (.draft, .save), (.informationRequested, .save): self
        case (.draft, .submit), (.informationRequested, .submit): .submitted
        case (.submitted, .requestInformation): .informationRequested
        case (.draft, .withdraw), (.submitted, .withdraw), (.informationRequested, .withdraw): .withdrawn
        default: nil
        }
    }

    public var isFinal: Bool { self == .withdrawn }

    /// Whether the applicant may still change it (the call's window decides the rest for drafts).
    public var isOpenForEditing: Bool { self == .draft || self == .informationRequested }

    /// Whether it takes part in evaluation (submitted, possibly reopened for more information).
    public var isLodged: Bool { self == .submitted || self == .informationRequested }
}
