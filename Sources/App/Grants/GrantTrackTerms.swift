import Fluent
import Foundation
import SQLKit
import TeukguCore
import Vapor

/// A track's money terms, set by the ministry: its share of the call's budget (optional) and the
/// cost-share ratios its agreements use (the public sources state none, so they are configuration).
struct TrackTermsInput: StrictJSONInput, Content {
    var budgetWon: Int64?
    var governmentPercent: Int
    var cashPercent: Int
    var inKindPercent: Int

    static let fields: Set<String> = ["budgetWon", "governmentPercent", "cashPercent", "inKindPercent"]
}

struct TrackTermsDTO: Content {
    let trackID: UUID
    let budgetWon: Int64?
    let ratios: CostShareRatios
}

enum GrantTrackTerms {
    static func set(
        _ input: TrackTermsInput, trackID: String?, by account: CurrentAccount, now: Date, on database: any Database
    ) async throws -> TrackTermsDTO {
        guard let id = trackID.flatMap(UUID.init(uuidString:)),
            let track = try await CollaborationTrackRecord.find(id, on: database)
        else { throw AppError.notFound("track") }
        let ratios = CostShareRatios(
            governmentPercent: input.governmentPercent, cashPercent: input.cashPercent,
            inKindPercent: input.inKindPercent)
        guard ratios.isValid else {
            throw AppError(
                .unprocessableEntity, "invalid_ratios",
                "The government, cash and in-kind shares are whole percents that add up to 100, the government's above 0.",
                korean: "정부지원·현금·현물 비율은 합이 100인 정수 백분율이며 정부지원 비율은 0보다 커야 합니다.")
        }
        if let budget = input.budgetWon, budget <= 0 || budget > Money.maximumWon {
            throw LedgerError.invalidAmount
        }
        // Once agreements have drawn on the track's budget it is in the ledger: it stays as set.
        if input.budgetWon != track.budgetWon,
            let sql = database as? any SQLDatabase,
            try await sql.select().column("account").from(LedgerStore.balances)
                .where("account", .equal, SQLBind(LedgerAccount.trackAvailable(id).key))
                .first() != nil
        {
            throw AppError(
                .conflict, "track_budget_in_use",
                "Agreements already commit from this track's budget; it cannot change.",
                korean: "이 트랙 예산에서 이미 협약이 확정되어 예산을 바꿀 수 없습니다.")
        }
        let before = ["budget": track.budgetWon.map(String.init) ?? "", "ratios": track.costShareJSON ?? ""]
        track.budgetWon = input.budgetWon
        track.costShareJSON = try JSONColumn.encode(ratios)
        try await track.save(on: database)
        try await AuditLog.record(
            on: database, actor: account.auditActor, action: "track.terms", targetType: "track",
            targetID: id.uuidString,
            before: before,
            after: ["budget": input.budgetWon.map(String.init) ?? "", "ratios": track.costShareJSON ?? ""],
            at: now)
        return TrackTermsDTO(trackID: id, budgetWon: track.budgetWon, ratios: ratios)
    }
}
