import Fluent
import Foundation
import SQLKit
import TeukguCore

/// A benefit a partner gave a startup on its track.
final class GrantBenefitRecord: Model, @unchecked Sendable {
    static let schema = "grant_benefits"
    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "kind") var kind: PartnerBenefitKind
    @Field(key: "description") var description: String
    @OptionalField(key: "value_amount") var valueAmount: Int64?
    @OptionalField(key: "currency") var currency: String?
    @OptionalField(key: "sessions") var sessions: Int?
    @Field(key: "provided_on") var providedOn: String
    @Field(key: "recorded_by") var recordedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A startup's results for a half-year: reported by the startup, confirmed (or sent back) by the
/// operating organisation.
final class GrantOutcomeRecord: Model, @unchecked Sendable {
    static let schema = "grant_outcomes"
    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "period") var period: String
    @Field(key: "hires") var hires: Int
    @Field(key: "follow_on_investment_won") var followOnInvestmentWon: Int64
    @Field(key: "revenue_won") var revenueWon: Int64
    @Field(key: "overseas_revenue_won") var overseasRevenueWon: Int64
    @Field(key: "acquisitions") var acquisitions: Int
    @Field(key: "patents") var patents: Int
    @Field(key: "partner_pocs") var partnerPocs: Int
    /// `reported`, `confirmed` or `returned`.
    @Field(key: "state") var state: String
    @OptionalField(key: "review_note") var reviewNote: String?
    @Field(key: "reported_by") var reportedBy: UUID
    @OptionalField(key: "confirmed_by") var confirmedBy: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var outcome: GrantOutcome {
        GrantOutcome(
            period: period, hires: hires, followOnInvestment: Money(won: followOnInvestmentWon),
            revenue: Money(won: revenueWon), overseasRevenue: Money(won: overseasRevenueWon),
            acquisitions: acquisitions,
            patents: patents, partnerPocs: partnerPocs)
    }

    struct Migration: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(GrantBenefitRecord.schema).id()
                .field("agreement_id", .uuid, .required).field("kind", .string, .required)
                .field("description", .string, .required).field("value_amount", .int64).field("currency", .string)
                .field("sessions", .int).field("provided_on", .string, .required)
                .field("recorded_by", .uuid, .required).field("created_at", .datetime)
                .create()
            try await database.schema(GrantOutcomeRecord.schema).id()
                .field("agreement_id", .uuid, .required).field("period", .string, .required)
                .field("hires", .int, .required).field("follow_on_investment_won", .int64, .required)
                .field("revenue_won", .int64, .required).field("overseas_revenue_won", .int64, .required)
                .field("acquisitions", .int, .required).field("patents", .int, .required)
                .field("partner_pocs", .int, .required).field("state", .string, .required)
                .field("review_note", .string).field("reported_by", .uuid, .required).field("confirmed_by", .uuid)
                .field("updated_at", .datetime)
                .unique(on: "agreement_id", "period")
                .create()
            if let sql = database as? any SQLDatabase {
                try await sql.create(index: "grant_benefits_agreement").on(GrantBenefitRecord.schema)
                    .column("agreement_id").run()
            }
        }

        func revert(on database: any Database) async throws {
            try await database.schema(GrantOutcomeRecord.schema).delete()
            try await database.schema(GrantBenefitRecord.schema).delete()
        }
    }
}
