import Foundation
import TeukguCore

/// An evaluator's assignment: who applies (to judge a conflict before anything else is shown), then
/// the application and the criteria once declared free of conflict, the scorecard form, and the
/// panel's other totals once the evaluator's own card is in. Built from the assignment as loaded once.
struct EvaluationAssignmentPage: Encodable {
    struct Criterion: Encodable {
        let id: String
        let title: String
        let weight: Int
        let score: String
        let justification: String
    }

    /// A collaboration application as an evaluator reads it.
    struct StartupApplication: Encodable {
        let company: String
        let tracks: [String]
        let plan: String
        let requested: String
    }

    let stageTitle: String
    let statusText: String
    let conflict: String?
    let planName: String
    let disclosure: [String]
    /// A designation plan, once the evaluator declared no conflict.
    let plan: DistrictPlan?
    /// A collaboration application, once the evaluator declared no conflict.
    let startup: StartupApplication?
    let criteria: [Criterion]
    let hasScorecard: Bool
    let otherTotals: [String]?
    let canDeclare: Bool
    let canScore: Bool
    let declareAction: String
    let scoreAction: String
    let listHref: String
    let error: String?
    /// Scores typed into a refused scorecard, by criterion, shown again rather than lost.
    let typed: [String: String]

    init(_ assignment: AssignmentDTO, language: String, error: String?, typed: [String: String] = [:]) {
        stageTitle = assignment.stageTitle
        statusText = assignment.status.text(language)
        conflict = assignment.conflict
        planName = assignment.disclosure.dropFirst().first ?? ""
        disclosure = assignment.disclosure
        plan = assignment.application?.plan
        startup = assignment.collaborationApplication.map {
            StartupApplication(
                company: $0.company, tracks: $0.choices.map(\.name), plan: $0.plan,
                requested: Money(won: $0.requestedWon).text(language: language))
        }
        let card = assignment.myScorecard
        criteria = (assignment.criteria ?? []).map { criterion in
            Criterion(
                id: criterion.id, title: Strings.pick(criterion.titleKorean, criterion.titleEnglish, language),
                weight: criterion.weight,
                score: typed["score_\(criterion.id)"] ?? card?.entries[criterion.id].map {
                    String(format: "%g", $0.score)
                }
                    ?? "",
                justification: typed["why_\(criterion.id)"] ?? card?.entries[criterion.id]?.justification ?? "")
        }
        hasScorecard = card != nil
        otherTotals =
            assignment.scoresHidden ? nil : assignment.otherEvaluatorTotals?.map { String(format: "%.2f", $0) }
        canDeclare = assignment.status == .awaitingDeclaration
        canScore = assignment.status == .declaredNoConflict
        let id = assignment.id.uuidString
        declareAction = Endpoints.declarationForm.link([.assignmentID: id])
        scoreAction = Endpoints.scorecardForm.link([.assignmentID: id])
        listHref = Endpoints.assignmentsPage.link()
        self.error = error
        self.typed = typed
    }
}
