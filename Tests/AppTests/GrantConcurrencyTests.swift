import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// Many requests at once on one agreement and on one budget: however they interleave, nothing is
/// paid beyond what was approved, nothing is committed beyond the budget, no request fails with a
/// server error, and a retried request pays once. SQLite runs on a file, as the server does; the
/// same tests run on PostgreSQL in CI.
@Suite struct GrantConcurrencyTests {
    @Test func fortyConcurrentPaymentsNeverPayMoreThanTheApprovedInstalment() async throws {
        try await withTeukgu(sqliteFile: true) { app in
            let fixture = try await GrantFixture.make(app)
            let agreement = try await fixture.signed()
            try await fixture.approve(agreement.id, 1)  // 60 m payable
            let statuses = try await withThrowingTaskGroup(of: (HTTPStatus, String?).self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        let response = try await fixture.post(
                            fixture.instalment(agreement.id, 1), fixture.operatorToken,
                            #"{"event":"pay","amountWon":2000000}"#)
                        return (response.status, errorCode(response))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == .ok }.count == 30)
            #expect(statuses.filter { $0.0 != .ok }.allSatisfy { $0.0 == .conflict && $0.1 == "insufficient_balance" })
            let dto = try await fixture.agreement(agreement.id)
            #expect(dto.figures.payableWon == 0 && dto.figures.unspentWon == 60_000_000)
            #expect(dto.instalments.first?.paidWon == 60_000_000)
            try await LedgerChecks.holdEverywhere(app)
        }
    }

    @Test func thirtyTwoConcurrentSigningsNeverCommitMoreThanTheTracksBudget() async throws {
        try await withTeukgu(sqliteFile: true) { app in
            let first = try await GrantFixture.make(app)
            let track = try #require(try await CollaborationTrackRecord.find(first.trackID, on: app.db))
            track.budgetWon = 500_000_000
            try await track.save(on: app.db)
            var drafts: [(GrantFixture, UUID)] = []
            for index in 0..<32 {
                let fixture = index == 0 ? first : try await GrantFixture.newStartup(app, index: index)
                let drafted = try await fixture.post(
                    Endpoints.apiDraftGrantAgreement.link(), fixture.operatorToken, fixture.draftBody(award: 20_000_000)
                )
                #expect(drafted.status == .created, "\(drafted.body.string)")
                drafts.append((fixture, try drafted.content.decode(GrantAgreementDTO.self).id))
            }
            let statuses = try await withThrowingTaskGroup(of: (HTTPStatus, String?).self) { group in
                for (fixture, id) in drafts {
                    group.addTask {
                        let response = try await fixture.post(fixture.event(id), fixture.startup, #"{"event":"sign"}"#)
                        return (response.status, errorCode(response))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // 25 × 20 m fill the 500 m budget exactly; the other seven are refused, not overdrawn.
            #expect(statuses.filter { $0.0 == .ok }.count == 25)
            #expect(statuses.filter { $0.0 != .ok }.allSatisfy { $0.0 == .conflict && $0.1 == "insufficient_balance" })
            let budget = try await LedgerStore.balances([.trackAvailable(first.trackID)], on: app.db)
            #expect(budget[.trackAvailable(first.trackID)] == .zero)
            #expect(
                try await GrantAgreementRecord.query(on: app.db).filter(\.$trackID == first.trackID)
                    .filter(\.$status == .signed).count() == 25)
            try await LedgerChecks.holdEverywhere(app)
        }
    }

    @Test func thirtyTwoConcurrentRetriesWithOneKeyPayOnce() async throws {
        try await withTeukgu(sqliteFile: true) { app in
            let fixture = try await GrantFixture.make(app)
            let agreement = try await fixture.signed()
            try await fixture.approve(agreement.id, 1)
            let key = UUID().uuidString
            let answers = try await withThrowingTaskGroup(of: (HTTPStatus, String).self) { group in
                for _ in 0..<32 {
                    group.addTask {
                        let response = try await fixture.post(
                            fixture.instalment(agreement.id, 1), fixture.operatorToken,
                            #"{"event":"pay","amountWon":5000000}"#, key: key)
                        let entry = (try? response.content.decode(GrantStepResult.self))?.entries.first?.id.uuidString
                        return (response.status, entry ?? "")
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0.0 == .ok })
            #expect(Set(answers.map(\.1)).count == 1 && !(answers.first?.1.isEmpty ?? true))
            let dto = try await fixture.agreement(agreement.id)
            #expect(dto.figures.unspentWon == 5_000_000)
            try await LedgerChecks.holdEverywhere(app)
        }
    }
}
