import Fluent
import Foundation
import TeukguCore

/// A partner's track in one programme year, run by an operating organisation.
final class CollaborationTrackRecord: Model, @unchecked Sendable {
    static let schema = "collaboration_tracks"
    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: Int
    @Field(key: "partner_id") var partnerID: String
    @Field(key: "name") var name: String
    @Field(key: "capacity") var capacity: Int
    @Field(key: "sector_focus") var sectorFocus: String
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    /// The partner's own words about the track, curated by partner staff.
    @Field(key: "description") var description: String
    @Field(key: "offer") var offer: String
    /// The evaluation stage the track is in; equal to the stage count once ranked.
    @Field(key: "stage_index") var stageIndex: Int
    /// The track's share of its call's budget, when it has one; agreements then commit from it.
    @OptionalField(key: "budget_won") var budgetWon: Int64?
    /// `CostShareRatios` as JSON; nil for the programme's default.
    @OptionalField(key: "cost_share_json") var costShareJSON: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A year's call of the collaboration programme.
final class CollaborationCallRecord: Model, @unchecked Sendable {
    static let schema = "collaboration_calls"
    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: Int
    @Field(key: "title") var title: String
    @OptionalField(key: "title_english") var titleEnglish: String?
    @Field(key: "opens_at") var opensAt: Date
    @Field(key: "closes_at") var closesAt: Date
    @Field(key: "eligibility_json") var eligibilityJSON: String
    /// The cap per startup, resolved from `collaboration.grantCap` on the opening day, with its citation.
    @Field(key: "grant_cap_won") var grantCapWon: Int64
    @Field(key: "grant_cap_citation") var grantCapCitation: String
    @Field(key: "budget_won") var budgetWon: Int64
    /// `single` (one track, today's rule) or `ranked` (up to `max_choices` tracks, deferred acceptance).
    @Field(key: "choice_mode") var choiceMode: String
    @Field(key: "max_choices") var maxChoices: Int
    @Field(key: "stages_json") var stagesJSON: String
    @Field(key: "status") var status: CallStatus
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A startup's application to a call: its ranked track choices, plan and requested amount.
final class CollaborationApplicationRecord: Model, @unchecked Sendable {
    static let schema = "collaboration_applications"
    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "company_id") var companyID: UUID
    @Field(key: "choices_json") var choicesJSON: String
    @Field(key: "plan") var plan: String
    @Field(key: "requested_won") var requestedWon: Int64
    @Field(key: "documents_json") var documentsJSON: String
    @Field(key: "status") var status: ApplicationStatus
    @OptionalField(key: "receipt_number") var receiptNumber: String?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "submitted_order") var submittedOrder: Int?
    @Field(key: "outcome") var outcome: ApplicationOutcome
    @OptionalField(key: "info_request") var infoRequest: String?
    @OptionalField(key: "assigned_track_id") var assignedTrackID: UUID?
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// The confirmed matching of a call, with each applicant's explanation.
final class CollaborationMatchingRecord: Model, @unchecked Sendable {
    static let schema = "collaboration_matchings"
    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "result_json") var resultJSON: String
    @Field(key: "confirmed_by") var confirmedBy: UUID
    @Timestamp(key: "confirmed_at", on: .create) var confirmedAt: Date?

    init() {}
}
