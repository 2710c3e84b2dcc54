import Fluent
import Foundation
import TeukguCore

/// One stage of one call's evaluation, for either programme. `round` counts consensus rounds.
final class EvaluationPanelRecord: Model, @unchecked Sendable {
    static let schema = "evaluation_panels"
    @ID(key: .id) var id: UUID?
    /// `designation` or `collaboration`.
    @Field(key: "programme") var programme: String
    @Field(key: "call_id") var callID: UUID
    @Field(key: "stage_id") var stageID: String
    @Field(key: "round") var round: Int
    @Field(key: "status") var status: PanelStatus
    @OptionalField(key: "results_json") var resultsJSON: String?
    @OptionalField(key: "finalised_at") var finalisedAt: Date?

    init() {}
}

/// An evaluator assigned to one application in a panel.
final class EvaluationAssignmentRecord: Model, @unchecked Sendable {
    static let schema = "evaluation_assignments"
    @ID(key: .id) var id: UUID?
    @Field(key: "panel_id") var panelID: UUID
    @Field(key: "evaluator_id") var evaluatorID: UUID
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "status") var status: AssignmentStatus
    @OptionalField(key: "conflict_text") var conflictText: String?
    @OptionalField(key: "declared_at") var declaredAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One evaluator's scorecard for a round; earlier rounds stay for the record.
final class EvaluationScorecardRecord: Model, @unchecked Sendable {
    static let schema = "evaluation_scorecards"
    @ID(key: .id) var id: UUID?
    @Field(key: "assignment_id") var assignmentID: UUID
    @Field(key: "round") var round: Int
    @Field(key: "card_json") var cardJSON: String
    @Field(key: "total") var total: Double
    @Timestamp(key: "submitted_at", on: .create) var submittedAt: Date?

    init() {}
}

/// What an evaluator is tied to (a region, a company by registration number), for conflict detection.
final class EvaluatorAffiliationRecord: Model, @unchecked Sendable {
    static let schema = "evaluator_affiliations"
    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    /// `region` or `company`.
    @Field(key: "kind") var kind: String
    @Field(key: "value") var value: String

    init() {}
}
