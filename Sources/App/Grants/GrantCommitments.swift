import Fluent
import Foundation
import SQLKit
import TeukguCore

/// The ledger side of an agreement's lifecycle: signing commits the award from the budget and
/// schedules it as instalments; an amendment moves the difference; settlement releases what will
/// never be paid. All inside the step's transaction.
enum GrantCommitments {
    /// The account an agreement's award is committed from: its track's budget when the track has
    /// one (allocated from the call's budget the first time it is used), else the call's.
    static func source(
        for agreement: GrantAgreementRecord, track: CollaborationTrackRecord?, by account: CurrentAccount, now: Date,
        on database: any Database
    ) async throws -> LedgerAccount {
        guard let call = try await CollaborationCallRecord.find(agreement.callID, on: database) else {
            throw AppError.notFound("call")
        }
        try await LedgerStore.fundCallIfNeeded(call, by: account.id, at: now, on: database)
        guard let track, let budget = track.budgetWon, budget > 0, let trackID = track.id else {
            return .callAvailable(agreement.callID)
        }
        try await LedgerStore.allocateTrackIfNeeded(
            trackID, budget: Money(won: budget), from: agreement.callID, by: account.id, at: now, on: database)
        return .trackAvailable(trackID)
    }

    static func sign(
        _ agreement: GrantAgreementRecord, track: CollaborationTrackRecord?, by account: CurrentAccount, now: Date,
        on database: any Database
    ) async throws {
        let id = try agreement.requireID()
        let terms = try GrantAgreements.terms(of: agreement)
        let from = try await source(for: agreement, track: track, by: account, now: now, on: database)
        try await LedgerStore.post(
            .init(
                kind: .commitment, from: from, to: .agreementCommitted(id), amount: terms.award,
                callID: agreement.callID, agreementID: id, reference: agreement.number,
                memo: "Award of \(agreement.number)"),
            by: account.id, at: now, on: database)
        let instalments = try await GrantInstalmentRecord.query(on: database).filter(\.$agreementID == id)
            .sort(\.$sequence).all()
        for instalment in instalments {
            try await schedule(instalment, of: agreement, by: account, now: now, on: database)
        }
        for (category, planned) in terms.plan {
            let line = GrantPlanLineRecord()
            line.agreementID = id
            line.category = category
            line.plannedWon = planned.won
            line.spentWon = 0
            try await line.create(on: database)
        }
    }

    private static func schedule(
        _ instalment: GrantInstalmentRecord, of agreement: GrantAgreementRecord, by account: CurrentAccount,
        now: Date, on database: any Database
    ) async throws {
        try await LedgerStore.post(
            .init(
                kind: .scheduling, from: .agreementCommitted(try agreement.requireID()),
                to: .instalmentScheduled(try instalment.requireID()), amount: Money(won: instalment.amountWon),
                callID: agreement.callID, agreementID: agreement.id, reference: "instalment \(instalment.sequence)",
                memo: instalment.milestone),
            by: account.id, at: now, on: database)
        instalment.state = "scheduled"
        try await instalment.update(on: database)
    }

    /// New terms. An instalment already approved keeps its amount; the others are rescheduled. On a
    /// signed agreement the award's difference is committed from, or released to, the budget, and no
    /// category's plan may drop below what is already spent in it. The old terms are kept.
    static func amend(
        _ agreement: GrantAgreementRecord, to terms: AgreementTerms, reason: String, track: CollaborationTrackRecord?,
        by account: CurrentAccount, now: Date, on database: any Database
    ) async throws {
        let id = try agreement.requireID()
        let old = agreement.termsJSON
        let existing = try await GrantInstalmentRecord.query(on: database).filter(\.$agreementID == id)
            .sort(\.$sequence).all()
        let settled = existing.filter { ["approved"].contains($0.state) }
        for instalment in settled {
            let index = instalment.sequence - 1
            guard terms.instalments.indices.contains(index),
                terms.instalments[index].amount.won == instalment.amountWon
            else {
                throw AppError(
                    .unprocessableEntity, "approved_instalment_changed",
                    "Instalment \(instalment.sequence) is approved: its amount stays \(Money(won: instalment.amountWon).grouped) won.",
                    korean: "\(instalment.sequence)회차는 승인되어 금액 \(Money(won: instalment.amountWon).grouped)원을 바꿀 수 없습니다."
                )
            }
        }
        if agreement.status == .signed {
            let from = try await source(for: agreement, track: track, by: account, now: now, on: database)
            // Unschedule what is not approved, move the award's difference, and schedule again.
            for instalment in existing where instalment.state != "approved" {
                let balance = try await LedgerStore.balances(
                    [.instalmentScheduled(try instalment.requireID())], on: database)
                if let held = balance.values.first, held.won > 0 {
                    try await LedgerStore.post(
                        .init(
                            kind: .amendment, from: .instalmentScheduled(try instalment.requireID()),
                            to: .agreementCommitted(id), amount: held, callID: agreement.callID, agreementID: id,
                            reference: "instalment \(instalment.sequence)", memo: "Amendment: \(reason)"),
                        by: account.id, at: now, on: database)
                }
            }
            let difference = terms.award.won - agreement.awardWon
            if difference != 0 {
                try await LedgerStore.post(
                    .init(
                        kind: .amendment, from: difference > 0 ? from : .agreementCommitted(id),
                        to: difference > 0 ? .agreementCommitted(id) : from, amount: Money(won: abs(difference)),
                        callID: agreement.callID, agreementID: id, reference: agreement.number,
                        memo: "Amendment: \(reason)"),
                    by: account.id, at: now, on: database)
            }
            try await replanCategories(id, terms.plan, on: database)
        }
        for instalment in existing where instalment.state != "approved" {
            try await instalment.delete(on: database)
        }
        for (index, instalment) in terms.instalments.enumerated()
        where !settled.contains(where: { $0.sequence == index + 1 }) {
            let record = GrantInstalmentRecord()
            record.agreementID = id
            record.sequence = index + 1
            record.milestone = instalment.milestone.trimmingCharacters(in: .whitespaces)
            record.amountWon = instalment.amount.won
            record.dueOn = instalment.due.iso
            record.state = "planned"
            record.documentsJSON = "[]"
            try await record.create(on: database)
            if agreement.status == .signed {
                try await schedule(record, of: agreement, by: account, now: now, on: database)
            }
        }
        let shares = GrantAgreements.ratios(of: track).contributions(for: terms.award)
        agreement.awardWon = terms.award.won
        agreement.termsJSON = try JSONColumn.encode(terms)
        agreement.totalCostWon = shares.total.won
        agreement.cashWon = shares.cash.won
        agreement.inKindWon = shares.inKind.won
        agreement.amendments += 1
        let amendment = GrantAmendmentRecord()
        amendment.agreementID = id
        amendment.sequence = agreement.amendments
        amendment.reason = reason
        amendment.oldTermsJSON = old
        amendment.newTermsJSON = agreement.termsJSON
        amendment.createdBy = account.id
        try await amendment.create(on: database)
    }

    private static func replanCategories(
        _ id: UUID, _ plan: [GrantBudgetCategory: Money], on database: any Database
    ) async throws {
        let lines = try await GrantPlanLineRecord.query(on: database).filter(\.$agreementID == id).all()
        for line in lines where (plan[line.category]?.won ?? 0) < line.spentWon {
            throw AppError(
                .unprocessableEntity, "plan_below_spent",
                "\(line.category.titleEnglish) has \(Money(won: line.spentWon).grouped) won spent; its plan cannot be less.",
                korean:
                    "\(line.category.titleKorean)에 이미 \(Money(won: line.spentWon).grouped)원을 썼으므로 계획을 그보다 줄일 수 없습니다.")
        }
        for (category, planned) in plan {
            if let line = lines.first(where: { $0.category == category }) {
                line.plannedWon = planned.won
                try await line.update(on: database)
            } else {
                let line = GrantPlanLineRecord()
                line.agreementID = id
                line.category = category
                line.plannedWon = planned.won
                line.spentWon = 0
                try await line.create(on: database)
            }
        }
        for line in lines where plan[line.category] == nil {
            line.plannedWon = 0
            try await line.update(on: database)
        }
    }

    /// At settlement: whatever is committed, scheduled or approved and unpaid goes back to the budget,
    /// and instalments not approved are cancelled.
    static func release(
        _ agreement: GrantAgreementRecord, track: CollaborationTrackRecord?, by account: CurrentAccount, now: Date,
        on database: any Database
    ) async throws {
        let id = try agreement.requireID()
        let to = try await source(for: agreement, track: track, by: account, now: now, on: database)
        let instalments = try await GrantInstalmentRecord.query(on: database).filter(\.$agreementID == id).all()
        var accounts: [LedgerAccount] = [.agreementCommitted(id)]
        for instalment in instalments {
            let instalmentID = try instalment.requireID()
            accounts += [.instalmentScheduled(instalmentID), .instalmentPayable(instalmentID)]
        }
        let held = try await LedgerStore.balances(accounts, on: database)
        for account_ in accounts {
            guard let amount = held[account_], amount.won > 0 else { continue }
            try await LedgerStore.post(
                .init(
                    kind: .settlement, from: account_, to: to, amount: amount, callID: agreement.callID,
                    agreementID: id,
                    reference: agreement.number, memo: "Released at settlement"),
                by: account.id, at: now, on: database)
        }
        for instalment in instalments where instalment.state != "approved" {
            instalment.state = "cancelled"
            try await instalment.update(on: database)
        }
    }
}
