/// Where an application got to in its call: drafted, submitted, through or out at a named stage,
/// and finally a candidate or selected, not selected, or withdrawn.
///
/// Stored as text: `draft`, `submitted`, `<stage>-passed`, `<stage>-failed`, `candidate`, `selected`,
/// `not-selected`, `withdrawn`.
public enum ApplicationOutcome: Hashable, Sendable, Codable, CustomStringConvertible {
    case draft
    case submitted
    case passed(stage: String)
    case failed(stage: String)
    /// Designation: proposed to the statutory procedure.
    case candidate
    /// Collaboration: matched to a track.
    case selected
    case notSelected
    case withdrawn

    public init?(rawValue: String) {
        switch rawValue {
        case "draft": self = .draft
        case "submitted": self = .submitted
        case "candidate": self = .candidate
        case "selected": self = .selected
        case "not-selected": self = .notSelected
        case "withdrawn": self = .withdrawn
        default:
            if rawValue.hasSuffix("-passed"), rawValue.count > 7 {
                self = .passed(stage: String(rawValue.dropLast(7)))
            } else if rawValue.hasSuffix("-failed"), rawValue.count > 7 {
                self = .failed(stage: String(rawValue.dropLast(7)))
            } else {
                return nil
            }
        }
    }

    public var rawValue: String {
        switch self {
        case .draft: "draft"
        case .submitted: "submitted"
        case .passed(let stage): "\(stage)-passed"
        case .failed(let stage): "\(stage)-failed"
        case .candidate: "candidate"
        case .selected: "selected"
        case .notSelected: "not-selected"
        case .withdrawn: "withdrawn"
        }
    }

    public var description: String { rawValue }

    /// The outcome a finalised stage gives.
    public static func stageResult(_ stage: String, advances: Bool) -> ApplicationOutcome {
        advances ? .passed(stage: stage) : .failed(stage: stage)
    }

    /// Whether nothing has been decided about it yet, so the applicant may still withdraw.
    public var isUndecided: Bool { self == .draft || self == .submitted }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let outcome = ApplicationOutcome(rawValue: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Unknown outcome '\(text)'."))
        }
        self = outcome
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
