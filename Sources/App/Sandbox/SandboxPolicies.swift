import Fluent
import Foundation
import TeukguCore
import Vapor

/// Liability insurance policies filed for a granted case, checked against the Decree art. 60
/// minimums in force on the first valid day.
final class InsurancePolicyRecord: Model, @unchecked Sendable {
    static let schema = "sandbox_insurance_policies"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "company_id") var companyID: UUID
    @Field(key: "insurer") var insurer: String
    @Field(key: "number") var number: String
    @Field(key: "covers_from") var coversFrom: String
    @Field(key: "covers_until") var coversUntil: String
    @Field(key: "death_won") var deathWon: Int64
    @Field(key: "injury_won") var injuryWon: Int64
    @Field(key: "disability_won") var disabilityWon: Int64
    @Field(key: "property_won") var propertyWon: Int64
    @Field(key: "filed_at") var filedAt: Date

    init() {}

    struct Migration: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(InsurancePolicyRecord.schema).id()
                .field("case_id", .uuid, .required, .references(SandboxCaseRecord.schema, "id"))
                .field("company_id", .uuid, .required).field("insurer", .string, .required)
                .field("number", .string, .required).field("covers_from", .string, .required)
                .field("covers_until", .string, .required).field("death_won", .int64, .required)
                .field("injury_won", .int64, .required).field("disability_won", .int64, .required)
                .field("property_won", .int64, .required).field("filed_at", .datetime, .required).create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(InsurancePolicyRecord.schema).delete()
        }
    }
}

struct PolicyInput: StrictJSONInput, Content {
    var insurer: String
    var number: String
    var from: String
    var until: String
    var deathWon: Int64
    var injuryWon: Int64
    var disabilityWon: Int64
    var propertyWon: Int64

    static let fields: Set<String> = [
        "insurer", "number", "from", "until", "deathWon", "injuryWon", "disabilityWon", "propertyWon",
    ]
}

enum SandboxPolicies {
    static func file(
        _ input: PolicyInput, on record: SandboxCaseRecord, by account: CurrentAccount, now: Date,
        database: any Database
    ) async throws {
        guard account.role == .companyMember, account.companyID == record.companyID else {
            throw AppError(.forbidden, "not_your_step", "Only the case's company files its insurance.")
        }
        guard record.status == .granted || record.status == .inUse else {
            throw AppError.conflict("not_granted", "Insurance is filed for a granted exemption or permit.")
        }
        guard !input.insurer.trimmed.isEmpty, input.insurer.count <= 200, !input.number.trimmed.isEmpty,
            input.number.count <= 100
        else { throw AppError.invalid("invalid_policy", "Give the insurer and the policy number.") }
        let from = try DateInput.required(input.from, field: "from")
        let until = try DateInput.required(input.until, field: "until")
        guard until >= from else { throw AppError.invalid("invalid_policy", "The policy ends before it starts.") }
        let amounts = [input.deathWon, input.injuryWon, input.disabilityWon, input.propertyWon]
        guard amounts.allSatisfy({ (0...1_000_000_000_000).contains($0) }) else {
            throw AppError.invalid("invalid_amount", "Cover amounts are whole won from 0 to 1 trillion.")
        }
        let policy = InsurancePolicyRecord()
        policy.caseID = try record.requireID()
        policy.companyID = record.companyID
        policy.insurer = input.insurer.trimmed
        policy.number = input.number.trimmed
        policy.coversFrom = from.iso
        policy.coversUntil = until.iso
        policy.deathWon = input.deathWon
        policy.injuryWon = input.injuryWon
        policy.disabilityWon = input.disabilityWon
        policy.propertyWon = input.propertyWon
        policy.filedAt = now
        try await database.transaction { transaction in
            try await policy.create(on: transaction)
            try await SandboxCases.history(
                record, event: "policy", on: CalendarDate(instant: now), note: "\(policy.insurer) \(policy.number)",
                documents: [], actor: account.auditActor, at: now, on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "sandbox.policy-filed", targetType: "sandbox-case",
                targetID: try record.requireID().uuidString, after: ["policy": policy.number], at: now)
        }
    }

    static func policies(
        _ record: SandboxCaseRecord, on database: any Database
    ) async throws
        -> [InsurancePolicyRecord]
    {
        try await InsurancePolicyRecord.query(on: database).filter(\.$caseID == record.requireID()).sort(\.$filedAt)
            .all()
    }

    /// What is missing before the grant may be used; empty when the insurance suffices.
    static func shortfalls(
        _ record: SandboxCaseRecord, on database: any Database
    ) async throws
        -> [InsuranceCheck.Shortfall]
    {
        try shortfalls(
            record, policies: try await policies(record, on: database),
            catalog: try await LegalTimeStore.catalog(on: database))
    }

    /// The same, over policies and parameters already read.
    static func shortfalls(
        _ record: SandboxCaseRecord, policies records: [InsurancePolicyRecord], catalog: ParameterCatalog
    ) throws -> [InsuranceCheck.Shortfall] {
        guard let from = record.validFrom.flatMap(CalendarDate.init(iso:)),
            let until = record.validUntil.flatMap(CalendarDate.init(iso:))
        else { return [] }
        let policies = records.compactMap { policy -> InsuranceCheck.Policy? in
            guard let start = CalendarDate(iso: policy.coversFrom), let end = CalendarDate(iso: policy.coversUntil)
            else { return nil }
            return InsuranceCheck.Policy(
                number: policy.number, from: start, until: end, death: Money(won: policy.deathWon),
                injury: Money(won: policy.injuryWon), disability: Money(won: policy.disabilityWon),
                property: Money(won: policy.propertyWon))
        }
        return try InsuranceCheck.shortfalls(policies, validFrom: from, validUntil: until, catalog: catalog)
    }
}
