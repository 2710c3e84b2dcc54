import Fluent
import Foundation
import TeukguCore

/// A ministry call for district designations. Stages and the balance policy are JSON of the core types.
final class DesignationCallRecord: Model, @unchecked Sendable {
    static let schema = "designation_calls"
    @ID(key: .id) var id: UUID?
    @Field(key: "round") var round: Int
    /// The Korean title (and the only one for calls opened before English titles were kept).
    @Field(key: "title") var title: String
    @OptionalField(key: "title_english") var titleEnglish: String?
    @Field(key: "description") var description: String
    @OptionalField(key: "description_english") var descriptionEnglish: String?
    @Field(key: "opens_at") var opensAt: Date
    @Field(key: "closes_at") var closesAt: Date
    /// From round 2 city, county and district governments may apply as well as the 17 regions.
    @Field(key: "local_governments_eligible") var localGovernmentsEligible: Bool
    @Field(key: "cap") var cap: Int
    @Field(key: "stages_json") var stagesJSON: String
    @Field(key: "balance_json") var balanceJSON: String
    @Field(key: "status") var status: CallStatus
    /// Index into the stages of the stage now being evaluated.
    @Field(key: "stage_index") var stageIndex: Int
    /// Published counts of a past round (governments, projects, per stage), for historical calls.
    @OptionalField(key: "funnel_json") var funnelJSON: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A regional government's application to a call; the plan is JSON of `DistrictPlan`.
final class DesignationApplicationRecord: Model, @unchecked Sendable {
    static let schema = "designation_applications"
    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "region_id") var regionID: String
    @Field(key: "applicant_name") var applicantName: String
    /// `metropolitan` (시·도) or `local` (시·군·구).
    @Field(key: "applicant_level") var applicantLevel: String
    @Field(key: "status") var status: ApplicationStatus
    @Field(key: "plan_json") var planJSON: String
    @Field(key: "revision") var revision: Int
    @OptionalField(key: "receipt_number") var receiptNumber: String?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    /// Order of first submission within the call; the documented tie-break.
    @OptionalField(key: "submitted_order") var submittedOrder: Int?
    @OptionalField(key: "info_request") var infoRequest: String?
    /// Where the application got to in its call.
    @Field(key: "outcome") var outcome: ApplicationOutcome
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// Every saved version of a plan, so a request for more information never loses what was submitted.
final class DesignationRevisionRecord: Model, @unchecked Sendable {
    static let schema = "designation_revisions"
    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "revision") var revision: Int
    @Field(key: "plan_json") var planJSON: String
    @Field(key: "event") var event: String
    @Field(key: "saved_by") var savedBy: UUID
    @Timestamp(key: "saved_at", on: .create) var savedAt: Date?

    init() {}
}

/// The confirmed candidates of a call, with the proposal they came from and any override reason.
final class DesignationSelectionRecord: Model, @unchecked Sendable {
    static let schema = "designation_selections"
    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "proposal_json") var proposalJSON: String
    @Field(key: "chosen_json") var chosenJSON: String
    @OptionalField(key: "override_reason") var overrideReason: String?
    @Field(key: "confirmed_by") var confirmedBy: UUID
    @Timestamp(key: "confirmed_at", on: .create) var confirmedAt: Date?

    init() {}
}

/// One candidate's statutory procedure; the state is JSON of the core `ProcedureState`.
final class DesignationProcedureRecord: Model, @unchecked Sendable {
    static let schema = "designation_procedures"
    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "call_id") var callID: UUID
    @Field(key: "region_id") var regionID: String
    @Field(key: "title") var title: String
    @Field(key: "state_json") var stateJSON: String
    @Field(key: "current_step") var currentStep: String
    @OptionalField(key: "district_id") var districtID: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A district in operation: its term, zone operators and plan changes (JSON of app-level types).
final class DistrictOperationRecord: Model, @unchecked Sendable {
    static let schema = "district_operations"
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "term_json") var termJSON: String
    @Field(key: "operators_json") var operatorsJSON: String
    @Field(key: "changes_json") var changesJSON: String
    @Field(key: "kpis_json") var kpisJSON: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// One year's evaluation of a district: KPI actuals, the region's self-evaluation, the panel's score.
final class DistrictEvaluationRecord: Model, @unchecked Sendable {
    static let schema = "district_evaluations"
    @ID(key: .id) var id: UUID?
    @Field(key: "district_id") var districtID: String
    @Field(key: "year") var year: Int
    @Field(key: "actuals_json") var actualsJSON: String
    @OptionalField(key: "self_score") var selfScore: Double?
    @Field(key: "self_comment") var selfComment: String
    @OptionalField(key: "panel_score") var panelScore: Double?
    @OptionalField(key: "panel_comment") var panelComment: String?
    @OptionalField(key: "grade") var grade: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
