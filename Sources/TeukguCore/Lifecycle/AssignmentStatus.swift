/// An evaluator's assignment to one application: first a declaration of interests, then a scorecard.
/// A conflict, declared or detected by the system, ends the assignment before anything is disclosed.
public enum AssignmentStatus: String, Lifecycle {
    case awaitingDeclaration = "awaiting-declaration"
    case declaredNoConflict = "declared-no-conflict"
    case conflictDeclared = "conflict-declared"
    case conflictDetected = "conflict-detected"
    case submitted

    public enum Event: String, CaseIterable, Sendable {
        case declareNoConflict = "declare-no-conflict"
        case declareConflict = "declare-conflict"
        case submitScorecard = "submit-scorecard"
        /// A consensus round asks for a fresh scorecard.
        case reopenForConsensus = "reopen-for-consensus"
    }

    public static let lifecycleName = "assignment"

    public func after(_ event: Event) -> AssignmentStatus? {
        switch (self, event) {
        case (.awaitingDeclaration, .declareNoConflict): .declaredNoConflict
        case (.awaitingDeclaration, .declareConflict): .conflictDeclared
        case (.declaredNoConflict, .submitScorecard), (.submitted, .submitScorecard): .submitted
        case (.submitted, .reopenForConsensus): .declaredNoConflict
        default: nil
        }
    }

    public var isFinal: Bool { isConflicted }

    /// The evaluator is out of this application.
    public var isConflicted: Bool { self == .conflictDeclared || self == .conflictDetected }

    /// Declared free of conflict: the evaluator may read the application.
    public var isCleared: Bool { self == .declaredNoConflict || self == .submitted }

    /// Still owes the panel something (a declaration or a scorecard).
    public var isPending: Bool { self == .awaitingDeclaration || self == .declaredNoConflict }

    /// The states in which an evaluator may read the application, for queries.
    public static let cleared: [AssignmentStatus] = [.declaredNoConflict, .submitted]
    public static let pending: [AssignmentStatus] = [.awaitingDeclaration, .declaredNoConflict]
}
