import Foundation
import Testing

@testable import TeukguCore

/// The grant ledger's rules as the core states them.
@Suite struct GrantLedgerTests {
    let call = UUID()
    let agreement = UUID()
    let instalment = UUID()

    @Test func moneyFlowsDownTheChainAndNeverBelowZero() throws {
        var ledger = Ledger()
        try ledger.post(.budget, from: .appropriation, to: .callAvailable(call), amount: Money(won: 100))
        #expect(
            throws: LedgerError.insufficientBalance(
                account: LedgerAccount.callAvailable(call).key, available: Money(won: 100), requested: Money(won: 101))
        ) {
            try ledger.post(
                .commitment, from: .callAvailable(call), to: .agreementCommitted(agreement), amount: Money(won: 101))
        }
        try ledger.post(
            .commitment, from: .callAvailable(call), to: .agreementCommitted(agreement), amount: Money(won: 60))
        try ledger.post(
            .scheduling, from: .agreementCommitted(agreement), to: .instalmentScheduled(instalment),
            amount: Money(won: 60))
        // A payment cannot skip the approval.
        #expect(throws: LedgerError.self) {
            try ledger.post(
                .payment, from: .instalmentScheduled(instalment), to: .projectAccount(agreement), amount: Money(won: 1))
        }
        try ledger.post(
            .approval, from: .instalmentScheduled(instalment), to: .instalmentPayable(instalment),
            amount: Money(won: 60))
        let paid = try ledger.post(
            .payment, from: .instalmentPayable(instalment), to: .projectAccount(agreement), amount: Money(won: 60))
        #expect(ledger.balance(.callAvailable(call)) == Money(won: 40))
        #expect(ledger.balance(.projectAccount(agreement)) == Money(won: 60))
        #expect(ledger.balance(.appropriation) == Money(won: -100))
        try ledger.reverse(paid)
        #expect(throws: LedgerError.notReversible) { try ledger.reverse(paid) }
        #expect(ledger.balance(.instalmentPayable(instalment)) == Money(won: 60))
        #expect(ledger.allBalances.values.map(\.won).reduce(0, +) == 0)
    }

    @Test func zeroNegativeAndSelfMovesAreRefused() {
        var ledger = Ledger()
        #expect(throws: LedgerError.invalidAmount) {
            try ledger.post(.budget, from: .appropriation, to: .callAvailable(call), amount: .zero)
        }
        #expect(throws: LedgerError.invalidAmount) {
            try ledger.post(.budget, from: .appropriation, to: .callAvailable(call), amount: Money(won: -5))
        }
        #expect(throws: LedgerError.self) {
            try ledger.post(
                .spending, from: .projectAccount(agreement), to: .projectAccount(agreement), amount: Money(won: 1))
        }
        #expect(ledger.entries.isEmpty)
    }

    @Test func accountKeysReadBackToTheSameAccount() {
        for account: LedgerAccount in [
            .appropriation, .returned, .callAvailable(call), .trackAvailable(call), .agreementCommitted(agreement),
            .instalmentScheduled(instalment), .instalmentPayable(instalment), .projectAccount(agreement),
            .agreementSpent(agreement), .clawbackDue(agreement),
        ] {
            #expect(LedgerAccount(key: account.key) == account)
        }
        #expect(LedgerAccount(key: "call/not-a-uuid/available") == nil)
    }

    @Test func costSharesAddUpToTheWholeCostExactly() {
        let ratios = CostShareRatios(governmentPercent: 70, cashPercent: 10, inKindPercent: 20)
        for award in [Int64(1), 7, 150_000_000, 199_999_999, 200_000_000] {
            let parts = ratios.contributions(for: Money(won: award))
            #expect(parts.total.won == award + parts.cash.won + parts.inKind.won)
            #expect(parts.total.won * 70 >= award * 100)
        }
        #expect(!CostShareRatios(governmentPercent: 70, cashPercent: 10, inKindPercent: 10).isValid)
    }

    @Test func termsMustAddUpAndStayUnderTheCap() {
        let start = CalendarDate(iso: "2026-03-01")!
        let terms = AgreementTerms(
            award: Money(won: 100), starts: start, ends: start.adding(days: 300),
            instalments: [.init(milestone: "M1", amount: Money(won: 40), due: start.adding(days: 10))],
            plan: [.personnel: Money(won: 100)])
        let codes = terms.problems(cap: Money(won: 90)).map(\.code)
        #expect(codes.contains("over_grant_cap") && codes.contains("instalments_do_not_add_up"))
        #expect(!codes.contains("plan_does_not_add_up"))
    }

    @Test func anAgreementIsSignedOnceAndSettledAfterItRunsOrIsTerminated() throws {
        #expect(try AgreementStatus.draft.applying(.sign) == .signed)
        #expect(!AgreementStatus.signed.allows(.sign))
        #expect(try AgreementStatus.signed.applying(.terminate).applying(.openSettlement) == .settling)
        #expect(try AgreementStatus.settling.applying(.closeSettlement).isFinal)
        #expect(!AgreementStatus.draft.allows(.openSettlement))
    }
}

/// Hostile numbers never trap: ratios far outside percent are refused before they are added.
@Suite struct CostShareRatioBoundsTests {
    @Test func hugeRatiosAreInvalidRatherThanOverflowing() {
        #expect(!CostShareRatios(governmentPercent: Int.max, cashPercent: 1, inKindPercent: 0).isValid)
        #expect(!CostShareRatios(governmentPercent: 50, cashPercent: Int.min, inKindPercent: 50).isValid)
    }
}
