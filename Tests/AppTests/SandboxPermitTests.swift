import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// Temporary permits deemed extended until the law is revised (art. 90(12)) and exemptions
/// converted to temporary permits once the revision has started (art. 87(8)).
@Suite struct SandboxPermitTests {
    let cases = SandboxCaseTests()

    func day(_ app: Application, _ iso: String) {
        app.clock = FixedClock(CalendarDate(iso: iso)!.startInstant.addingTimeInterval(10 * 3600))
    }

    func policy(_ app: Application, _ caseID: UUID, _ token: String, until: String) async throws {
        let body =
            #"{"insurer":"Hanwha General","number":"P-\#(until)","from":"2026-11-01","until":"\#(until)","deathWon":150000000,"injuryWon":30000000,"disabilityWon":150000000,"propertyWon":1000000000}"#
        let response = try await app.testing().sendRequest(
            .POST, Endpoints.apiSandboxPolicy.link([.caseID: caseID.uuidString]), headers: .json(bearer: token),
            body: ByteBuffer(string: body))
        #expect(response.status == .created, "\(response.body.string)")
    }

    /// The company's check of an uncrewed vessel trial in Busan: prohibited unless a grant applies.
    func outcome(_ app: Application, _ token: String, asOf: String) async throws -> String {
        let body = """
            {"district":"busan-marine-mobility","asOf":"\(asOf)","facts":{"activity.kind":"autonomous-vessel-trial",
             "activity.crewOnboard":0,"site.zone":"test-north","company.isZoneOperator":false}}
            """
        let response = try await app.testing().sendRequest(
            .POST, Endpoints.apiRegulationCheck.link(), headers: .json(bearer: token), body: ByteBuffer(string: body))
        #expect(response.status == .ok, "\(response.body.string)")
        let decision = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any]
        return decision?["outcome"] as? String ?? "none"
    }

    func grant(_ app: Application, kind: SandboxCaseKind, until: String) async throws -> (SandboxCaseDTO, String) {
        let startup = try await app.bearerToken(for: "startup@teukgu.demo")
        let busan = try await app.bearerToken(for: "busan@teukgu.demo")
        let officer = try await app.bearerToken(for: "officer@teukgu.demo")
        let filed = try await cases.file(app, token: startup, kind: kind)
        try await cases.step(app, filed.id, busan, #"{"event":"forward"}"#)
        try await cases.step(app, filed.id, officer, #"{"event":"notify"}"#)
        let granted = try await cases.step(
            app, filed.id, officer,
            #"{"event":"grant","note":"Granted","exempts":["national.ship-officers.crew-required"],"validUntil":"\#(until)"}"#
        ).content.decode(SandboxCaseDTO.self)
        try await policy(app, filed.id, startup, until: until)
        try await cases.step(app, filed.id, startup, #"{"event":"start-use"}"#)
        return (granted, officer)
    }

    @Test func aPermitExtendedOnceRunsOnUntilTheLawIsRevised() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            day(app, "2026-12-01")
            let (permit, officer) = try await grant(app, kind: .temporaryPermit, until: "2027-06-30")
            #expect(try await outcome(app, startup, asOf: "2027-03-01") == "permitted")
            #expect(try await outcome(app, startup, asOf: "2027-08-15") == "prohibited")
            // Not yet extended: the revision is the ministries' duty, but nothing is deemed yet.
            #expect(permit.openUntilRevision == false)
            day(app, "2027-04-01")
            try await cases.step(app, permit.id, startup, #"{"event":"request-extension"}"#)
            let extended = try await cases.step(
                app, permit.id, officer, #"{"event":"extend-validity","days":30}"#
            ).content.decode(SandboxCaseDTO.self)
            #expect(extended.validUntil == "2027-07-30" && extended.openUntilRevision)
            // Past the extended validity the permit still applies: the law has not been revised.
            #expect(try await outcome(app, startup, asOf: "2027-08-15") == "permitted")
            let page = try await app.testing().sendRequest(
                .GET, Endpoints.apiSandboxCase.link([.caseID: permit.id.uuidString]), headers: .bearer(startup))
            #expect(page.body.string.contains("\"openUntilRevision\":true"))
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("startup@teukgu.demo")
            _ = try await browser.post(Endpoints.setLanguage.link(), form: ["lang": "en", "back": "/"])
            let html = try await browser.get(
                Endpoints.sandboxCasePage.link([.caseID: permit.id.uuidString]))
            #expect(html.body.string.contains("then deemed extended until the law is revised (art. 90(12))"))
            // The revision ends it on its day.
            try await cases.step(app, permit.id, startup, #"{"event":"law-revised"}"#, expect: .forbidden)
            let revised = try await cases.step(app, permit.id, officer, #"{"event":"law-revised","note":"Enacted"}"#)
                .content.decode(SandboxCaseDTO.self)
            #expect(revised.validUntil == "2027-04-01" && !revised.openUntilRevision)
            #expect(try await outcome(app, startup, asOf: "2027-08-15") == "prohibited")
            #expect(try await outcome(app, startup, asOf: "2027-03-01") == "permitted")
        }
    }

    @Test func anExemptionIsConvertedToAPermitOnceItsRevisionHasStarted() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            day(app, "2026-12-01")
            let (exemption, officer) = try await grant(app, kind: .demonstrationExemption, until: "2027-06-30")
            let early = try await cases.step(
                app, exemption.id, officer, #"{"event":"convert-to-permit","note":"Convert"}"#, expect: .conflict)
            #expect(early.body.string.contains("revision_not_started"))
            try await cases.step(app, exemption.id, startup, #"{"event":"request-revision","note":"Amend art. 11"}"#)
            try await cases.step(
                app, exemption.id, startup, #"{"event":"convert-to-permit","note":"Mine"}"#, expect: .forbidden)
            // A permit granted now runs at most three years (permits from 2026-07-01) and within
            // Busan's term, which ends 2028-05-31.
            let tooLong = try await cases.step(
                app, exemption.id, officer,
                #"{"event":"convert-to-permit","note":"Convert","validUntil":"2029-01-01"}"#,
                expect: .badRequest)
            #expect(tooLong.body.string.contains("2028-05-31"))
            day(app, "2027-01-10")
            try await cases.step(
                app, exemption.id, officer,
                #"{"event":"convert-to-permit","note":"Safety shown; revision under way","validUntil":"2027-12-31"}"#)
            let again = try await cases.step(
                app, exemption.id, officer, #"{"event":"convert-to-permit","note":"Again"}"#, expect: .conflict)
            #expect(again.body.string.contains("already_converted"))
            let record = try #require(
                try await SandboxCaseRecord.query(on: app.db).filter(\.$convertedFromID == exemption.id).first())
            #expect(record.kind == .temporaryPermit && record.status == .granted && record.companyID != UUID())
            #expect(record.validFrom == "2027-01-10" && record.validUntil == "2027-12-31")
            #expect(record.grantExemptsJSON?.contains("national.ship-officers.crew-required") == true)
            let permitID = try record.requireID()
            // Both pages link to each other.
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("startup@teukgu.demo")
            _ = try await browser.post(Endpoints.setLanguage.link(), form: ["lang": "en", "back": "/"])
            let exemptionPage = try await browser.get(
                Endpoints.sandboxCasePage.link([.caseID: exemption.id.uuidString]))
            #expect(exemptionPage.body.string.contains("Converted to the temporary permit"))
            #expect(exemptionPage.body.string.contains(record.number))
            let permitPage = try await browser.get(
                Endpoints.sandboxCasePage.link([.caseID: permitID.uuidString]))
            #expect(permitPage.body.string.contains("Converted from the exemption"))
            #expect(permitPage.body.string.contains(exemption.number))
            // The exemption still applies until the permit is used; using it ends the exemption.
            let before = try await cases.fetch(app, exemption.id, startup).content.decode(SandboxCaseDTO.self)
            #expect(before.validUntil == "2028-05-31")
            try await cases.step(app, permitID, startup, #"{"event":"start-use"}"#, expect: .unprocessableEntity)
            try await policy(app, permitID, startup, until: "2027-12-31")
            try await cases.step(app, permitID, startup, #"{"event":"start-use"}"#)
            let after = try await cases.fetch(app, exemption.id, startup).content.decode(SandboxCaseDTO.self)
            #expect(after.validUntil == "2027-01-09")
            #expect(try await outcome(app, startup, asOf: "2027-06-01") == "permitted")
            #expect(try await outcome(app, startup, asOf: "2028-02-01") == "prohibited")
        }
    }
}
