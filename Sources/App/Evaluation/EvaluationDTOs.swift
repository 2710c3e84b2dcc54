import Fluent
import Foundation
import TeukguCore
import Vapor

/// A panel as the ministry sees it: progress, each application's spread and outliers, conflicts.
struct PanelDTO: Content {
    struct ApplicationScores: Content {
        struct EvaluatorScore: Content {
            let evaluator: String
            let total: Double
            let round: Int
            let isOutlier: Bool
        }

        let applicationID: UUID
        let mean: Double?
        let spread: Double
        let standardDeviation: Double
        let hasOutliers: Bool
        let scores: [EvaluatorScore]
    }

    struct AssignmentLine: Content {
        let id: UUID
        let evaluator: String
        let applicationID: UUID
        let status: AssignmentStatus
        let conflict: String?
    }

    let id: UUID
    let programme: String
    let callID: UUID
    let stageID: String
    let round: Int
    let status: PanelStatus
    let expectedScorecards: Int
    let submittedScorecards: Int
    let assignments: [AssignmentLine]
    let applications: [ApplicationScores]
    let results: [StageResult]?

    static func make(_ panel: EvaluationPanelRecord, on database: any Database) async throws -> PanelDTO {
        let overview = try await EvaluationPanels.overview(panel, on: database)
        let evaluatorIDs = Array(Set(overview.assignments.map(\.evaluatorID)))
        let accounts =
            evaluatorIDs.isEmpty ? [] : try await AccountRecord.query(on: database).filter(\.$id ~~ evaluatorIDs).all()
        let names = accounts.keyedByID(\.email)
        let active = overview.assignments.filter { !$0.status.isConflicted }
        let rounds = Dictionary(
            overview.assignments.compactMap { assignment in
                assignment.id.flatMap { id in
                    overview.cards[id].map {
                        (assignment.evaluatorID.uuidString + assignment.applicationID.uuidString, $0.round)
                    }
                }
            }, uniquingKeysWith: max)
        return PanelDTO(
            id: try panel.requireID(), programme: panel.programme, callID: panel.callID, stageID: panel.stageID,
            round: panel.round, status: panel.status,
            expectedScorecards: active.count, submittedScorecards: active.filter { $0.status == .submitted }.count,
            assignments: try overview.assignments.map {
                AssignmentLine(
                    id: try $0.requireID(), evaluator: names[$0.evaluatorID] ?? $0.evaluatorID.uuidString,
                    applicationID: $0.applicationID,
                    status: $0.status, conflict: $0.conflictText)
            },
            applications: overview.summaries.sorted { ($0.value.mean ?? 0) > ($1.value.mean ?? 0) }.map {
                application, summary in
                ApplicationScores(
                    applicationID: application, mean: summary.mean.map { $0.toHundredths },
                    spread: summary.spread.toHundredths,
                    standardDeviation: summary.standardDeviation.toHundredths, hasOutliers: summary.hasOutliers,
                    scores: summary.totals.map { total in
                        let id = UUID(uuidString: total.evaluatorID)
                        return .init(
                            evaluator: id.flatMap { names[$0] } ?? total.evaluatorID, total: total.total.toHundredths,
                            round: rounds[total.evaluatorID + application.uuidString] ?? 1, isOutlier: total.isOutlier)
                    })
            },
            results: try panel.resultsJSON.map { try JSONColumn.decode([StageResult].self, $0) })
    }
}

/// An assignment as its evaluator sees it: who applies (to judge a conflict), then the plan and
/// the criteria once declared, then the panel's other totals once their own card is in.
struct AssignmentDTO: Content {
    let id: UUID
    let panelID: UUID
    let programme: String
    let callID: UUID
    let stageID: String
    let stageTitle: String
    let round: Int
    let applicationID: UUID
    let status: AssignmentStatus
    let conflict: String?
    let disclosure: [String]
    let criteria: [Criterion]?
    let application: ApplicationDTO?
    let collaborationApplication: CollaborationApplicationDTO?
    let myScorecard: Scorecard?
    let otherEvaluatorTotals: [Double]?
    let scoresHidden: Bool

    /// What the assignments of one panel share (the panel, its stage, its entrants), read once
    /// when a list shows many assignments rather than once per assignment.
    final class PanelContext {
        struct Entry {
            let panel: EvaluationPanelRecord
            let programme: any EvaluationProgramme
            let stage: EvaluationStage
            let entrants: [UUID: EvaluationEntrant]
        }

        private var entries: [UUID: Entry] = [:]

        func entry(for panelID: UUID, on database: any Database) async throws -> Entry {
            if let known = entries[panelID] { return known }
            let panel = try await EvaluationPanels.findPanel(panelID.uuidString, on: database)
            let (programme, stage, index) = try await EvaluationPanels.stage(of: panel, on: database)
            let entrants = try await programme.entrants(callID: panel.callID, stageIndex: index, on: database)
            let entry = Entry(
                panel: panel, programme: programme, stage: stage,
                entrants: Dictionary(entrants.map { ($0.applicationID, $0) }, uniquingKeysWith: { first, _ in first }))
            entries[panelID] = entry
            return entry
        }
    }

    static func make(
        _ record: EvaluationAssignmentRecord, detail: Bool, context: PanelContext = PanelContext(),
        on request: Request
    ) async throws -> AssignmentDTO {
        let database = request.db
        let shared = try await context.entry(for: record.panelID, on: database)
        let (panel, programme, stage) = (shared.panel, shared.programme, shared.stage)
        let entrant = shared.entrants[record.applicationID]
        let cleared = record.status.isCleared
        var application: ApplicationDTO?
        if detail && cleared && programme.id == DesignationEvaluation.shared.id,
            let found = try await DesignationApplicationRecord.find(record.applicationID, on: database)
        {
            let call = try await DesignationCalls.find(found.callID.uuidString, on: database)
            application = try ApplicationDTO(
                found, call: call, now: request.now, knownRules: NationalRules.ids(request.application), feedback: nil)
        }
        var collaboration: CollaborationApplicationDTO?
        if detail && cleared && programme.id == CollaborationEvaluation.shared.id,
            let found = try await CollaborationApplicationRecord.find(record.applicationID, on: database)
        {
            collaboration = try await CollaborationApplicationDTO.make(found, for: request)
        }
        let card = try await EvaluationScorecardRecord.query(on: database).filter(\.$assignmentID == record.requireID())
            .sort(\.$round, .descending).first()
        let peers = detail ? try await EvaluationPanels.peerScores(for: record, on: database) : nil
        return AssignmentDTO(
            id: try record.requireID(), panelID: record.panelID, programme: panel.programme, callID: panel.callID,
            stageID: stage.id,
            stageTitle: Strings.pick(stage.titleKorean, stage.titleEnglish, request.language), round: panel.round,
            applicationID: record.applicationID,
            status: record.status, conflict: record.conflictText, disclosure: entrant?.disclosure ?? [],
            criteria: cleared ? stage.criteria : nil, application: application, collaborationApplication: collaboration,
            myScorecard: try card.map { try JSONColumn.decode(Scorecard.self, $0.cardJSON) },
            otherEvaluatorTotals: peers, scoresHidden: peers == nil)
    }
}
