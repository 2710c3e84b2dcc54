import Fluent
import Foundation
import TeukguCore
import Vapor

/// The balances money pages show, read from the ledger's accounts.
struct AgreementFigures: Content, Equatable {
    /// The award as it stands (committed and not released).
    let awardWon: Int64
    /// Committed and not yet scheduled (zero once signed, until an amendment moves money).
    let unscheduledWon: Int64
    /// Scheduled instalments whose milestones are not yet approved.
    let scheduledWon: Int64
    /// Approved and not yet paid.
    let payableWon: Int64
    /// Paid into the project account, in all.
    let paidWon: Int64
    /// Still in the project account: paid and not spent.
    let unspentWon: Int64
    let spentWon: Int64
    /// Owed back by the startup.
    let clawbackDueWon: Int64
    /// Returned to the Treasury.
    let returnedWon: Int64

    static func load(
        _ agreement: GrantAgreementRecord, instalments: [GrantInstalmentRecord], on database: any Database
    ) async throws -> (AgreementFigures, [UUID: (scheduled: Money, payable: Money)]) {
        let id = try agreement.requireID()
        var accounts: [LedgerAccount] = [
            .agreementCommitted(id), .projectAccount(id), .agreementSpent(id), .clawbackDue(id),
        ]
        for instalment in instalments {
            let instalmentID = try instalment.requireID()
            accounts += [.instalmentScheduled(instalmentID), .instalmentPayable(instalmentID)]
        }
        let held = try await LedgerStore.balances(accounts, on: database)
        func won(_ account: LedgerAccount) -> Int64 { held[account]?.won ?? 0 }
        var perInstalment: [UUID: (Money, Money)] = [:]
        var scheduled: Int64 = 0
        var payable: Int64 = 0
        for instalment in instalments {
            let instalmentID = try instalment.requireID()
            perInstalment[instalmentID] = (
                Money(won: won(.instalmentScheduled(instalmentID))), Money(won: won(.instalmentPayable(instalmentID)))
            )
            scheduled += won(.instalmentScheduled(instalmentID))
            payable += won(.instalmentPayable(instalmentID))
        }
        // Recovered clawbacks of this agreement, read from its entries (the Treasury's account is shared).
        let returned = try await LedgerEntryRecord.query(on: database).filter(\.$agreementID == id)
            .filter(\.$kind ~~ [.recovery, .reversal]).all()
            .reduce(Int64(0)) { sum, entry in
                entry.toAccount == LedgerAccount.returned.key
                    ? sum + entry.amountWon
                    : entry.fromAccount == LedgerAccount.returned.key ? sum - entry.amountWon : sum
            }
        let unspent = won(.projectAccount(id))
        let spent = won(.agreementSpent(id))
        let due = won(.clawbackDue(id))
        let paid = unspent + spent + due + returned
        let figures = AgreementFigures(
            awardWon: won(.agreementCommitted(id)) + scheduled + payable + paid,
            unscheduledWon: won(.agreementCommitted(id)),
            scheduledWon: scheduled, payableWon: payable, paidWon: paid, unspentWon: unspent, spentWon: spent,
            clawbackDueWon: due, returnedWon: returned)
        return (figures, perInstalment)
    }
}

/// A call's money: its budget, what tracks hold, what agreements committed, and what is available.
struct CallBudgetFigures: Content, Equatable {
    struct Track: Content, Equatable {
        let trackID: UUID
        let name: String
        let budgetWon: Int64?
        /// What the track's budget still holds (nil when the track has no budget of its own).
        let availableWon: Int64?
        let committedWon: Int64
        /// Paid out to the track's startups so far.
        let paidWon: Int64
    }

    let callID: UUID
    let budgetWon: Int64
    /// Committed by agreements (signed, not released).
    let committedWon: Int64
    let paidWon: Int64
    /// budget − committed: what new agreements may still commit.
    let availableWon: Int64
    let tracks: [Track]

    static func load(_ call: CollaborationCallRecord, on database: any Database) async throws -> CallBudgetFigures {
        let callID = try call.requireID()
        let tracks = try await CollaborationTrackRecord.query(on: database).filter(\.$year == call.year).all()
        let agreements = try await GrantAgreementRecord.query(on: database).filter(\.$callID == callID).all()
        var accounts: [LedgerAccount] = []
        for track in tracks { if let id = track.id { accounts.append(.trackAvailable(id)) } }
        let funded = try await LedgerStore.balances(accounts, on: database)
        // Before the first agreement is signed the budget has not been moved into the ledger yet.
        let opened =
            try await LedgerEntryRecord.query(on: database).filter(\.$callID == callID)
            .filter(\.$kind == .budget).count() > 0
        var committedByTrack: [UUID: Int64] = [:]
        var paidByTrack: [UUID: Int64] = [:]
        var committed: Int64 = 0
        var paid: Int64 = 0
        for agreement in agreements where agreement.status != .draft && agreement.status != .withdrawn {
            let instalments = try await GrantInstalmentRecord.query(on: database)
                .filter(\.$agreementID == (try agreement.requireID())).all()
            let figures = try await AgreementFigures.load(agreement, instalments: instalments, on: database).0
            committed += figures.awardWon
            paid += figures.paidWon
            if let trackID = agreement.trackID {
                committedByTrack[trackID, default: 0] += figures.awardWon
                paidByTrack[trackID, default: 0] += figures.paidWon
            }
        }
        let trackFigures = tracks.compactMap { track -> Track? in
            guard let id = track.id else { return nil }
            let committed = committedByTrack[id] ?? 0
            // Once allocated, the track's account is the truth; before, its whole budget is free.
            let allocated = funded[.trackAvailable(id)].map(\.won)
            let available = track.budgetWon.map { budget in committed > 0 ? (allocated ?? budget - committed) : budget }
            return Track(
                trackID: id, name: track.name, budgetWon: track.budgetWon,
                availableWon: (track.budgetWon ?? 0) > 0 ? available : nil, committedWon: committed,
                paidWon: paidByTrack[id] ?? 0)
        }
        return CallBudgetFigures(
            callID: callID, budgetWon: call.budgetWon, committedWon: committed, paidWon: paid,
            availableWon: opened ? call.budgetWon - committed : call.budgetWon, tracks: trackFigures)
    }
}
