import Fluent
import Foundation
import SQLKit
import TeukguCore

/// Instalments: the startup reports its milestone, the operating organisation approves it (the
/// instalment becomes payable) or returns it, and pays what is approved, in one payment or several.
enum GrantInstalments {
    static func step(
        _ input: InstalmentEventInput, sequence: Int, on loaded: GrantAccess.Loaded, by account: CurrentAccount,
        now: Date, on database: any Database
    ) async throws -> GrantInstalmentRecord {
        let agreement = loaded.agreement
        let agreementID = try agreement.requireID()
        guard
            let instalment = try await GrantInstalmentRecord.query(on: database).filter(\.$agreementID == agreementID)
                .filter(\.$sequence == sequence).first()
        else { throw AppError.notFound("instalment") }
        let instalmentID = try instalment.requireID()
        // Serialises steps on one instalment on both databases; payments also rely on the ledger.
        try await RowLock.take(GrantInstalmentRecord.schema, id: instalmentID, touching: "state", on: database)
        guard let fresh = try await GrantInstalmentRecord.find(instalmentID, on: database) else {
            throw AppError.notFound("instalment")
        }
        let before = fresh.state
        switch input.event {
        case .report:
            try GrantAccess.requireStartup(loaded, account)
            try require(agreement.status == .signed, fresh.state == "scheduled" || fresh.state == "returned", input)
            let report = input.report?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !report.isEmpty, report.count <= 10_000 else {
                throw AppError(
                    .unprocessableEntity, "report_required",
                    "Describe the milestone's results (up to 10,000 characters).",
                    korean: "마일스톤 결과를 10,000자 이내로 적으십시오.")
            }
            try await AttachableDocuments.validate(
                (input.documentIDs ?? []).map(\.uuidString), previously: [], uploader: account.id, on: database)
            fresh.report = report
            fresh.documentsJSON = try JSONColumn.encode(input.documentIDs ?? [])
            fresh.reportedAt = now
            fresh.state = "reported"
            try await GrantNotices.toOperators(
                agreement, track: loaded.track,
                subject: .init(
                    korean: "\(agreement.number) \(sequence)회차 결과 보고",
                    english: "\(agreement.number): milestone \(sequence) reported"),
                body: .init(
                    korean: "스타트업이 마일스톤 결과를 보고했습니다. 검토하고 승인하면 지급할 수 있습니다.",
                    english: "The startup reported its milestone. Review it; once approved it can be paid."),
                on: database)
        case .approve, .sendBack:
            try GrantAccess.requireOperator(loaded, account)
            try require(agreement.status == .signed, fresh.state == "reported", input)
            fresh.reviewNote = input.note
            fresh.reviewedAt = now
            if input.event == .approve {
                fresh.state = "approved"
                try await GrantNotices.toStartup(
                    agreement,
                    subject: .init(
                        korean: "\(agreement.number) \(sequence)회차 승인",
                        english: "\(agreement.number): milestone \(sequence) approved"),
                    body: .init(
                        korean: "마일스톤이 승인되어 이 회차를 지급할 수 있습니다.",
                        english: "The milestone is approved: the instalment is now payable."),
                    on: database)
                let scheduled = try await LedgerStore.balances([.instalmentScheduled(instalmentID)], on: database)
                try await LedgerStore.post(
                    .init(
                        kind: .approval, from: .instalmentScheduled(instalmentID), to: .instalmentPayable(instalmentID),
                        amount: scheduled.values.first ?? .zero, callID: agreement.callID, agreementID: agreementID,
                        reference: "instalment \(fresh.sequence)", memo: fresh.milestone),
                    by: account.id, at: now, on: database)
            } else {
                guard let note = input.note, !note.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw AppError(
                        .unprocessableEntity, "note_required", "Say what the report needs.",
                        korean: "보고서에 무엇이 더 필요한지 적으십시오.")
                }
                fresh.state = "returned"
                try await GrantNotices.toStartup(
                    agreement,
                    subject: .init(
                        korean: "\(agreement.number) \(sequence)회차 보완 요청",
                        english: "\(agreement.number): milestone \(sequence) sent back"),
                    body: .init(korean: "보완할 점: \(note)", english: "What the report needs: \(note)"), on: database)
            }
        case .pay:
            try GrantAccess.requireOperator(loaded, account)
            try require(
                agreement.status == .signed || agreement.status == .terminated, fresh.state == "approved", input)
            let payable = try await LedgerStore.balances([.instalmentPayable(instalmentID)], on: database).values.first
            let amount = Money(won: input.amountWon ?? payable?.won ?? 0)
            try await LedgerStore.post(
                paymentPosting(
                    amount, instalmentID: instalmentID, sequence: fresh.sequence, agreementID: agreementID,
                    callID: agreement.callID, bankName: agreement.bankName,
                    accountLastDigits: agreement.accountLastDigits),
                by: account.id, at: now, on: database)
        }
        try await fresh.update(on: database)
        try await AuditLog.record(
            on: database, actor: account.auditActor, action: "instalment.\(input.event.rawValue)",
            targetType: "agreement",
            targetID: agreementID.uuidString, before: ["instalment": String(sequence), "state": before],
            after: ["state": fresh.state, "amount": input.amountWon.map(String.init) ?? ""], at: now)
        return fresh
    }

    /// A payment as the API takes it: the fewest statements a durable, audited payment needs, because
    /// payments are the ledger's busiest write. No row lock: the ledger's conditional update on the
    /// instalment's payable balance is what refuses a payment beyond the approved and unpaid amount,
    /// however many arrive at once.
    static func payment(
        amountWon: Int64?, sequence: Int, on agreement: GrantPaymentContext, by account: CurrentAccount, now: Date,
        on database: any Database
    ) async throws -> GrantStepResult {
        guard agreement.parties.canOperate(account) else {
            throw AppError(
                .forbidden, "forbidden_role", "Only the track's operating organisation or the ministry does this.",
                korean: "트랙 운영기관이나 중기부만 할 수 있습니다.")
        }
        let agreementID = agreement.id
        // The instalment's state was read with the agreement: it only ever moves on from
        // `approved` at settlement, which also empties its payable balance, so the ledger refuses
        // a payment that raced with it.
        guard let instalmentID = agreement.instalment_id, let state = agreement.instalment_state else {
            throw AppError.notFound("instalment")
        }
        let instalment = (id: instalmentID, state: state)
        guard agreement.status == .signed || agreement.status == .terminated, instalment.state == "approved" else {
            throw AppError(
                .conflict, "instalment_transition_not_allowed",
                "Only an approved instalment of a signed agreement is paid.",
                korean: "체결된 협약의 승인된 회차만 지급합니다.")
        }
        var amount = Money(won: amountWon ?? 0)
        if amountWon == nil {
            amount =
                try await LedgerStore.balances([.instalmentPayable(instalmentID)], on: database).values.first ?? .zero
        }
        let posted = try await LedgerStore.postWithBalances(
            paymentPosting(
                amount, instalmentID: instalmentID, sequence: sequence, agreementID: agreementID,
                callID: agreement.call_id, bankName: agreement.bank_name,
                accountLastDigits: agreement.account_last_digits),
            by: account.id, at: now, on: database)
        try await AuditLog.record(
            on: database, actor: account.auditActor, action: "instalment.pay", targetType: "agreement",
            targetID: agreementID.uuidString, after: ["instalment": String(sequence), "amount": String(amount.won)],
            at: now)
        let entry = posted.entry
        return GrantStepResult(
            agreementID: agreementID, status: agreement.status, recordID: instalmentID, state: instalment.state,
            entries: [
                .init(
                    id: try entry.requireID(), kind: entry.kind, from: entry.fromAccount, to: entry.toAccount,
                    amountWon: entry.amountWon, reference: entry.reference, memo: entry.memo, reverses: nil,
                    at: Timestamps.text(entry.createdAt))
            ],
            balances: [entry.fromAccount: posted.fromBalance.won, entry.toAccount: posted.toBalance.won])
    }

    /// The ledger entry of a payment from an approved instalment into the project account, one
    /// shape for the page's step and the API's payment. The ledger refuses one that would pay more
    /// than the instalment's approved and unpaid balance.
    static func paymentPosting(
        _ amount: Money, instalmentID: UUID, sequence: Int, agreementID: UUID, callID: UUID, bankName: String,
        accountLastDigits: String
    ) -> LedgerStore.Posting {
        .init(
            kind: .payment, from: .instalmentPayable(instalmentID), to: .projectAccount(agreementID), amount: amount,
            callID: callID, agreementID: agreementID, reference: "instalment \(sequence)",
            memo: "Payment to \(bankName) ****\(accountLastDigits)")
    }

    private static func require(_ agreementOK: Bool, _ stateOK: Bool, _ input: InstalmentEventInput) throws {
        guard agreementOK, stateOK else {
            throw AppError(
                .conflict, "instalment_transition_not_allowed",
                "The instalment or its agreement is not in a state that allows '\(input.event.rawValue)'.",
                korean: "지금 상태의 회차나 협약에서는 '\(input.event.rawValue)'을(를) 할 수 없습니다.")
        }
    }
}
