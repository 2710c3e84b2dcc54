import Fluent
import Foundation
import TeukguCore

/// One version of the whole rulebook set: every file's text, so any version can be rebuilt exactly.
final class RulebookVersionRecord: Model, @unchecked Sendable {
    static let schema = "rulebook_versions"
    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: Int
    @Field(key: "status") var status: RulebookVersionStatus
    /// Published versions apply to requests whose as-of date is on or after this day.
    @OptionalField(key: "effective_from") var effectiveFrom: String?
    /// JSON: `[{"file": "...", "text": "..."}]`.
    @Field(key: "sources") var sources: String
    @Field(key: "note") var note: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "published_at") var publishedAt: Date?

    init() {}
}

/// One answer to "may I do this here?", stored before it is given.
final class RegulationDecisionRecord: Model, @unchecked Sendable {
    static let schema = "regulation_decisions"
    @ID(key: .id) var id: UUID?
    @Field(key: "decided_at") var decidedAt: Date
    @Field(key: "district") var district: String
    @Field(key: "as_of") var asOf: String
    @Field(key: "outcome") var outcome: String
    /// The request as received (canonical JSON), so replay uses the same inputs.
    @Field(key: "request") var request: String
    /// The full decision JSON as answered.
    @Field(key: "decision") var decision: String
    /// Rule ids of the reasons and missing fact paths, space-separated, for statistics.
    @Field(key: "reason_ids") var reasonIDs: String
    @Field(key: "missing_facts") var missingFacts: String
    @Field(key: "version_id") var versionID: UUID
    @OptionalField(key: "account_id") var accountID: UUID?
    @OptionalField(key: "company_id") var companyID: UUID?
    /// `api` or `page`.
    @Field(key: "channel") var channel: String
    @OptionalField(key: "continues") var continues: UUID?

    init() {}
}

/// A what-if run of a draft version over logged decisions, done in the background.
final class WhatIfJobRecord: Model, @unchecked Sendable {
    static let schema = "what_if_jobs"
    @ID(key: .id) var id: UUID?
    @Field(key: "version_id") var versionID: UUID
    @Field(key: "from_day") var fromDay: String
    @Field(key: "to_day") var toDay: String
    @Field(key: "status") var status: BackgroundJobStatus
    @Field(key: "processed") var processed: Int
    @Field(key: "total") var total: Int
    @Field(key: "changed") var changed: Int
    /// JSON report once finished.
    @OptionalField(key: "report") var report: String?
    @OptionalField(key: "requested_by") var requestedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}
}

/// A fixed-window counter, kept in the database so every instance limits alike.
final class RateLimitRecord: Model, @unchecked Sendable {
    static let schema = "rate_limits"
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "window_start") var windowStart: Int64
    @Field(key: "count") var count: Int

    init() {}
}
