import Fluent
import Foundation
import SQLKit
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// An agreement from award to settlement through the API, as the startup, the operating
/// organisation and the ministry drive it.
@Suite struct GrantAgreementTests {
    @Test func anAgreementRunsFromAwardToSettlementWithEveryKindOfMoneyStep() async throws {
        try await withTeukgu { app in
            let fixture = try await GrantFixture.make(app)
            let signed = try await fixture.signed()
            let id = signed.id
            #expect(signed.status == .signed)
            #expect(signed.figures.awardWon == 150_000_000 && signed.figures.scheduledWon == 150_000_000)
            #expect(signed.callBudget.committedWon == 150_000_000)
            #expect(signed.callBudget.availableWon == signed.callBudget.budgetWon - 150_000_000)
            // Cost shares by the default ratios: 70 % government, 10 % cash, 20 % in kind.
            #expect(signed.totalCostWon == 214_285_715 && signed.selfCashWon == 21_428_571)
            #expect(signed.selfCashWon + signed.selfInKindWon + 150_000_000 == signed.totalCostWon)
            #expect(signed.projectAccount.hasSuffix("****1234"))

            // An instalment is not payable before its milestone is approved.
            let early = try await fixture.post(fixture.instalment(id, 1), fixture.operatorToken, #"{"event":"pay"}"#)
            #expect(early.status == .conflict)
            try await fixture.approve(id, 1)
            let tooMuch = try await fixture.post(
                fixture.instalment(id, 1), fixture.operatorToken, #"{"event":"pay","amountWon":60000001}"#)
            #expect(tooMuch.status == .conflict && errorCode(tooMuch) == "insufficient_balance")
            // A payment made in error is reversed by its mirror entry; the instalment is payable again.
            let wrong = try await fixture.post(
                fixture.instalment(id, 1), fixture.operatorToken, #"{"event":"pay","amountWon":10000000}"#)
            let wrongEntry = try #require(try wrong.content.decode(GrantStepResult.self).entries.first)
            let reversal = Endpoints.apiGrantEntryReversal.link([
                .agreementID: id.uuidString, .entryID: wrongEntry.id.uuidString,
            ])
            let reversed = try await fixture.post(
                reversal, fixture.operatorToken, #"{"reason":"Paid to the wrong account"}"#)
            #expect(reversed.status == .created, "\(reversed.body.string)")
            let twice = try await fixture.post(reversal, fixture.operatorToken, #"{"reason":"Again"}"#)
            #expect(twice.status == .conflict && errorCode(twice) == "entry_not_reversible")
            let paid = try await fixture.post(
                fixture.instalment(id, 1), fixture.operatorToken, #"{"event":"pay","amountWon":60000000}"#)
            #expect(paid.status == .ok, "\(paid.body.string)")
            let step = try paid.content.decode(GrantStepResult.self)
            #expect(step.entries.map(\.kind) == [.payment])
            #expect(step.balances[LedgerAccount.projectAccount(id).key] == 60_000_000)

            // Spending by category, within the plan; more needs a reallocation.
            let spend = Endpoints.apiGrantSpendings.link([.agreementID: id.uuidString])
            let spent = try await fixture.post(
                spend, fixture.startup,
                #"{"category":"materials","amountWon":50000000,"spentOn":"\#(fixture.today.iso)","description":"GPU servers"}"#
            )
            #expect(spent.status == .created, "\(spent.body.string)")
            let over = try await fixture.post(
                spend, fixture.startup,
                #"{"category":"materials","amountWon":30000000,"spentOn":"\#(fixture.today.iso)","description":"More"}"#
            )
            #expect(over.status == .conflict)  // the project account holds only 10 m
            let reallocate = try await fixture.post(
                Endpoints.apiGrantReallocations.link([.agreementID: id.uuidString]), fixture.startup,
                #"{"from":"personnel","to":"materials","amountWon":20000000,"reason":"Hardware costs rose"}"#)
            #expect(reallocate.status == .created)
            let reallocationID = try #require(try reallocate.content.decode(GrantStepResult.self).recordID)
            let decided = try await fixture.post(
                Endpoints.apiGrantReallocationDecision.link([
                    .agreementID: id.uuidString, .reallocationID: reallocationID.uuidString,
                ]), fixture.operatorToken, #"{"decision":"approve"}"#)
            #expect(decided.status == .ok, "\(decided.body.string)")
            var dto = try await fixture.agreement(id)
            #expect(dto.plan.first { $0.category == .materials }?.plannedWon == 95_000_000)
            #expect(dto.plan.first { $0.category == .personnel }?.plannedWon == 55_000_000)

            // A spending the organisation rejects is clawed back, and leaves its category.
            let spendingID = try #require(try spent.content.decode(GrantStepResult.self).recordID)
            let rejected = try await fixture.post(
                Endpoints.apiGrantSpendingReview.link([.agreementID: id.uuidString, .spendingID: spendingID.uuidString]
                ),
                fixture.operatorToken, #"{"decision":"reject","note":"Not in the approved plan's scope"}"#)
            #expect(rejected.status == .ok, "\(rejected.body.string)")
            dto = try await fixture.agreement(id)
            #expect(dto.figures.clawbackDueWon == 50_000_000 && dto.figures.spentWon == 0)
            let clawback = try #require(dto.clawbacks.first)
            #expect(clawback.due > fixture.today.iso && clawback.dueRule.contains("grant.clawbackPeriod"))
            // An amendment keeps the old terms and moves only the difference.
            let amended = try await fixture.post(
                fixture.event(id), fixture.operatorToken,
                #"{"event":"amend","reason":"Second milestone reduced","terms":\#(fixture.terms(award: 100_000_000))}"#)
            #expect(amended.status == .unprocessableEntity)  // the approved first instalment would change
            let keepFirst = fixture.terms(award: 150_000_000).replacingOccurrences(
                of: #""amountWon":90000000"#, with: #""amountWon":40000000"#
            ).replacingOccurrences(of: #""awardWon":150000000"#, with: #""awardWon":100000000"#)
                .replacingOccurrences(
                    of: #""personnel":75000000,"materials":75000000"#,
                    with: #""personnel":25000000,"materials":75000000"#)
            let amendedAgain = try await fixture.post(
                fixture.event(id), fixture.operatorToken,
                #"{"event":"amend","reason":"Second milestone reduced","terms":\#(keepFirst)}"#)
            #expect(amendedAgain.status == .ok, "\(amendedAgain.body.string)")
            dto = try amendedAgain.content.decode(GrantAgreementDTO.self)
            #expect(dto.figures.awardWon == 100_000_000 && dto.amendments.count == 1)
            #expect(dto.amendments.first?.oldTerms.award == Money(won: 150_000_000))
            #expect(dto.callBudget.committedWon == 100_000_000)

            // Settlement: unpaid commitments go back to the budget; the unspent money and the misspent
            // are clawed back and recovered; then it closes.
            let open = try await fixture.post(fixture.event(id), fixture.operatorToken, #"{"event":"open-settlement"}"#)
            #expect(open.status == .ok, "\(open.body.string)")
            dto = try open.content.decode(GrantAgreementDTO.self)
            #expect(dto.figures.scheduledWon == 0 && dto.figures.payableWon == 0)
            #expect(dto.callBudget.committedWon == 60_000_000)  // what was paid
            let unspent = try await fixture.post(
                Endpoints.apiGrantClawbacks.link([.agreementID: id.uuidString]), fixture.operatorToken,
                #"{"source":"unspent","amountWon":10000000,"reason":"Unspent at settlement"}"#)
            #expect(unspent.status == .created, "\(unspent.body.string)")
            let early_close = try await fixture.post(
                fixture.event(id), fixture.operatorToken, #"{"event":"close-settlement"}"#)
            #expect(early_close.status == .conflict && errorCode(early_close) == "settlement_items_open")
            for owed in try await fixture.agreement(id).clawbacks {
                let recovered = try await fixture.post(
                    Endpoints.apiGrantClawbackRecovery.link([
                        .agreementID: id.uuidString, .clawbackID: owed.id.uuidString,
                    ]),
                    fixture.operatorToken, "{}")
                #expect(recovered.status == .ok, "\(recovered.body.string)")
            }
            let closed = try await fixture.post(
                fixture.event(id), fixture.operatorToken, #"{"event":"close-settlement"}"#)
            #expect(closed.status == .ok, "\(closed.body.string)")
            dto = try closed.content.decode(GrantAgreementDTO.self)
            #expect(dto.status == .settled && dto.figures.returnedWon == 60_000_000)
            #expect(dto.figures.paidWon == 60_000_000 && dto.figures.clawbackDueWon == 0 && dto.figures.unspentWon == 0)
            try await LedgerChecks.holdEverywhere(app)
            // Whoever acts next was told: the startup of the draft, approval and clawback; the
            // organisation of the report.
            let startupAccount = try #require(
                try await AccountRecord.query(on: app.db).filter(\.$email == "startup@teukgu.demo").first())
            let operatorAccount = try #require(
                try await AccountRecord.query(on: app.db).filter(\.$email == "operator@teukgu.demo").first())
            let toStartup = try await OutboxMessageRecord.query(on: app.db)
                .filter(\.$recipientAccountID == (try startupAccount.requireID())).filter(\.$relatedID == id.uuidString)
                .all()
            let toOperator = try await OutboxMessageRecord.query(on: app.db)
                .filter(\.$recipientAccountID == (try operatorAccount.requireID())).filter(
                    \.$relatedID == id.uuidString
                )
                .count()
            #expect(toStartup.count >= 3 && toOperator >= 1)
        }
    }

    @Test func theLedgerRefusesToBeEditedOrDeleted() async throws {
        try await withTeukgu { app in
            let fixture = try await GrantFixture.make(app)
            _ = try await fixture.signed()
            let sql = try #require(app.db as? any SQLDatabase)
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE ledger_entries SET amount_won = 1").run()
            }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM ledger_entries").run() }
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE ledger_balances SET balance_won = -5 WHERE account <> 'appropriation'").run()
            }
            #expect(try await LedgerEntryRecord.query(on: app.db).count() > 0)
        }
    }

    @Test func anotherPartysAgreementIsNotFoundAndRolesAreHeld() async throws {
        try await withTeukgu { app in
            let fixture = try await GrantFixture.make(app)
            let signed = try await fixture.signed()
            let path = Endpoints.apiGrantAgreement.link([.agreementID: signed.id.uuidString])
            for (email, expected) in [
                ("startup2@teukgu.demo", HTTPStatus.notFound), ("busan@teukgu.demo", .forbidden),
                ("google@teukgu.demo", .notFound), ("nvidia@teukgu.demo", .ok), ("startup@teukgu.demo", .ok),
                ("operator@teukgu.demo", .ok), ("officer@teukgu.demo", .ok),
            ] {
                guard try await AccountRecord.query(on: app.db).filter(\.$email == email).first() != nil else {
                    continue
                }
                let token = try await app.bearerToken(for: email)
                let response = try await app.testing().sendRequest(.GET, path, headers: .bearer(token))
                #expect(response.status == expected, "\(email)")
            }
            // The startup cannot pay itself, and the organisation cannot sign for the startup.
            try await fixture.approve(signed.id, 1)
            let selfPay = try await fixture.post(fixture.instalment(signed.id, 1), fixture.startup, #"{"event":"pay"}"#)
            #expect(selfPay.status == .forbidden)
            let list = try await app.testing().sendRequest(
                .GET, Endpoints.apiGrantAgreements.link(),
                headers: .bearer(try await app.bearerToken(for: "startup2@teukgu.demo")))
            #expect(list.status == .ok && !list.body.string.contains(signed.id.uuidString))
        }
    }

    @Test func termsThatDoNotAddUpOrPassTheCapAreRefusedWithNothingStored() async throws {
        try await withTeukgu { app in
            let fixture = try await GrantFixture.make(app)
            // The demo cohort is on file already: nothing more may be stored.
            let agreementsBefore = try await GrantAgreementRecord.query(on: app.db).count()
            let entriesBefore = try await LedgerEntryRecord.query(on: app.db).count()
            let overCap = try await fixture.post(
                Endpoints.apiDraftGrantAgreement.link(), fixture.operatorToken, fixture.draftBody(award: 200_000_001))
            #expect(overCap.status == .unprocessableEntity && overCap.body.string.contains("award"))
            let card = fixture.draftBody().replacingOccurrences(of: "123-456789-01-234", with: "4111 1111 1111 1111")
            let refusedCard = try await fixture.post(
                Endpoints.apiDraftGrantAgreement.link(), fixture.operatorToken, card)
            #expect(refusedCard.status == .unprocessableEntity && errorCode(refusedCard) == "invalid_project_account")
            let noKey = try await fixture.post(
                Endpoints.apiDraftGrantAgreement.link(), fixture.operatorToken, fixture.draftBody(), key: nil)
            #expect(noKey.status == .badRequest && errorCode(noKey) == "idempotency_key_required")
            let unknownField = try await fixture.post(
                Endpoints.apiDraftGrantAgreement.link(), fixture.operatorToken,
                fixture.draftBody().replacingOccurrences(of: #""bankName""#, with: #""extra":1,"bankName""#))
            #expect(unknownField.status == .badRequest)
            #expect(try await GrantAgreementRecord.query(on: app.db).count() == agreementsBefore)
            #expect(try await LedgerEntryRecord.query(on: app.db).count() == entriesBefore)
        }
    }
}

/// The ledger's invariants, read back from the database.
enum LedgerChecks {
    static func holdEverywhere(_ app: Application) async throws {
        let sql = try #require(app.db as? any SQLDatabase)
        struct Row: Decodable {
            let account: String
            let balance_won: Int64
        }
        let balances = try await sql.select().columns("account", "balance_won").from("ledger_balances")
            .all(decoding: Row.self)
        // Every balance is what its entries add up to, and only the appropriation is below zero.
        let entries = try await LedgerEntryRecord.query(on: app.db).all()
        var sums: [String: Int64] = [:]
        for entry in entries {
            sums[entry.fromAccount, default: 0] -= entry.amountWon
            sums[entry.toAccount, default: 0] += entry.amountWon
        }
        for row in balances {
            #expect(sums[row.account, default: 0] == row.balance_won, "\(row.account)")
            if row.account != "appropriation" { #expect(row.balance_won >= 0, "\(row.account)") }
        }
        #expect(sums.values.reduce(0, +) == 0)
    }
}
