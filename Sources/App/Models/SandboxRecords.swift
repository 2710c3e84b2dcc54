import Fluent
import Foundation
import TeukguCore

/// A rapid confirmation, demonstration exemption or temporary permit a company filed in a district.
/// Dates that the law counts are calendar days (`YYYY-MM-DD`), as the clocks count them.
final class SandboxCaseRecord: Model, @unchecked Sendable {
    static let schema = "sandbox_cases"
    @ID(key: .id) var id: UUID?
    /// The receipt number people quote: `SB-2026-0001`.
    @Field(key: "number") var number: String
    @Field(key: "kind") var kind: SandboxCaseKind
    @Field(key: "status") var status: SandboxCaseStatus
    @Field(key: "company_id") var companyID: UUID
    @Field(key: "district_id") var districtID: String
    @Field(key: "region_id") var regionID: String
    @Field(key: "title") var title: String
    /// What the company wants to do, and the regulation or permit it asks about.
    @Field(key: "activity") var activity: String
    @Field(key: "question") var question: String
    @Field(key: "documents_json") var documentsJSON: String
    @Field(key: "filed_at") var filedAt: Date
    /// The day the competent ministries were notified: the answer clock starts here.
    @OptionalField(key: "notified_on") var notifiedOn: String?
    /// Supplementation pauses as `[{"from": day, "to": day or null}]`.
    @Field(key: "pauses_json") var pausesJSON: String
    /// Days of the one review extension granted (exemptions and permits), 0 when none.
    @Field(key: "extension_days") var extensionDays: Int
    /// The answer's words and the day it was given (or the legal day of a deemed answer).
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "answered_on") var answeredOn: String?
    /// Which server instance settled a deemed answer, so a run of several instances can be audited.
    @OptionalField(key: "settled_by") var settledBy: String?
    /// A grant's national rule ids, validity (`YYYY-MM-DD`, both days included) and conditions.
    @OptionalField(key: "grant_exempts_json") var grantExemptsJSON: String?
    @OptionalField(key: "valid_from") var validFrom: String?
    @OptionalField(key: "valid_until") var validUntil: String?
    @OptionalField(key: "grant_conditions_json") var grantConditionsJSON: String?
    /// A temporary permit extended once: after `validUntil` it is deemed extended until the law is
    /// revised (art. 90(12)), which `law-revised` records.
    @OptionalField(key: "open_until_revision") var openUntilRevision: Bool?
    /// For a temporary permit granted on conversion (art. 87(8)): the exemption it replaces.
    @OptionalField(key: "converted_from_id") var convertedFromID: UUID?
    /// The running clock's due day, for queues and due-soon counts (`SandboxDue`); nil when none runs.
    @OptionalField(key: "due_on") var dueOn: String?
    /// The competent ministries notified and their answers (`CompetentMinistry`), as JSON.
    @OptionalField(key: "ministries_json") var ministriesJSON: String?
    /// For a demonstration exemption filed by a company outside the zone taking part in its business
    /// (art. 86(1)): how it takes part. Nil for a filer in the zone.
    @OptionalField(key: "outside_zone_participation") var outsideZoneParticipation: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// One step of a case's history: who did what, when, with which note and documents.
final class SandboxCaseEventRecord: Model, @unchecked Sendable {
    static let schema = "sandbox_case_events"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "at") var at: Date
    /// The legal day of the step (the notification day, the deemed day).
    @Field(key: "on_day") var onDay: String
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_label") var actorLabel: String
    @Field(key: "event") var event: String
    @Field(key: "note") var note: String
    @Field(key: "documents_json") var documentsJSON: String

    init() {}
}
