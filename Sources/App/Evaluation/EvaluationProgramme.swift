import Fluent
import Foundation
import TeukguCore

/// What the shared evaluation needs from a programme (district designation, the collaboration
/// programme): its stages, who enters each stage, and what happens when a stage is decided.
protocol EvaluationProgramme: Sendable {
    var id: String { get }
    /// Whether this account may sit on the panels of this call (or track).
    func mayEvaluate(_ account: AccountRecord, callID: UUID, on database: any Database) async throws -> Bool
    func stages(callID: UUID, on database: any Database) async throws -> [EvaluationStage]
    /// The stage now open for panels, or a 409 saying why none is.
    func currentStageIndex(callID: UUID, now: Date, on database: any Database) async throws -> Int
    func entrants(callID: UUID, stageIndex: Int, on database: any Database) async throws -> [EvaluationEntrant]
    /// Records the decided stage on the applications and moves the call on; inside the finalising transaction.
    func stageFinalised(
        callID: UUID, stageIndex: Int, results: [StageResult], actor: AuditLog.Actor, on database: any Database)
        async throws
}

/// One application entering a stage, with the parties conflict detection looks at.
struct EvaluationEntrant: Sendable {
    let applicationID: UUID
    let label: String
    let parties: ApplicationParties
    let submittedOrder: Int
    /// Shown to evaluators before they declare: enough to know whether they are conflicted.
    let disclosure: [String]
}

enum EvaluationProgrammes {
    static func named(_ id: String) throws -> any EvaluationProgramme {
        switch id {
        case DesignationEvaluation.shared.id: return DesignationEvaluation.shared
        case CollaborationEvaluation.shared.id: return CollaborationEvaluation.shared
        default: throw AppError.invalid("unknown_programme", "Programme is 'designation' or 'collaboration'.")
        }
    }
}
