import Foundation
import TeukguCore

/// One evaluation panel as the ministry runs it: progress, each application's mean, spread and
/// outliers by name, the assignments with their state in words, the consensus and finalise forms
/// while it scores, and the ranked results once final. Built from the panel as loaded once.
struct EvaluationPanelPage: Encodable {
    struct Row: Encodable {
        let applicationID: String
        let label: String
        let mean: String
        let spread: String
        let outlier: Bool
        let scores: [String]
    }

    struct Assignment: Encodable {
        let evaluator: String
        let application: String
        let statusText: String
        let conflict: String?
    }

    struct Result: Encodable {
        let rank: Int
        let application: String
        let score: String
        let verdict: String
    }

    let stageTitle: String
    let statusText: String
    let round: Int
    let submittedScorecards: Int
    let expectedScorecards: Int
    let callHref: String
    let rows: [Row]
    let assignments: [Assignment]
    let results: [Result]
    let consensusAction: String
    let finaliseAction: String
    let open: Bool

    /// `labels` names each application as evaluators see it (receipt number and plan or company).
    init(
        _ panel: PanelDTO, record: EvaluationPanelRecord, stage: EvaluationStage, labels: [UUID: String],
        callHref: String, language: String
    ) throws {
        func label(_ id: UUID) -> String { labels[id] ?? Strings.text("panel.unknownApplication", language) }
        stageTitle = Strings.pick(stage.titleKorean, stage.titleEnglish, language)
        statusText = record.status.text(language)
        round = panel.round
        submittedScorecards = panel.submittedScorecards
        expectedScorecards = panel.expectedScorecards
        self.callHref = callHref
        rows = panel.applications.map { application in
            Row(
                applicationID: application.applicationID.uuidString, label: label(application.applicationID),
                mean: application.mean.map { String(format: "%.2f", $0) } ?? "—",
                spread: String(format: "%.2f", application.spread), outlier: application.hasOutliers,
                scores: application.scores.map {
                    let round = Strings.format("panel.round", language, $0.round)
                    return "\($0.evaluator): \(String(format: "%.2f", $0.total))\($0.isOutlier ? " ⚠" : "") (\(round))"
                })
        }
        assignments = panel.assignments.map {
            Assignment(
                evaluator: $0.evaluator, application: label($0.applicationID), statusText: $0.status.text(language),
                conflict: $0.conflict)
        }
        results = (panel.results ?? []).map { result in
            Result(
                rank: result.rank,
                application: UUID(uuidString: result.applicationID).map(label) ?? result.applicationID,
                score: String(format: "%.2f", result.score),
                verdict: Strings.text(result.advances ? "panel.advances" : "panel.doesNotAdvance", language))
        }
        let id = try record.requireID().uuidString
        consensusAction = Endpoints.consensusForm.link([.panelID: id])
        finaliseAction = Endpoints.finaliseForm.link([.panelID: id])
        open = record.status == .scoring
    }
}
