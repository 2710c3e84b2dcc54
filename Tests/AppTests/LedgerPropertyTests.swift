import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor

@testable import App

/// Random sequences of entries and reversals, applied to the database ledger and to the in-memory
/// reference ledger: after every step both accepted or both refused it, and every balance agrees.
@Suite struct LedgerPropertyTests {
    /// A small deterministic generator, so a failing sequence can be replayed from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func theDatabaseLedgerAgreesWithTheReferenceAfterEveryStep(seed: UInt64) async throws {
        try await withTeukgu { app in
            var random = SplitMix(state: seed)
            let calls = [UUID(), UUID()]
            let tracks = [UUID(), UUID()]
            let agreements = [UUID(), UUID(), UUID()]
            let instalments = [UUID(), UUID(), UUID(), UUID()]
            var universe: [LedgerAccount] = [.appropriation, .returned]
            universe += calls.map(LedgerAccount.callAvailable) + tracks.map(LedgerAccount.trackAvailable)
            for agreement in agreements {
                universe += [
                    .agreementCommitted(agreement), .projectAccount(agreement), .agreementSpent(agreement),
                    .clawbackDue(agreement),
                ]
            }
            for instalment in instalments {
                universe += [.instalmentScheduled(instalment), .instalmentPayable(instalment)]
            }
            let kinds = LedgerEntryKind.allCases.filter { $0 != .reversal }
            // The demo cohort already drew on the appropriation: compare what each step changed.
            let initial = try await LedgerStore.balances(universe, on: app.db)
            var reference = Ledger()
            var posted: [(index: Int, id: UUID)] = []
            let actor = UUID()
            for step in 0..<250 {
                let reverse = !posted.isEmpty && Int.random(in: 0..<10, using: &random) == 0
                var modelResult: Result<Int, any Error>
                var databaseResult: Result<UUID, any Error>
                if reverse {
                    let chosen = posted[Int.random(in: 0..<posted.count, using: &random)]
                    modelResult = Result { try reference.reverse(chosen.index) }
                    databaseResult = await Result {
                        try await app.db.transaction { database in
                            try await LedgerStore.reverse(
                                chosen.id, memo: "p", by: actor, at: app.clock.now(), on: database
                            )
                            .requireID()
                        }
                    }
                } else {
                    // Budgets a fifth of the time, so money keeps flowing down the chain.
                    let kind =
                        Int.random(in: 0..<5, using: &random) == 0
                        ? .budget : kinds[Int.random(in: 0..<kinds.count, using: &random)]
                    // Mostly moves the rules allow, sometimes ones they do not.
                    let allowed = universe.flatMap { from in
                        universe.filter { to in kind.allowedMoves.contains(.init(from.kind, to.kind)) && from != to }
                            .map { (from, $0) }
                    }
                    let (from, to) =
                        !allowed.isEmpty && Int.random(in: 0..<10, using: &random) > 0
                        ? allowed[Int.random(in: 0..<allowed.count, using: &random)]
                        : (universe.randomElement(using: &random)!, universe.randomElement(using: &random)!)
                    let amount = Money(
                        won: [0, 1, 1_000, 5_000_000, 50_000_000, 2_000_000_000].randomElement(using: &random)!)
                    modelResult = Result { try reference.post(kind, from: from, to: to, amount: amount) }
                    databaseResult = await Result {
                        try await app.db.transaction { database in
                            try await LedgerStore.post(
                                .init(
                                    kind: kind, from: from, to: to, amount: amount, callID: nil, agreementID: nil,
                                    reference: nil, memo: "p"),
                                by: actor, at: app.clock.now(), on: database
                            ).requireID()
                        }
                    }
                }
                switch (modelResult, databaseResult) {
                case (.success(let index), .success(let id)):
                    if !reverse { posted.append((index, id)) }
                case (.failure(let expected), .failure(let got)):
                    #expect(
                        String(describing: expected).prefix(20) == String(describing: got).prefix(20),
                        "seed \(seed) step \(step)")
                default:
                    Issue.record("seed \(seed) step \(step): reference \(modelResult), database \(databaseResult)")
                }
                let stored = try await LedgerStore.balances(universe, on: app.db)
                for account in universe {
                    let change = (stored[account]?.won ?? 0) - (initial[account]?.won ?? 0)
                    #expect(change == reference.balance(account).won, "seed \(seed) step \(step) \(account)")
                }
            }
            #expect(posted.count > 60, "the sequence should post often enough to mean something")
            try await LedgerChecks.holdEverywhere(app)
        }
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
