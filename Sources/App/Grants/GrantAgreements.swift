import Fluent
import Foundation
import SQLKit
import TeukguCore

/// Grant agreements from draft to settlement. Each step runs in one transaction with its ledger
/// entries and its audit row; the agreement's row is locked first, so two steps on one agreement
/// never interleave.
enum GrantAgreements {
    /// The programme's cost shares where a track configures none (the public sources state none).
    static let defaultRatios = CostShareRatios(governmentPercent: 70, cashPercent: 10, inKindPercent: 20)

    static func ratios(of track: CollaborationTrackRecord?) -> CostShareRatios {
        guard let text = track?.costShareJSON, let ratios = try? JSONColumn.decode(CostShareRatios.self, text),
            ratios.isValid
        else { return defaultRatios }
        return ratios
    }

    static func terms(of agreement: GrantAgreementRecord) throws -> AgreementTerms {
        try JSONColumn.decode(AgreementTerms.self, agreement.termsJSON)
    }

    // MARK: Draft

    static func draft(
        _ input: AgreementDraftInput, by account: CurrentAccount, now: Date, on database: any Database
    ) async throws -> GrantAgreementRecord {
        guard let application = try await CollaborationApplicationRecord.find(input.applicationID, on: database),
            application.outcome == .selected, let trackID = application.assignedTrackID,
            let track = try await CollaborationTrackRecord.find(trackID, on: database),
            let call = try await CollaborationCallRecord.find(application.callID, on: database)
        else {
            throw AppError(
                .unprocessableEntity, "not_selected", "Agreements are drafted for selected applications only.",
                korean: "선정된 신청에만 협약을 작성합니다.")
        }
        guard account.role.isMinistry || GrantAccess.operates(track, account) else {
            throw AppError(
                .forbidden, "forbidden_role", "Only the track's operating organisation or the ministry drafts it.",
                korean: "트랙 운영기관이나 중기부만 협약을 작성합니다.")
        }
        let cap = Money(won: call.grantCapWon)
        let terms = try input.terms.terms(cap: cap)
        let account_ = try ProjectAccount(
            bank: input.bankName, holder: input.accountHolder, number: input.accountNumber)
        let ratios = ratios(of: track)
        let shares = ratios.contributions(for: terms.award)
        return try await database.transaction { database in
            let agreement = GrantAgreementRecord()
            let id = UUID()
            agreement.id = id
            agreement.number = "GA-\(call.year)-" + String(id.uuidString.prefix(8))
            agreement.callID = try call.requireID()
            agreement.trackID = trackID
            agreement.applicationID = input.applicationID
            agreement.companyID = application.companyID
            agreement.status = .draft
            agreement.awardWon = terms.award.won
            agreement.termsJSON = try JSONColumn.encode(terms)
            agreement.ratiosJSON = try JSONColumn.encode(ratios)
            agreement.totalCostWon = shares.total.won
            agreement.cashWon = shares.cash.won
            agreement.inKindWon = shares.inKind.won
            agreement.bankName = account_.bank
            agreement.accountHolder = account_.holder
            agreement.accountLastDigits = account_.lastDigits
            agreement.grantCapWon = call.grantCapWon
            agreement.grantCapCitation = call.grantCapCitation
            agreement.amendments = 0
            agreement.createdBy = account.id
            try await agreement.create(on: database)
            try await writeInstalments(terms, of: id, on: database)
            try await GrantNotices.toStartup(
                agreement,
                subject: .init(korean: "협약안 \(agreement.number)", english: "Agreement \(agreement.number) to sign"),
                body: .init(
                    korean: "운영기관이 협약안을 보냈습니다. 조건을 확인하고 서명하면 지원금이 확정됩니다.",
                    english: "The operating organisation sent an agreement. Read the terms; signing commits the award."),
                on: database)
            try await AuditLog.record(
                on: database, actor: account.auditActor, action: "agreement.draft", targetType: "agreement",
                targetID: id.uuidString,
                after: ["award": String(terms.award.won), "application": input.applicationID.uuidString],
                at: now)
            return agreement
        }
    }

    private static func writeInstalments(_ terms: AgreementTerms, of id: UUID, on database: any Database) async throws {
        for (index, instalment) in terms.instalments.enumerated() {
            let record = GrantInstalmentRecord()
            record.agreementID = id
            record.sequence = index + 1
            record.milestone = instalment.milestone.trimmingCharacters(in: .whitespaces)
            record.amountWon = instalment.amount.won
            record.dueOn = instalment.due.iso
            record.state = "planned"
            record.documentsJSON = "[]"
            try await record.create(on: database)
        }
    }

    // MARK: Steps

    /// One lifecycle step. Runs inside the caller's transaction (the idempotent write's).
    static func step(
        _ input: AgreementEventInput, on loaded: GrantAccess.Loaded, by account: CurrentAccount, now: Date,
        today: CalendarDate, on database: any Database
    ) async throws -> GrantAgreementRecord {
        let id = try loaded.agreement.requireID()
        try await RowLock.take(GrantAgreementRecord.schema, id: id, touching: "status", on: database)
        guard let agreement = try await GrantAgreementRecord.find(id, on: database) else {
            throw AppError.notFound("agreement")
        }
        let fresh = GrantAccess.Loaded(agreement: agreement, track: loaded.track)
        switch input.event {
        case .sign: try GrantAccess.requireStartup(fresh, account)
        default: try GrantAccess.requireOperator(fresh, account)
        }
        let before = agreement.status
        let next = try agreement.status.applying(input.event)
        let reason = input.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if [.amend, .terminate].contains(input.event), reason.isEmpty || reason.count > 2000 {
            throw AppError(
                .unprocessableEntity, "reason_required", "Give the reason (up to 2,000 characters).",
                korean: "사유를 2,000자 이내로 적으십시오.")
        }
        switch input.event {
        case .sign:
            try await GrantCommitments.sign(agreement, track: loaded.track, by: account, now: now, on: database)
            agreement.signedAt = now
        case .amend:
            guard let termsInput = input.terms else {
                throw AppError.invalid("terms_required", "An amendment gives the new terms.")
            }
            let terms = try termsInput.terms(cap: Money(won: agreement.grantCapWon))
            try await GrantCommitments.amend(
                agreement, to: terms, reason: reason, track: loaded.track, by: account, now: now, on: database)
        case .terminate:
            agreement.terminationReason = reason
        case .openSettlement:
            try await GrantCommitments.release(agreement, track: loaded.track, by: account, now: now, on: database)
        case .closeSettlement:
            try await GrantSettlement.requireNothingOutstanding(agreement, on: database)
        case .withdraw:
            break
        }
        agreement.status = next
        try await agreement.update(on: database)
        try await AuditLog.record(
            on: database, actor: account.auditActor, action: "agreement.\(input.event.rawValue)",
            targetType: "agreement",
            targetID: id.uuidString, before: ["status": before.rawValue],
            after: ["status": next.rawValue, "reason": reason], at: now)
        return agreement
    }
}

/// The dedicated project account: bank and holder, and of the number only its last four digits.
/// A number that reads as a payment card's is refused: cards are never recorded.
struct ProjectAccount {
    let bank: String
    let holder: String
    let lastDigits: String

    init(bank: String, holder: String, number: String) throws {
        let bank = bank.trimmingCharacters(in: .whitespaces)
        let holder = holder.trimmingCharacters(in: .whitespaces)
        let digits = number.filter(\.isNumber)
        var issues: [FieldIssue] = []
        if bank.isEmpty || bank.count > 100 {
            issues.append(.init(field: "bankName", korean: "은행 이름을 적으십시오.", english: "Name the bank."))
        }
        if holder.isEmpty || holder.count > 100 {
            issues.append(.init(field: "accountHolder", korean: "예금주를 적으십시오.", english: "Name the account holder."))
        }
        if digits.count < 8 || digits.count > 20 || !number.allSatisfy({ $0.isNumber || $0 == "-" || $0 == " " }) {
            issues.append(
                .init(
                    field: "accountNumber", korean: "계좌번호는 숫자 8~20자리입니다.",
                    english: "An account number is 8 to 20 digits."))
        } else if Self.looksLikeCard(digits) {
            issues.append(
                .init(
                    field: "accountNumber", korean: "카드 번호는 받지 않습니다. 사업 전용 계좌번호를 적으십시오.",
                    english: "That reads as a card number, which is never recorded: give the project's bank account."))
        }
        guard issues.isEmpty else { throw AppError(.unprocessableEntity, "invalid_project_account", issues: issues) }
        self.bank = bank
        self.holder = holder
        lastDigits = String(digits.suffix(4))
    }

    /// 15–16 digits with a card scheme's leading digit and a valid Luhn check digit.
    static func looksLikeCard(_ digits: String) -> Bool {
        guard (15...16).contains(digits.count), let first = digits.first, "3456".contains(first) else { return false }
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard var value = character.wholeNumberValue else { return false }
            if index % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }
}
