import Fluent
import Foundation
import SQLKit
import TeukguCore

/// Spending from the project account by budget category, its review, and reallocations between
/// categories. A category's spending cannot pass its plan: the plan line is updated with a
/// conditional write in the same transaction as the ledger entry.
enum GrantSpending {
    static func record(
        _ input: SpendingInput, on loaded: GrantAccess.Loaded, by account: CurrentAccount, now: Date,
        today: CalendarDate, on database: any Database
    ) async throws -> GrantSpendingRecord {
        try GrantAccess.requireStartup(loaded, account)
        let agreement = loaded.agreement
        let agreementID = try agreement.requireID()
        guard agreement.status == .signed || agreement.status == .terminated else {
            throw AppError(
                .conflict, "agreement_not_running", "Spending is recorded while the agreement runs.",
                korean: "협약 기간 중에만 집행을 기록합니다.")
        }
        let terms = try GrantAgreements.terms(of: agreement)
        guard let day = CalendarDate(iso: input.spentOn), day >= terms.starts, day <= today else {
            throw AppError(
                .unprocessableEntity, "invalid_spending_date",
                "The day spent is YYYY-MM-DD, from the agreement's start (\(terms.starts.iso)) to today.",
                korean: "집행일은 협약 시작일(\(terms.starts.iso))부터 오늘까지의 YYYY-MM-DD입니다.")
        }
        let description = input.description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !description.isEmpty, description.count <= 2000 else {
            throw AppError(
                .unprocessableEntity, "description_required", "Say what was bought (up to 2,000 characters).",
                korean: "무엇에 썼는지 2,000자 이내로 적으십시오.")
        }
        // Receipts are the startup's own uploads.
        try await AttachableDocuments.validate(
            (input.documentIDs ?? []).map(\.uuidString), previously: [], uploader: account.id, on: database)
        let amount = Money(won: input.amountWon)
        try Ledger.checkShape(
            kind: .spending, from: .projectAccount(agreementID), to: .agreementSpent(agreementID), amount: amount)
        try await useCategory(agreementID, input.category, amount, on: database)
        let entry = try await LedgerStore.post(
            .init(
                kind: .spending, from: .projectAccount(agreementID), to: .agreementSpent(agreementID), amount: amount,
                callID: agreement.callID, agreementID: agreementID, reference: input.category.rawValue,
                memo: description),
            by: account.id, at: now, on: database)
        let spending = GrantSpendingRecord()
        spending.agreementID = agreementID
        spending.category = input.category
        spending.amountWon = amount.won
        spending.spentOn = day.iso
        spending.description = description
        spending.documentsJSON = try JSONColumn.encode(input.documentIDs ?? [])
        spending.state = "recorded"
        spending.ledgerEntryID = try entry.requireID()
        spending.createdBy = account.id
        try await spending.create(on: database)
        try await AuditLog.record(
            on: database, actor: account.auditActor, action: "spending.record", targetType: "agreement",
            targetID: agreementID.uuidString,
            after: ["category": input.category.rawValue, "amount": String(amount.won)], at: now)
        return spending
    }

    /// Adds to a category's spending only if it stays within the plan.
    private static func useCategory(
        _ agreementID: UUID, _ category: GrantBudgetCategory, _ amount: Money, on database: any Database
    ) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        struct Line: Decodable {
            let planned_won: Int64
            let spent_won: Int64
        }
        let updated = try await sql.raw(
            """
            UPDATE \(ident: GrantPlanLineRecord.schema) SET spent_won = spent_won + \(bind: amount.won)
            WHERE agreement_id = \(bind: agreementID) AND category = \(bind: category.rawValue)
            AND spent_won + \(bind: amount.won) <= planned_won RETURNING planned_won, spent_won
            """
        ).all(decoding: Line.self)
        guard updated.isEmpty else { return }
        let line = try await GrantPlanLineRecord.query(on: database).filter(\.$agreementID == agreementID)
            .filter(\.$category == category).first()
        let left = Money(won: (line?.plannedWon ?? 0) - (line?.spentWon ?? 0))
        throw AppError(
            .conflict, "over_category_plan",
            "\(category.titleEnglish) has \(left.grouped) won left in the approved plan; spending more needs an approved reallocation.",
            korean: "\(category.titleKorean)의 승인된 계획 잔액은 \(left.grouped)원입니다. 더 쓰려면 비목 변경 승인이 필요합니다.")
    }

    static func review(
        _ input: SpendingReviewInput, spendingID: String?, on loaded: GrantAccess.Loaded, by account: CurrentAccount,
        now: Date, today: CalendarDate, on database: any Database
    ) async throws -> GrantSpendingRecord {
        try GrantAccess.requireOperator(loaded, account)
        let agreementID = try loaded.agreement.requireID()
        guard let id = spendingID.flatMap(UUID.init(uuidString:)),
            let spending = try await GrantSpendingRecord.find(id, on: database), spending.agreementID == agreementID
        else { throw AppError.notFound("spending") }
        try await RowLock.take(GrantSpendingRecord.schema, id: id, touching: "state", on: database)
        guard let fresh = try await GrantSpendingRecord.find(id, on: database), fresh.state == "recorded" else {
            throw AppError(
                .conflict, "spending_already_reviewed", "This spending was already reviewed.",
                korean: "이미 검토한 집행입니다.")
        }
        fresh.reviewNote = input.note
        switch input.decision {
        case .accept:
            fresh.state = "accepted"
        case .reject:
            guard let note = input.note, !note.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw AppError(
                    .unprocessableEntity, "note_required", "Say why the spending is not accepted.",
                    korean: "인정하지 않는 이유를 적으십시오.")
            }
            fresh.state = "rejected"
            // Misspent money is owed back, and no longer counts against its category's plan.
            try await GrantClawbacks.claim(
                Money(won: fresh.amountWon), from: .agreementSpent(agreementID), reason: note, of: loaded.agreement,
                by: account, now: now, today: today, on: database)
            if let sql = database as? any SQLDatabase {
                try await sql.raw(
                    """
                    UPDATE \(ident: GrantPlanLineRecord.schema) SET spent_won = spent_won - \(bind: fresh.amountWon)
                    WHERE agreement_id = \(bind: agreementID) AND category = \(bind: fresh.category.rawValue)
                    """
                ).run()
            }
        }
        try await fresh.update(on: database)
        try await AuditLog.record(
            on: database, actor: account.auditActor, action: "spending.\(input.decision.rawValue)",
            targetType: "agreement", targetID: agreementID.uuidString, after: ["spending": id.uuidString], at: now)
        return fresh
    }

    static func requestReallocation(
        _ input: ReallocationInput, on loaded: GrantAccess.Loaded, by account: CurrentAccount, now: Date,
        on database: any Database
    ) async throws -> GrantReallocationRecord {
        try GrantAccess.requireStartup(loaded, account)
        guard loaded.agreement.status == .signed else {
            throw AppError(
                .conflict, "agreement_not_running", "Reallocations are asked for while the agreement runs.",
                korean: "협약 기간 중에만 비목 변경을 신청합니다.")
        }
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard input.from != input.to, input.amountWon > 0, input.amountWon <= Money.maximumWon, !reason.isEmpty,
            reason.count <= 2000
        else {
            throw AppError(
                .unprocessableEntity, "invalid_reallocation",
                "Move a positive amount between two different categories, with a reason.",
                korean: "서로 다른 두 비목 사이에 0보다 큰 금액을 사유와 함께 옮기십시오.")
        }
        let reallocation = GrantReallocationRecord()
        reallocation.agreementID = try loaded.agreement.requireID()
        reallocation.fromCategory = input.from
        reallocation.toCategory = input.to
        reallocation.amountWon = input.amountWon
        reallocation.reason = reason
        reallocation.state = "requested"
        reallocation.requestedBy = account.id
        try await reallocation.create(on: database)
        try await AuditLog.record(
            on: database, actor: account.auditActor, action: "reallocation.request", targetType: "agreement",
            targetID: reallocation.agreementID.uuidString,
            after: ["from": input.from.rawValue, "to": input.to.rawValue, "amount": String(input.amountWon)], at: now)
        return reallocation
    }

    static func decideReallocation(
        _ input: ReallocationDecisionInput, reallocationID: String?, on loaded: GrantAccess.Loaded,
        by account: CurrentAccount, now: Date, on database: any Database
    ) async throws -> GrantReallocationRecord {
        try GrantAccess.requireOperator(loaded, account)
        let agreementID = try loaded.agreement.requireID()
        guard let id = reallocationID.flatMap(UUID.init(uuidString:)),
            let found = try await GrantReallocationRecord.find(id, on: database), found.agreementID == agreementID
        else { throw AppError.notFound("reallocation") }
        try await RowLock.take(GrantReallocationRecord.schema, id: id, touching: "state", on: database)
        guard let reallocation = try await GrantReallocationRecord.find(id, on: database),
            reallocation.state == "requested"
        else {
            throw AppError(
                .conflict, "reallocation_already_decided", "This reallocation was already decided.",
                korean: "이미 결정한 비목 변경입니다.")
        }
        reallocation.decisionNote = input.note
        if input.decision == .approve {
            guard let sql = database as? any SQLDatabase else { throw AppError.notFound("database") }
            struct Line: Decodable { let planned_won: Int64 }
            let taken = try await sql.raw(
                """
                UPDATE \(ident: GrantPlanLineRecord.schema) SET planned_won = planned_won - \(bind: reallocation.amountWon)
                WHERE agreement_id = \(bind: agreementID) AND category = \(bind: reallocation.fromCategory.rawValue)
                AND planned_won - \(bind: reallocation.amountWon) >= spent_won RETURNING planned_won
                """
            ).all(decoding: Line.self)
            guard !taken.isEmpty else {
                throw AppError(
                    .conflict, "over_category_plan",
                    "\(reallocation.fromCategory.titleEnglish) has less unspent plan than the reallocation moves.",
                    korean: "\(reallocation.fromCategory.titleKorean)의 남은 계획액이 옮기려는 금액보다 적습니다.")
            }
            if let line = try await GrantPlanLineRecord.query(on: database).filter(\.$agreementID == agreementID)
                .filter(\.$category == reallocation.toCategory).first()
            {
                line.plannedWon += reallocation.amountWon
                try await line.update(on: database)
            } else {
                let line = GrantPlanLineRecord()
                line.agreementID = agreementID
                line.category = reallocation.toCategory
                line.plannedWon = reallocation.amountWon
                line.spentWon = 0
                try await line.create(on: database)
            }
            reallocation.state = "approved"
        } else {
            reallocation.state = "refused"
        }
        try await reallocation.update(on: database)
        try await AuditLog.record(
            on: database, actor: account.auditActor, action: "reallocation.\(input.decision.rawValue)",
            targetType: "agreement", targetID: agreementID.uuidString, after: ["reallocation": id.uuidString], at: now)
        return reallocation
    }
}
