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

    static func forApplication(
        _ applicationID: UUID, programme: String, callID: UUID, stages: [EvaluationStage], language: String,
        on database: any Database
    ) async throws -> [StageFeedback] {
        let batch = try await Batch.load(
            programme: programme, callIDs: [callID], applicationIDs: [applicationID], on: database)
        return try batch.feedback(applicationID, callID: callID, stages: stages, language: language)
    }

    /// The finalised panels and submitted scorecards behind the feedback of many applications,
    /// loaded in three queries, so a list of applications does not query per application.
    struct Batch {
        let panelsByCall: [UUID: [EvaluationPanelRecord]]
        /// The latest card of each submitted assignment, by panel and application.
        let cards: [UUID: [UUID: [EvaluationScorecardRecord]]]

        static func load(
            programme: String, callIDs: [UUID], applicationIDs: [UUID], on database: any Database
        ) async throws -> Batch {
            guard !callIDs.isEmpty, !applicationIDs.isEmpty else { return Batch(panelsByCall: [:], cards: [:]) }
            let panels = try await EvaluationPanelRecord.query(on: database).filter(\.$programme == programme).filter(
                \.$callID ~~ Array(Set(callIDs))
            )
            .filter(\.$status == .finalised).all()
            let panelIDs = panels.compactMap(\.id)
            var assignments: [EvaluationAssignmentRecord] = []
            for chunk in Array(Set(applicationIDs)).queryChunks where !panelIDs.isEmpty {
                assignments += try await EvaluationAssignmentRecord.query(on: database).filter(\.$panelID ~~ panelIDs)
                    .filter(\.$applicationID ~~ chunk).filter(\.$status == .submitted).all()
            }
            var latest: [UUID: EvaluationScorecardRecord] = [:]
            for chunk in assignments.compactMap(\.id).queryChunks {
                for card in try await EvaluationScorecardRecord.query(on: database).filter(\.$assignmentID ~~ chunk)
                    .sort(\.$round).all()
                {
                    latest[card.assignmentID] = card
                }
            }
            var cards: [UUID: [UUID: [EvaluationScorecardRecord]]] = [:]
            for assignment in assignments {
                guard let id = assignment.id, let card = latest[id] else { continue }
                cards[assignment.panelID, default: [:]][assignment.applicationID, default: []].append(card)
            }
            return Batch(panelsByCall: Dictionary(grouping: panels, by: \.callID), cards: cards)
        }

        /// One application's feedback for the stages of one call (a collaboration panel's call is its track).
        func feedback(
            _ applicationID: UUID, callID: UUID, stages: [EvaluationStage], language: String
        ) throws -> [StageFeedback] {
            let panels = panelsByCall[callID] ?? []
            var feedback: [StageFeedback] = []
            for stage in stages {
                guard let panel = panels.first(where: { $0.stageID == stage.id }), let json = panel.resultsJSON,
                    let panelID = panel.id
                else { continue }
                let results = try JSONColumn.decode([StageResult].self, json)
                guard let result = results.first(where: { $0.applicationID == applicationID.uuidString }) else {
                    continue
                }
                var comments: [Comment] = []
                for card in (cards[panelID]?[applicationID] ?? []).sorted(by: { $0.total > $1.total }) {
                    let scorecard = try JSONColumn.decode(Scorecard.self, card.cardJSON)
                    for criterion in stage.criteria {
                        if let entry = scorecard.entries[criterion.id] {
                            comments.append(
                                Comment(
                                    criterion: Strings.pick(criterion.titleKorean, criterion.titleEnglish, language),
                                    text: entry.justification))
                        }
                    }
                }
                feedback.append(
                    StageFeedback(
                        stageID: stage.id, stageTitle: Strings.pick(stage.titleKorean, stage.titleEnglish, language),
                        score: result.score, rank: result.rank, of: results.count, advances: result.advances,
                        comments: comments))
            }
            return feedback
        }
    }
}

extension StageResult {
    /// The message an applicant gets when a stage is final: score, rank, and whether they advance.
    var announcement: String {
        String(
            format: "점수 %.2f, 순위 %d — %@. Score %.2f, rank %d — %@.", score, rank, advances ? "통과" : "미통과",
            score, rank, advances ? "advances" : "does not advance")
    }
}
