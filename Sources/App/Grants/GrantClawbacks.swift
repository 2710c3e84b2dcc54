import Fluent
import Foundation
import TeukguCore

/// Clawbacks (환수): misspent or unspent money claimed back, due on a day set by the period in
/// force (`grant.clawbackPeriod`, counted under the Civil Act), recovered into the Treasury, and
/// reversals of entries made in error. Interest and penalties are not charged: none is configured.
enum GrantClawbacks {
    static func claim(
        _ amount: Money, from account_: LedgerAccount, reason: String, of agreement: GrantAgreementRecord,
        by account: CurrentAccount, now: Date, today: CalendarDate, on database: any Database
    ) async throws -> GrantClawbackRecord {
        let agreementID = try agreement.requireID()
        let catalog = try await LegalTimeStore.catalog(on: database)
        guard let version = catalog.versionInForce("grant.clawbackPeriod", at: today),
            let length = version.value.clockLength
        else {
            throw AppError(
                .unprocessableEntity, "parameter_missing", "No clawback period is in force on \(today.iso).",
                korean: "\(today.iso)에 시행 중인 환수금 납부 기한이 없습니다.")
        }
        let holidays = try await LegalTimeStore.holidays(on: database)
        let due = try LegalClock(holidays: holidays).compute(
            LegalClockSpec(start: today, length: length, lengthCitation: version.citation), asOf: today
        ).due
        let entry = try await LedgerStore.post(
            .init(
                kind: .clawback, from: account_, to: .clawbackDue(agreementID), amount: amount,
                callID: agreement.callID,
                agreementID: agreementID, reference: agreement.number, memo: reason),
            by: account.id, at: now, on: database)
        let clawback = GrantClawbackRecord()
        clawback.agreementID = agreementID
        clawback.amountWon = amount.won
        clawback.reason = reason
        clawback.dueOn = due.iso
        clawback.dueRule =
            "\(length.englishText) from \(today.iso), counted under the Civil Act (grant.clawbackPeriod: \(version.citation.text))"
        clawback.dueRuleKorean =
            "\(today.iso)부터 \(length.koreanText), 민법 기간 계산 (grant.clawbackPeriod: \(version.citation.text))"
        clawback.state = "due"
        clawback.ledgerEntryID = try entry.requireID()
        try await GrantNotices.toStartup(
            agreement,
            subject: .init(korean: "\(agreement.number) 환수 결정", english: "\(agreement.number): money to pay back"),
            body: .init(
                korean: "\(amount.grouped)원을 \(due.iso)까지 반납해야 합니다. 사유: \(reason)",
                english: "KRW \(amount.grouped) is to be paid back by \(due.iso). Reason: \(reason)"),
            on: database)
        clawback.createdBy = account.id
        try await clawback.create(on: database)
        return clawback
    }

    /// The operating organisation claims back unspent money (from the project account) or
    /// misspent money (from what was spent).
    static func open(
        _ input: ClawbackInput, on loaded: GrantAccess.Loaded, by account: CurrentAccount, now: Date,
        today: CalendarDate, on database: any Database
    ) async throws -> GrantClawbackRecord {
        try GrantAccess.requireOperator(loaded, account)
        let agreement = loaded.agreement
        guard agreement.status.isRunning else {
            throw AppError(
                .conflict, "agreement_not_running", "Clawbacks are made on a signed agreement or in its settlement.",
                korean: "체결된 협약이나 정산 중에만 환수합니다.")
        }
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 2000 else {
            throw AppError(
                .unprocessableEntity, "reason_required", "Give the reason (up to 2,000 characters).",
                korean: "사유를 2,000자 이내로 적으십시오.")
        }
        let agreementID = try agreement.requireID()
        let source: LedgerAccount =
            input.source == .unspent ? .projectAccount(agreementID) : .agreementSpent(agreementID)
        let clawback = try await claim(
            Money(won: input.amountWon), from: source, reason: reason, of: agreement, by: account, now: now,
            today: today, on: database)
        try await AuditLog.record(
            on: database, actor: account.auditActor, action: "clawback.open", targetType: "agreement",
            targetID: agreementID.uuidString,
            after: ["amount": String(input.amountWon), "source": input.source.rawValue, "due": clawback.dueOn], at: now)
        return clawback
    }

    /// The money came back: it leaves the startup's debt and returns to the Treasury.
    static func recover(
        clawbackID: String?, on loaded: GrantAccess.Loaded, by account: CurrentAccount, now: Date,
        on database: any Database
    ) async throws -> GrantClawbackRecord {
        try GrantAccess.requireOperator(loaded, account)
        let clawback = try await lockedClawback(clawbackID, of: loaded, on: database)
        guard clawback.state == "due" else {
            throw AppError(
                .conflict, "clawback_not_due", "This clawback is not outstanding.", korean: "미납 상태의 환수가 아닙니다.")
        }
        let agreementID = try loaded.agreement.requireID()
        try await LedgerStore.post(
            .init(
                kind: .recovery, from: .clawbackDue(agreementID), to: .returned, amount: Money(won: clawback.amountWon),
                callID: loaded.agreement.callID, agreementID: agreementID,
                reference: "clawback \(try clawback.requireID().uuidString)", memo: "Recovered: \(clawback.reason)"),
            by: account.id, at: now, on: database)
        clawback.state = "recovered"
        try await clawback.update(on: database)
        try await AuditLog.record(
            on: database, actor: account.auditActor, action: "clawback.recover", targetType: "agreement",
            targetID: agreementID.uuidString, after: ["clawback": try clawback.requireID().uuidString], at: now)
        return clawback
    }

    private static func lockedClawback(
        _ id: String?, of loaded: GrantAccess.Loaded, on database: any Database
    ) async throws -> GrantClawbackRecord {
        guard let id = id.flatMap(UUID.init(uuidString:)),
            let found = try await GrantClawbackRecord.find(id, on: database),
            found.agreementID == loaded.agreement.id
        else { throw AppError.notFound("clawback") }
        try await RowLock.take(GrantClawbackRecord.schema, id: id, touching: "state", on: database)
        guard let fresh = try await GrantClawbackRecord.find(id, on: database) else {
            throw AppError.notFound("clawback")
        }
        return fresh
    }

    /// Undoes a payment, a clawback or a recovery made in error, with its mirror entry; the entry
    /// itself stays. Spending is corrected by its review instead, and commitments by amendment.
    static func reverse(
        entryID: String?, reason: String, on loaded: GrantAccess.Loaded, by account: CurrentAccount, now: Date,
        on database: any Database
    ) async throws -> LedgerEntryRecord {
        try GrantAccess.requireOperator(loaded, account)
        let agreementID = try loaded.agreement.requireID()
        guard let id = entryID.flatMap(UUID.init(uuidString:)),
            let entry = try await LedgerEntryRecord.find(id, on: database), entry.agreementID == agreementID
        else { throw AppError.notFound("ledger entry") }
        guard [.payment, .clawback, .recovery].contains(entry.kind) else {
            throw AppError(
                .unprocessableEntity, "entry_not_reversible",
                "Only payments, clawbacks and recoveries are reversed; a \(entry.kind.rawValue) is corrected by its own step.",
                korean: "지급·환수·환수금 수납만 취소할 수 있습니다.")
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 2000 else {
            throw AppError(
                .unprocessableEntity, "reason_required", "Give the reason (up to 2,000 characters).",
                korean: "사유를 2,000자 이내로 적으십시오.")
        }
        let mirror = try await LedgerStore.reverse(
            id, memo: "Reversal: \(trimmed)", by: account.id, at: now, on: database)
        // The clawback the entry belongs to follows it.
        if entry.kind == .clawback,
            let clawback = try await GrantClawbackRecord.query(on: database).filter(\.$ledgerEntryID == id).first()
        {
            clawback.state = "reversed"
            try await clawback.update(on: database)
        } else if entry.kind == .recovery, let reference = entry.reference, reference.hasPrefix("clawback "),
            let clawbackID = UUID(uuidString: String(reference.dropFirst("clawback ".count))),
            let clawback = try await GrantClawbackRecord.find(clawbackID, on: database)
        {
            clawback.state = "due"
            try await clawback.update(on: database)
        }
        try await AuditLog.record(
            on: database, actor: account.auditActor, action: "ledger.reverse", targetType: "agreement",
            targetID: agreementID.uuidString, after: ["entry": id.uuidString, "reason": trimmed], at: now)
        return mirror
    }
}

/// What must be true before a settlement closes.
enum GrantSettlement {
    static func requireNothingOutstanding(_ agreement: GrantAgreementRecord, on database: any Database) async throws {
        let id = try agreement.requireID()
        let held = try await LedgerStore.balances([.projectAccount(id), .clawbackDue(id)], on: database)
        var open: [String] = []
        if let unspent = held[.projectAccount(id)], unspent.won > 0 {
            open.append("KRW \(unspent.grouped) unspent in the project account (claw it back)")
        }
        if let due = held[.clawbackDue(id)], due.won > 0 {
            open.append("KRW \(due.grouped) of clawbacks not yet recovered")
        }
        let unreviewed = try await GrantSpendingRecord.query(on: database).filter(\.$agreementID == id)
            .filter(\.$state == "recorded").count()
        if unreviewed > 0 { open.append("\(unreviewed) spending(s) not yet reviewed") }
        guard open.isEmpty else {
            throw AppError(
                .conflict, "settlement_items_open",
                "The settlement cannot close: " + open.joined(separator: "; ") + ".",
                korean: "정산을 마칠 수 없습니다: 미집행 잔액·미수 환수금·미검토 집행이 남아 있습니다.")
        }
    }
}
