import Fluent
import Foundation
import TeukguCore
import Vapor

/// A user's claim for damage caused by a demonstration or a temporary permit (arts. 88(1),
/// 90(14)), as the operator records it (Decree art. 62): received with the claimant's particulars,
/// then paid or refused in writing with reasons, then reported to the ministry and the region.
final class SandboxClaimRecord: Model, @unchecked Sendable {
    static let schema = "sandbox_claims"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    /// `C-1`, `C-2` … within the case.
    @Field(key: "number") var number: String
    @Field(key: "claimant") var claimant: String
    @Field(key: "address") var address: String
    /// The claimant's relation to a person who died (Decree art. 62(1)2), when one did.
    @OptionalField(key: "relation") var relation: String?
    @Field(key: "accident_on") var accidentOn: String
    @Field(key: "accident") var accident: String
    @Field(key: "amount_won") var amountWon: Int64
    @Field(key: "basis") var basis: String
    @Field(key: "received_on") var receivedOn: String
    /// Whether the operator holds liability insurance for it; an uninsured operator pays within
    /// 30 days of the claim under its compensation plan (Decree art. 62(3)).
    @Field(key: "insured") var insured: Bool
    /// `received`, `paid` or `refused`.
    @Field(key: "status") var status: String
    @OptionalField(key: "settled_on") var settledOn: String?
    @OptionalField(key: "paid_won") var paidWon: Int64?
    @OptionalField(key: "refusal_reason") var refusalReason: String?
    @OptionalField(key: "reported_on") var reportedOn: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    struct Migration: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(SandboxClaimRecord.schema).id()
                .field("case_id", .uuid, .required, .references(SandboxCaseRecord.schema, "id"))
                .field("number", .string, .required).field("claimant", .string, .required)
                .field("address", .string, .required).field("relation", .string)
                .field("accident_on", .string, .required).field("accident", .string, .required)
                .field("amount_won", .int64, .required).field("basis", .string, .required)
                .field("received_on", .string, .required).field("insured", .bool, .required)
                .field("status", .string, .required).field("settled_on", .string).field("paid_won", .int64)
                .field("refusal_reason", .string).field("reported_on", .string)
                .field("created_at", .datetime, .required)
                .unique(on: "case_id", "number").create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(SandboxClaimRecord.schema).delete()
        }
    }
}

enum SandboxClaimStatus: String, Codable, Sendable, CaseIterable {
    case received
    case paid
    case refused
}

/// A claim as the operator records it on receipt.
struct ClaimInput: StrictJSONInput, Content {
    var claimant: String
    var address: String
    var relation: String?
    var accidentOn: String
    var accident: String
    var amountWon: Int64
    var basis: String
    var receivedOn: String

    static let fields: Set<String> = [
        "claimant", "address", "relation", "accidentOn", "accident", "amountWon", "basis", "receivedOn",
    ]
}

/// Paid (with the amount) or refused (with the reasons the claimant is told in writing).
struct ClaimSettlementInput: StrictJSONInput, Content {
    var outcome: SandboxClaimStatus
    var on: String
    var paidWon: Int64?
    var reason: String?

    static let fields: Set<String> = ["outcome", "on", "paidWon", "reason"]
}

struct ClaimReportInput: StrictJSONInput, Content {
    var on: String

    static let fields: Set<String> = ["on"]
}

struct ClaimDTO: Content {
    let id: UUID
    let number: String
    let claimant: String
    let address: String
    let relation: String?
    let accidentOn: String
    let accident: String
    let amountWon: Int64
    let basis: String
    let receivedOn: String
    let insured: Bool
    let status: SandboxClaimStatus
    let settledOn: String?
    let paidWon: Int64?
    let refusalReason: String?
    let reportedOn: String?

    init(_ record: SandboxClaimRecord) throws {
        id = try record.requireID()
        number = record.number
        claimant = record.claimant
        address = record.address
        relation = record.relation
        accidentOn = record.accidentOn
        accident = record.accident
        amountWon = record.amountWon
        basis = record.basis
        receivedOn = record.receivedOn
        insured = record.insured
        status = SandboxClaimStatus(rawValue: record.status) ?? .received
        settledOn = record.settledOn
        paidWon = record.paidWon
        refusalReason = record.refusalReason
        reportedOn = record.reportedOn
    }
}
