import Fluent
import Foundation
import TeukguCore
import Vapor

/// What an applicant learns once a stage is finalised: score, rank, outcome and the evaluators'
/// justifications, without saying who wrote which.
struct StageFeedback: Content {
    struct Comment: Content {
        let criterion: String
        let text: String
    }

    let stageID: String
    let stageTitle: String
    let score: Double
    let rank: Int
    let of: Int
    let advances: Bool
    let comments: [Comment]

    static func forApplication(_ applicationID: UUID, programme: String, callID: UUID, stages: [EvaluationStage], language: String,
                               on database: any Database) async throws -> [StageFeedback] {
        let panels = try await EvaluationPanelRecord.query(on: database).filter(\.$programme == programme).filter(\.$callID == callID)
            .filter(\.$status == "finalised").all()
        var feedback: [StageFeedback] = []
        for stage in stages {
            guard let panel = panels.first(where: { $0.stageID == stage.id }), let json = panel.resultsJSON else { continue }
            let results = try JSONColumn.decode([StageResult].self, json)
            guard let result = results.first(where: { $0.applicationID == applicationID.uuidString }) else { continue }
            let assignments = try await EvaluationAssignmentRecord.query(on: database).filter(\.$panelID == panel.requireID())
                .filter(\.$applicationID == applicationID).filter(\.$status == "submitted").all()
            let ids = assignments.compactMap(\.id)
            let cards = ids.isEmpty ? [] : try await EvaluationScorecardRecord.query(on: database).filter(\.$assignmentID ~~ ids).sort(\.$round).all()
            var latest: [UUID: EvaluationScorecardRecord] = [:]
            for card in cards { latest[card.assignmentID] = card }
            var comments: [Comment] = []
            for card in latest.values.sorted(by: { $0.total > $1.total }) {
                let scorecard = try JSONColumn.decode(Scorecard.self, card.cardJSON)
                for criterion in stage.criteria {
                    if let entry = scorecard.entries[criterion.id] {
                        comments.append(Comment(criterion: language == "ko" ? criterion.titleKorean : criterion.titleEnglish, text: entry.justification))
                    }
                }
            }
            feedback.append(StageFeedback(stageID: stage.id, stageTitle: language == "ko" ? stage.titleKorean : stage.titleEnglish,
                                          score: result.score, rank: result.rank, of: results.count, advances: result.advances, comments: comments))
        }
        return feedback
    }
}

extension StageResult {
    /// The message an applicant gets when a stage is final: score, rank, and whether they advance.
    var announcement: String {
        String(format: "점수 %.2f, 순위 %d — %@. Score %.2f, rank %d — %@.", score, rank, advances ? "통과" : "미통과",
               score, rank, advances ? "advances" : "does not advance")
    }
}
