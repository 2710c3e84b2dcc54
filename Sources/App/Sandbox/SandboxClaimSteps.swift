import Fluent
import Foundation
import TeukguCore
import Vapor

/// Recording, settling and reporting claims. Only the case's company records them; its region and
/// the ministry read them with the case (the committee does not see claimants' particulars).
enum SandboxClaimSteps {
    static func mayRead(_ record: SandboxCaseRecord, _ account: CurrentAccount) -> Bool {
        account.role.isMinistry || (account.role == .regionalOfficial && account.regionID == record.regionID)
            || (account.role == .companyMember && account.companyID == record.companyID)
    }

    static func list(_ record: SandboxCaseRecord, on database: any Database) async throws -> [SandboxClaimRecord] {
        try await SandboxClaimRecord.query(on: database).filter(\.$caseID == record.requireID()).sort(\.$createdAt)
            .all()
    }

    static func receive(
        _ input: ClaimInput, on record: SandboxCaseRecord, by account: CurrentAccount, now: Date,
        database: any Database
    ) async throws -> SandboxClaimRecord {
        try requireCompany(record, account)
        guard record.kind != .rapidConfirmation, record.validFrom != nil else {
            throw AppError.conflict("not_granted", "Claims arise under a granted exemption or permit.")
        }
        let today = CalendarDate(instant: now)
        var issues: [FieldIssue] = []
        func text(_ value: String, _ field: String, max: Int, ko: String, en: String) -> String {
            let trimmed = value.trimmed
            if trimmed.isEmpty || trimmed.count > max {
                issues.append(FieldIssue(field: field, korean: ko, english: en))
            }
            return trimmed
        }
        let claimant = text(
            input.claimant, "claimant", max: 200, ko: "신청인 이름을 적어 주세요.", en: "Give the claimant's name.")
        let address = text(
            input.address, "address", max: 500, ko: "신청인 주소를 적어 주세요.", en: "Give the claimant's address.")
        let accident = text(
            input.accident, "accident", max: 4_000, ko: "사고 일시·장소와 내용을 적어 주세요.",
            en: "Describe the accident: when, where and what happened.")
        let basis = text(
            input.basis, "basis", max: 4_000, ko: "손해금액의 산출 기준을 적어 주세요.", en: "Say how the amount was worked out.")
        if !(1...1_000_000_000_000).contains(input.amountWon) {
            issues.append(
                FieldIssue(
                    field: "amountWon", korean: "손해금액은 1원 이상 1조 원 이하입니다.",
                    english: "The amount is 1 won to 1 trillion won."))
        }
        let accidentOn = try DateInput.required(input.accidentOn, field: "accidentOn")
        let receivedOn = try DateInput.required(input.receivedOn, field: "receivedOn")
        if receivedOn > today || accidentOn > receivedOn {
            issues.append(
                FieldIssue(
                    field: "receivedOn", korean: "사고일 ≤ 접수일 ≤ 오늘이어야 합니다.",
                    english: "The accident comes before the claim, and the claim is not in the future."))
        }
        guard issues.isEmpty else { throw AppError(.badRequest, "invalid_claim", issues: issues) }
        let claim = SandboxClaimRecord()
        claim.caseID = try record.requireID()
        claim.claimant = claimant
        claim.address = address
        claim.relation = input.relation?.trimmed.nilIfEmpty.map { String($0.prefix(200)) }
        claim.accidentOn = accidentOn.iso
        claim.accident = accident
        claim.amountWon = input.amountWon
        claim.basis = basis
        claim.receivedOn = receivedOn.iso
        claim.insured = try await SandboxCompensation.agreedPlan(record, on: database) == nil
        claim.status = SandboxClaimStatus.received.rawValue
        claim.createdAt = now
        try await database.transaction { transaction in
            let count = try await SandboxClaimRecord.query(on: transaction).filter(\.$caseID == claim.caseID).count()
            claim.number = "C-\(count + 1)"
            try await claim.create(on: transaction)
            try await SandboxCases.history(
                record, event: "claim-received", on: receivedOn, note: "\(claim.number): \(claim.amountWon) KRW",
                documents: [], actor: account.auditActor, at: now, on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "sandbox.claim-received",
                targetType: "sandbox-case", targetID: try record.requireID().uuidString,
                after: ["claim": claim.number, "amountWon": "\(claim.amountWon)"], at: now)
            // Receiving a claim is reported to the ministry and the region without delay (art. 62(5)).
            try await SandboxCases.tell(
                roles: [.ministryOfficer], about: record, subject: ("손해배상 신청 접수", "A damage claim was received"),
                on: transaction)
            try await SandboxCases.tell(
                region: record.regionID, about: record, subject: ("손해배상 신청 접수", "A damage claim was received"),
                on: transaction)
        }
        return claim
    }

    static func settle(
        _ input: ClaimSettlementInput, claim: SandboxClaimRecord, on record: SandboxCaseRecord,
        by account: CurrentAccount, now: Date, database: any Database
    ) async throws {
        try requireCompany(record, account)
        guard claim.status == SandboxClaimStatus.received.rawValue else {
            throw AppError.conflict("claim_settled", "This claim was paid or refused already.")
        }
        let day = try DateInput.required(input.on, field: "on")
        guard let received = CalendarDate(iso: claim.receivedOn), day >= received, day <= CalendarDate(instant: now)
        else {
            throw AppError.invalid("invalid_date", "The settlement day lies between the claim and today.")
        }
        switch input.outcome {
        case .paid:
            guard let paid = input.paidWon, (1...claim.amountWon).contains(paid) else {
                throw AppError.invalid("invalid_amount", "The amount paid is 1 won up to the amount claimed.")
            }
            claim.paidWon = paid
        case .refused:
            guard let reason = input.reason?.trimmed.nilIfEmpty, reason.count <= 4_000 else {
                throw AppError.invalid(
                    "refusal_reason_required",
                    "A refusal states its reasons, as the claimant is told in writing (Decree art. 62(4)).")
            }
            claim.refusalReason = reason
        case .received:
            throw AppError.invalid("invalid_outcome", "A claim is settled as paid or refused.")
        }
        claim.status = input.outcome.rawValue
        claim.settledOn = day.iso
        try await database.transaction { transaction in
            try await claim.save(on: transaction)
            try await SandboxCases.history(
                record, event: "claim-\(input.outcome.rawValue)", on: day, note: claim.number, documents: [],
                actor: account.auditActor, at: now, on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "sandbox.claim-\(input.outcome.rawValue)",
                targetType: "sandbox-case", targetID: try record.requireID().uuidString,
                after: ["claim": claim.number], at: now)
        }
    }

    static func report(
        _ input: ClaimReportInput, claim: SandboxClaimRecord, on record: SandboxCaseRecord, by account: CurrentAccount,
        now: Date, database: any Database
    ) async throws {
        try requireCompany(record, account)
        guard let settled = claim.settledOn.flatMap(CalendarDate.init(iso:)) else {
            throw AppError.conflict("claim_not_settled", "A claim's result is reported once it is paid or refused.")
        }
        guard claim.reportedOn == nil else {
            throw AppError.conflict("claim_reported", "The result was reported already.")
        }
        let day = try DateInput.required(input.on, field: "on")
        guard day >= settled, day <= CalendarDate(instant: now) else {
            throw AppError.invalid("invalid_date", "The report day lies between the settlement and today.")
        }
        claim.reportedOn = day.iso
        try await database.transaction { transaction in
            try await claim.save(on: transaction)
            try await SandboxCases.history(
                record, event: "claim-reported", on: day, note: claim.number, documents: [],
                actor: account.auditActor, at: now, on: transaction)
        }
    }

    static func find(
        _ id: String?, in record: SandboxCaseRecord, on database: any Database
    ) async throws
        -> SandboxClaimRecord
    {
        guard let id = id.flatMap(UUID.init(uuidString:)),
            let claim = try await SandboxClaimRecord.find(id, on: database), claim.caseID == record.id
        else { throw AppError.notFound("claim") }
        return claim
    }

    private static func requireCompany(_ record: SandboxCaseRecord, _ account: CurrentAccount) throws {
        guard account.role == .companyMember, account.companyID == record.companyID else {
            throw AppError(.forbidden, "not_your_step", "Only the case's company records its claims.")
        }
    }
}
