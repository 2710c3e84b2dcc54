import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// Every write to grant money, retried: the same key and request answer the first result again and
/// change nothing; the same key with a different request is refused with 409.
@Suite struct GrantIdempotencyTests {
    /// Sends `body` with a fresh key, then again, then the key with `other`; returns the first answer.
    @discardableResult
    func retried(
        _ fixture: GrantFixture, _ path: String, _ token: String, _ body: String, other: String
    ) async throws -> TestingHTTPResponse {
        let key = UUID().uuidString
        let first = try await fixture.post(path, token, body, key: key)
        #expect(first.status.code < 300, "\(path): \(first.body.string)")
        let entries = try await LedgerEntryRecord.query(on: fixture.app.db).count()
        let audit = try await AuditEntryRecord.query(on: fixture.app.db).count()
        let again = try await fixture.post(path, token, body, key: key)
        #expect(again.status == first.status, "\(path)")
        #expect(again.headers.first(name: IdempotentWrites.replayedHeader) == "true", "\(path)")
        #expect(again.body.string == first.body.string, "\(path)")
        #expect(try await LedgerEntryRecord.query(on: fixture.app.db).count() == entries, "\(path)")
        #expect(try await AuditEntryRecord.query(on: fixture.app.db).count() == audit, "\(path)")
        let different = try await fixture.post(path, token, other, key: key)
        #expect(different.status == .conflict && errorCode(different) == "idempotency_key_reused", "\(path)")
        return first
    }

    @Test func everyGrantWriteAnswersARetryOnceAndRefusesAReusedKey() async throws {
        try await withTeukgu { app in
            let f = try await GrantFixture.make(app)
            let drafted = try await retried(
                f, Endpoints.apiDraftGrantAgreement.link(), f.operatorToken, f.draftBody(),
                other: f.draftBody(award: 120_000_000))
            let id = try drafted.content.decode(GrantAgreementDTO.self).id
            let agreement = [PathParameter.agreementID: id.uuidString]
            try await retried(f, f.event(id), f.startup, #"{"event":"sign"}"#, other: #"{"event":"withdraw"}"#)
            try await retried(
                f, f.instalment(id, 1), f.startup, #"{"event":"report","report":"Done."}"#,
                other: #"{"event":"report","report":"Done!"}"#)
            try await retried(
                f, f.instalment(id, 1), f.operatorToken, #"{"event":"approve"}"#,
                other: #"{"event":"return","note":"x"}"#)
            let paid = try await retried(
                f, f.instalment(id, 1), f.operatorToken, #"{"event":"pay","amountWon":30000000}"#,
                other: #"{"event":"pay","amountWon":30000001}"#)
            let payment = try #require(try paid.content.decode(GrantStepResult.self).entries.first)
            let spent = try await retried(
                f, Endpoints.apiGrantSpendings.link(agreement), f.startup,
                #"{"category":"materials","amountWon":1000000,"spentOn":"\#(f.today.iso)","description":"Parts"}"#,
                other:
                    #"{"category":"materials","amountWon":1000001,"spentOn":"\#(f.today.iso)","description":"Parts"}"#)
            let spendingID = try #require(try spent.content.decode(GrantStepResult.self).recordID)
            try await retried(
                f,
                Endpoints.apiGrantSpendingReview.link(
                    agreement.merging([.spendingID: spendingID.uuidString]) { a, _ in a }),
                f.operatorToken, #"{"decision":"reject","note":"Out of scope"}"#, other: #"{"decision":"accept"}"#)
            let asked = try await retried(
                f, Endpoints.apiGrantReallocations.link(agreement), f.startup,
                #"{"from":"personnel","to":"materials","amountWon":1000000,"reason":"Parts"}"#,
                other: #"{"from":"personnel","to":"materials","amountWon":2000000,"reason":"Parts"}"#)
            let reallocationID = try #require(try asked.content.decode(GrantStepResult.self).recordID)
            try await retried(
                f,
                Endpoints.apiGrantReallocationDecision.link(
                    agreement.merging([.reallocationID: reallocationID.uuidString]) { a, _ in a }),
                f.operatorToken, #"{"decision":"approve"}"#, other: #"{"decision":"refuse"}"#)
            let clawed = try await retried(
                f, Endpoints.apiGrantClawbacks.link(agreement), f.operatorToken,
                #"{"source":"unspent","amountWon":1000000,"reason":"Unused"}"#,
                other: #"{"source":"unspent","amountWon":1000000,"reason":"Unused!"}"#)
            let clawbackID = try #require(try clawed.content.decode(GrantStepResult.self).recordID)
            let recovered = try await retried(
                f,
                Endpoints.apiGrantClawbackRecovery.link(
                    agreement.merging([.clawbackID: clawbackID.uuidString]) { a, _ in a }),
                f.operatorToken, "{}", other: #"{"note":1}"#)
            let recovery = try #require(try recovered.content.decode(GrantStepResult.self).entries.first)
            try await retried(
                f,
                Endpoints.apiGrantEntryReversal.link(
                    agreement.merging([.entryID: recovery.id.uuidString]) { a, _ in a }),
                f.operatorToken, #"{"reason":"The transfer bounced"}"#, other: #"{"reason":"Another"}"#)
            #expect(payment.kind == .payment)
            try await retried(
                f, f.event(id), f.operatorToken, #"{"event":"terminate","reason":"The startup closed"}"#,
                other: #"{"event":"terminate","reason":"Another"}"#)
            try await retried(
                f, f.event(id), f.operatorToken, #"{"event":"open-settlement"}"#,
                other: #"{"event":"close-settlement"}"#)
            // Keys belong to their caller: another account's identical key is a new request.
            let key = UUID().uuidString
            let mine = try await f.post(Endpoints.apiGrantSpendings.link(agreement), f.startup, "{}", key: key)
            let theirs = try await f.post(f.event(id), f.operatorToken, #"{"event":"close-settlement"}"#, key: key)
            #expect(mine.status == .badRequest && errorCode(theirs) != "idempotency_key_reused")
            try await LedgerChecks.holdEverywhere(app)
        }
    }
}
