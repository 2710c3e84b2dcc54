import Fluent
import Foundation
import TeukguCore
import Vapor

/// A benefit as a client sends it.
struct BenefitInput: StrictJSONInput, Content {
    var kind: PartnerBenefitKind
    var description: String
    var value: Int64?
    var currency: String?
    var sessions: Int?
    var providedOn: String

    static let fields: Set<String> = ["kind", "description", "value", "currency", "sessions", "providedOn"]
}

/// A half-year's outcomes as the startup reports them.
struct OutcomeInput: StrictJSONInput, Content {
    var period: String
    var hires: Int
    var followOnInvestmentWon: Int64
    var revenueWon: Int64
    var overseasRevenueWon: Int64
    var acquisitions: Int
    var patents: Int
    var partnerPocs: Int

    static let fields: Set<String> = [
        "period", "hires", "followOnInvestmentWon", "revenueWon", "overseasRevenueWon", "acquisitions", "patents",
        "partnerPocs",
    ]
}

/// The operating organisation's review of reported outcomes: `confirm` or `return` (with a note).
struct OutcomeReviewInput: StrictJSONInput, Content {
    enum Decision: String, Codable, Sendable, CaseIterable {
        case confirm
        case sendBack = "return"
    }
    var decision: Decision
    var note: String?

    static let fields: Set<String> = ["decision", "note"]
}

extension PartnerBenefitKind: Content {}

/// Partner benefits (recorded by the partner or the operating organisation) and outcomes (reported
/// by the startup, confirmed by the operating organisation).
enum GrantOutcomes {
    static func recordBenefit(
        _ input: BenefitInput, on loaded: GrantAccess.Loaded, by account: CurrentAccount, now: Date,
        on database: any Database
    ) async throws -> GrantBenefitRecord {
        let partner =
            account.role == .partnerStaff && account.partnerID != nil
            && account.partnerID == loaded.track?.partnerID
        guard partner || GrantAccess.canOperate(loaded, account) else {
            throw AppError(
                .forbidden, "forbidden_role", "Benefits are recorded by the track's partner or operating organisation.",
                korean: "혜택은 트랙의 파트너사나 운영기관이 기록합니다.")
        }
        guard loaded.agreement.status != .draft, loaded.agreement.status != .withdrawn else {
            throw AppError(
                .conflict, "agreement_not_running", "Benefits are recorded once the agreement is signed.",
                korean: "협약 체결 후에 혜택을 기록합니다.")
        }
        guard let day = CalendarDate(iso: input.providedOn) else {
            throw AppError(
                .unprocessableEntity, "invalid_benefit",
                issues: [.init(field: "providedOn", korean: "날짜는 YYYY-MM-DD로 씁니다.", english: "Dates are YYYY-MM-DD.")])
        }
        let benefit = PartnerBenefit(
            kind: input.kind, description: input.description, value: input.value,
            currency: input.currency?.uppercased(), sessions: input.sessions, providedOn: day)
        let problems = benefit.problems
        guard problems.isEmpty else {
            throw AppError(
                .unprocessableEntity, "invalid_benefit",
                issues: problems.map {
                    FieldIssue(
                        field: $0.field, korean: "\($0.field) 값을 확인하십시오 (\($0.code)).",
                        english: "Check \($0.field) (\($0.code)).")
                })
        }
        let record = GrantBenefitRecord()
        record.agreementID = try loaded.agreement.requireID()
        record.kind = benefit.kind
        record.description = benefit.description.trimmingCharacters(in: .whitespacesAndNewlines)
        record.valueAmount = benefit.kind == .credits ? benefit.value : nil
        record.currency = benefit.kind == .credits ? benefit.currency : nil
        record.sessions = benefit.kind == .mentoring ? benefit.sessions : nil
        record.providedOn = day.iso
        record.recordedBy = account.id
        try await record.create(on: database)
        try await AuditLog.record(
            on: database, actor: account.auditActor, action: "benefit.record", targetType: "agreement",
            targetID: record.agreementID.uuidString, after: ["kind": benefit.kind.rawValue], at: now)
        return record
    }

    static func report(
        _ input: OutcomeInput, on loaded: GrantAccess.Loaded, by account: CurrentAccount, now: Date,
        on database: any Database
    ) async throws -> GrantOutcomeRecord {
        try GrantAccess.requireStartup(loaded, account)
        guard loaded.agreement.status != .draft, loaded.agreement.status != .withdrawn else {
            throw AppError(
                .conflict, "agreement_not_running", "Outcomes are reported once the agreement is signed.",
                korean: "협약 체결 후에 성과를 보고합니다.")
        }
        let outcome = GrantOutcome(
            period: input.period, hires: input.hires, followOnInvestment: Money(won: input.followOnInvestmentWon),
            revenue: Money(won: input.revenueWon), overseasRevenue: Money(won: input.overseasRevenueWon),
            acquisitions: input.acquisitions, patents: input.patents, partnerPocs: input.partnerPocs)
        let problems = outcome.problems
        guard problems.isEmpty else {
            throw AppError(
                .unprocessableEntity, "invalid_outcome",
                issues: problems.map {
                    FieldIssue(
                        field: $0.field, korean: "\($0.field) 값을 확인하십시오 (\($0.code)).",
                        english: "Check \($0.field) (\($0.code)).")
                })
        }
        let agreementID = try loaded.agreement.requireID()
        // A period is reported once; a report sent back may be reported again.
        let existing = try await GrantOutcomeRecord.query(on: database).filter(\.$agreementID == agreementID)
            .filter(\.$period == input.period).first()
        if let existing, existing.state != "returned" {
            throw AppError(
                .conflict, "outcome_already_reported", "Outcomes for \(input.period) are already reported.",
                korean: "\(input.period) 성과는 이미 보고했습니다.")
        }
        let record = existing ?? GrantOutcomeRecord()
        record.agreementID = agreementID
        record.period = input.period
        record.hires = input.hires
        record.followOnInvestmentWon = input.followOnInvestmentWon
        record.revenueWon = input.revenueWon
        record.overseasRevenueWon = input.overseasRevenueWon
        record.acquisitions = input.acquisitions
        record.patents = input.patents
        record.partnerPocs = input.partnerPocs
        record.state = "reported"
        record.reviewNote = nil
        record.reportedBy = account.id
        try await record.save(on: database)
        try await AuditLog.record(
            on: database, actor: account.auditActor, action: "outcome.report", targetType: "agreement",
            targetID: agreementID.uuidString, after: ["period": input.period], at: now)
        return record
    }

    static func review(
        _ input: OutcomeReviewInput, outcomeID: String?, on loaded: GrantAccess.Loaded, by account: CurrentAccount,
        now: Date, on database: any Database
    ) async throws -> GrantOutcomeRecord {
        try GrantAccess.requireOperator(loaded, account)
        guard let id = outcomeID.flatMap(UUID.init(uuidString:)),
            let found = try await GrantOutcomeRecord.find(id, on: database), found.agreementID == loaded.agreement.id
        else { throw AppError.notFound("outcome") }
        try await RowLock.take(GrantOutcomeRecord.schema, id: id, touching: "state", on: database)
        guard let record = try await GrantOutcomeRecord.find(id, on: database), record.state == "reported" else {
            throw AppError(
                .conflict, "outcome_already_reviewed", "These outcomes were already reviewed.",
                korean: "이미 검토한 성과입니다.")
        }
        if input.decision == .sendBack, (input.note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw AppError(
                .unprocessableEntity, "note_required", "Say what needs correcting.", korean: "무엇을 고쳐야 하는지 적으십시오.")
        }
        record.state = input.decision == .confirm ? "confirmed" : "returned"
        record.reviewNote = input.note
        record.confirmedBy = input.decision == .confirm ? account.id : nil
        try await record.update(on: database)
        try await AuditLog.record(
            on: database, actor: account.auditActor, action: "outcome.\(input.decision.rawValue)",
            targetType: "agreement",
            targetID: record.agreementID.uuidString, after: ["period": record.period], at: now)
        return record
    }
}
