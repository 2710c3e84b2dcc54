import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// An operator that cannot be insured starts on a compensation plan its region agreed (Decree
/// art. 61), and damage claims run their course: received, paid or refused with reasons, reported
/// (Decree art. 62), with their deadlines.
@Suite struct SandboxClaimTests {
    let cases = SandboxCaseTests()
    let permits = SandboxPermitTests()

    func grantedWithoutInsurance(_ app: Application) async throws -> UUID {
        let startup = try await app.bearerToken(for: "startup@teukgu.demo")
        let busan = try await app.bearerToken(for: "busan@teukgu.demo")
        let officer = try await app.bearerToken(for: "officer@teukgu.demo")
        let filed = try await cases.file(app, token: startup, kind: .temporaryPermit)
        try await cases.step(app, filed.id, busan, #"{"event":"forward"}"#)
        try await cases.step(app, filed.id, officer, #"{"event":"notify"}"#)
        try await cases.step(
            app, filed.id, officer,
            #"{"event":"grant","note":"Granted","exempts":["national.ship-officers.crew-required"],"validUntil":"2027-06-30"}"#
        )
        return filed.id
    }

    @Test func anUninsurableOperatorStartsOnThePlanItsRegionAgreed() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let busan = try await app.bearerToken(for: "busan@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            permits.day(app, "2026-12-01")
            let id = try await grantedWithoutInsurance(app)
            try await cases.step(app, id, startup, #"{"event":"start-use"}"#, expect: .unprocessableEntity)
            let nothing = try await cases.step(
                app, id, busan, #"{"event":"agree-compensation-plan","note":"Agreed"}"#, expect: .conflict)
            #expect(nothing.body.string.contains("no_compensation_plan"))
            try await cases.step(
                app, id, startup, #"{"event":"file-compensation-plan","note":"No insurer covers it"}"#,
                expect: .badRequest)
            let planDocument = try await DocumentTests().upload(
                app, token: startup, body: DocumentTests.pdf, name: "compensation-plan.pdf")
            let documentID = try planDocument.content.decode(DocumentDTO.self).id
            try await cases.step(
                app, id, startup,
                #"{"event":"file-compensation-plan","note":"No insurer covers uncrewed vessels","documentIDs":["\#(documentID)"]}"#
            )
            try await cases.step(
                app, id, officer, #"{"event":"agree-compensation-plan","note":"Agreed"}"#, expect: .forbidden)
            try await cases.step(
                app, id, busan, #"{"event":"agree-compensation-plan","note":"Agreed in consultation"}"#)
            // The region may read the plan it agreed.
            #expect(
                try await app.testing().sendRequest(
                    .GET, Endpoints.downloadDocument.link([.documentID: documentID.uuidString]),
                    headers: .bearer(busan)
                ).status == .ok)
            let started = try await cases.step(app, id, startup, #"{"event":"start-use"}"#)
                .content.decode(SandboxCaseDTO.self)
            #expect(started.status == .inUse)
            var company = BrowserSession(app: app)
            _ = try await company.signIn("startup@teukgu.demo")
            _ = try await company.post(Endpoints.setLanguage.link(), form: ["lang": "en", "back": "/"])
            let page = try await company.get(Endpoints.sandboxCasePage.link([.caseID: id.uuidString])).body.string
            #expect(page.contains("Operates on the compensation plan agreed with the region on 2026-12-01"))
        }
    }

    @Test func aClaimIsPaidOrRefusedWithReasonsAndReportedOnTime() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let busan = try await app.bearerToken(for: "busan@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            let stranger = try await app.bearerToken(for: "startup2@teukgu.demo")
            permits.day(app, "2026-12-01")
            let id = try await grantedWithoutInsurance(app)
            let document = try await DocumentTests().upload(app, token: startup, body: DocumentTests.pdf, name: "p.pdf")
            let documentID = try document.content.decode(DocumentDTO.self).id
            try await cases.step(
                app, id, startup,
                #"{"event":"file-compensation-plan","note":"Uninsurable","documentIDs":["\#(documentID)"]}"#)
            try await cases.step(app, id, busan, #"{"event":"agree-compensation-plan","note":"Agreed"}"#)
            try await cases.step(app, id, startup, #"{"event":"start-use"}"#)
            permits.day(app, "2027-02-10")
            let claims = Endpoints.apiSandboxClaims.link([.caseID: id.uuidString])
            func post(_ path: String, _ token: String, _ body: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, path, headers: .json(bearer: token), body: ByteBuffer(string: body))
            }
            let claim =
                #"{"claimant":"Kim Minsu","address":"Busan","accidentOn":"2027-02-01","accident":"Mooring line struck a kayak at the north quay","amountWon":3500000,"basis":"Repair estimate","receivedOn":"2027-02-05"}"#
            #expect(try await post(claims, officer, claim).status == .forbidden)
            #expect(try await post(claims, stranger, claim).status == .notFound)
            let bad = try await post(
                claims, startup, claim.replacingOccurrences(of: "2027-02-05", with: "2027-01-05"))
            #expect(bad.status == .badRequest && errorCode(bad) == "invalid_claim")
            let unknownField = try await post(claims, startup, claim.replacingOccurrences(of: "}", with: #","x":1}"#))
            #expect(unknownField.status == .badRequest)
            let created = try await post(claims, startup, claim)
            #expect(created.status == .created, "\(created.body.string)")
            let dto = try created.content.decode(ClaimDTO.self)
            #expect(dto.number == "C-1" && !dto.insured && dto.status == .received)
            // Uninsured: paid within 30 days of the claim (Decree art. 62(3)).
            func deadlines(_ token: String) async throws -> [String: String] {
                let fetched = try await cases.fetch(app, id, token).content.decode(SandboxCaseDTO.self)
                // The claims' own deadlines (the permit also shows the last day to apply for its extension).
                return Dictionary(
                    fetched.deadlines.filter { $0.kind.hasPrefix("claim") }.map {
                        ("\($0.kind) \($0.subject ?? "")", $0.due)
                    }, uniquingKeysWith: { first, _ in first })
            }
            #expect(try await deadlines(startup)["claim-payment C-1"] == "2027-03-07")
            let regionView = try await cases.fetch(app, id, busan).content.decode(SandboxCaseDTO.self)
            #expect(regionView.claims.map(\.claimant) == ["Kim Minsu"])
            let settle = Endpoints.apiSandboxClaimSettlement.link([.caseID: id.uuidString, .claimID: "\(dto.id)"])
            let noReason = try await post(settle, startup, #"{"outcome":"refused","on":"2027-02-09"}"#)
            #expect(noReason.status == .badRequest && errorCode(noReason) == "refusal_reason_required")
            let tooMuch = try await post(settle, startup, #"{"outcome":"paid","on":"2027-02-09","paidWon":9000000}"#)
            #expect(tooMuch.status == .badRequest)
            let paid = try await post(settle, startup, #"{"outcome":"paid","on":"2027-02-09","paidWon":3000000}"#)
            #expect(paid.status == .ok, "\(paid.body.string)")
            #expect(
                try await post(settle, startup, #"{"outcome":"paid","on":"2027-02-09","paidWon":1}"#).status
                    == .conflict)
            // The result is reported within 15 days of the payment (Decree art. 62(5)).
            #expect(try await deadlines(startup) == ["claim-report C-1": "2027-02-24"])
            let report = Endpoints.apiSandboxClaimReport.link([.caseID: id.uuidString, .claimID: "\(dto.id)"])
            #expect(try await post(report, startup, #"{"on":"2027-02-08"}"#).status == .badRequest)
            #expect(try await post(report, startup, #"{"on":"2027-02-10"}"#).status == .ok)
            #expect(try await deadlines(startup).isEmpty)

            // Through the page: a second claim, refused with its reasons.
            var company = BrowserSession(app: app)
            _ = try await company.signIn("startup@teukgu.demo")
            let pagePath = Endpoints.sandboxCasePage.link([.caseID: id.uuidString])
            let page = try await company.get(pagePath)
            let token = try #require(BrowserSession.csrf(in: page.body.string))
            let recorded = try await company.post(
                Endpoints.sandboxClaimForm.link([.caseID: id.uuidString]),
                form: [
                    "csrf": token, "claimant": "Lee Jiwoo", "address": "Busan", "accidentOn": "2027-02-08",
                    "accident": "Wake damage to a moored boat", "amountWon": "1,200,000", "basis": "Invoice",
                    "receivedOn": "2027-02-10",
                ])
            #expect(recorded.status == .seeOther)
            let second = try #require(
                try await SandboxClaimRecord.query(on: app.db).filter(\.$number == "C-2").first())
            let refusedPage = try await company.post(
                Endpoints.sandboxClaimSettlementForm.link([.caseID: id.uuidString, .claimID: "\(second.id!)"]),
                form: [
                    "csrf": token, "outcome": "refused", "on": "2027-02-10", "reason": "The boat was outside the zone",
                ])
            #expect(refusedPage.status == .seeOther)
            let after = try await company.get(pagePath).body.string
            #expect(after.contains("The boat was outside the zone") && after.contains("Lee Jiwoo"))
        }
    }
}
