import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// The deadlines a granted case leaves owing: each shows on the case and on its owner's page, goes
/// away when met, and is reminded 7 days and 1 day ahead, once each.
@Suite struct SandboxDeadlineTests {
    let cases = SandboxCaseTests()
    let permits = SandboxPermitTests()

    func deadlines(_ app: Application, _ id: UUID, _ token: String) async throws -> [String: String] {
        let dto = try await cases.fetch(app, id, token).content.decode(SandboxCaseDTO.self)
        return Dictionary(dto.deadlines.map { ($0.kind, "\($0.due) \($0.owner)") }, uniquingKeysWith: { a, _ in a })
    }

    @Test func anExemptionOwesItsExtensionApplicationResultsReportAndRevisionPlan() async throws {
        try await withTeukgu { app in
            try await clearSandboxCases(app)
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            permits.day(app, "2026-12-01")
            let (exemption, officer) = try await permits.grant(app, kind: .demonstrationExemption, until: "2027-06-30")
            #expect(
                try await deadlines(app, exemption.id, startup) == [
                    "extension-application": "2027-04-30 company", "results-report": "2027-07-30 company",
                ])
            var company = BrowserSession(app: app)
            _ = try await company.signIn("startup@teukgu.demo")
            _ = try await company.post(Endpoints.setLanguage.link(), form: ["lang": "en", "back": "/"])
            let home = try await company.get(Endpoints.sandboxHome.link()).body.string
            #expect(home.contains("Last day to apply for the extension") && home.contains("Results report due"))
            let casePage = try await company.get(
                Endpoints.sandboxCasePage.link([.caseID: exemption.id.uuidString])
            ).body.string
            #expect(casePage.contains("2027-07-30") && casePage.contains("art. 87(11)"))

            // Reminders: 7 days before the last day to apply, once, even from two instances at once.
            func send(_ day: String) async throws -> Int {
                try await SandboxDeadlineReminders.send(app: app, today: CalendarDate(iso: day)!)
            }
            #expect(try await send("2027-04-22") == 0)
            async let first = send("2027-04-23")
            async let second = send("2027-04-23")
            #expect(try await first + second == 1)
            #expect(try await send("2027-04-25") == 0)
            #expect(try await send("2027-04-29") == 1)
            let reminded = try await OutboxMessageRecord.query(on: app.db).filter(\.$subject ~~ "2027-04-30").count()
            #expect(reminded >= 2)

            // Asking for the law's revision replaces both with the ministry's revision plan; the
            // exemption now runs to Busan's last day, which the insurance on file does not reach.
            permits.day(app, "2027-03-01")
            try await cases.step(app, exemption.id, startup, #"{"event":"request-revision","note":"Amend art. 11"}"#)
            #expect(
                try await deadlines(app, exemption.id, startup) == [
                    "revision-plan": "2027-04-30 ministry", "insurance-renewal": "2027-06-30 company",
                ])
            var ministry = BrowserSession(app: app)
            _ = try await ministry.signIn("officer@teukgu.demo")
            _ = try await ministry.post(Endpoints.setLanguage.link(), form: ["lang": "en", "back": "/"])
            #expect(try await ministry.get(Endpoints.sandboxHome.link()).body.string.contains("Law-revision plan due"))
            try await cases.step(app, exemption.id, officer, #"{"event":"record-revision-plan"}"#, expect: .badRequest)
            try await cases.step(
                app, exemption.id, officer,
                #"{"event":"record-revision-plan","note":"Ship Officers Act art. 11, 2027"}"#)
            #expect(
                try await deadlines(app, exemption.id, startup) == ["insurance-renewal": "2027-06-30 company"])
        }
    }

    @Test func aResultsReportNeedsItsDocumentsAndIsFiledOnce() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            permits.day(app, "2026-12-01")
            let (exemption, officer) = try await permits.grant(app, kind: .demonstrationExemption, until: "2027-06-30")
            try await cases.step(
                app, exemption.id, startup, #"{"event":"submit-results","note":"Trial results"}"#, expect: .badRequest)
            let report = try await DocumentTests().upload(app, token: startup, body: DocumentTests.pdf, name: "r.pdf")
            let id = try report.content.decode(DocumentDTO.self).id
            try await cases.step(
                app, exemption.id, officer, #"{"event":"submit-results","note":"x","documentIDs":["\#(id)"]}"#,
                expect: .forbidden)
            try await cases.step(
                app, exemption.id, startup,
                #"{"event":"submit-results","note":"Trial results","documentIDs":["\#(id)"]}"#
            )
            #expect(try await deadlines(app, exemption.id, startup)["results-report"] == nil)
            try await cases.step(
                app, exemption.id, startup, #"{"event":"submit-results","note":"Again","documentIDs":["\#(id)"]}"#,
                expect: .conflict)
        }
    }

    @Test func anExtendedGrantOwesRenewedInsuranceUntilItIsFiled() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            permits.day(app, "2026-12-01")
            let (permit, officer) = try await permits.grant(app, kind: .temporaryPermit, until: "2027-06-30")
            permits.day(app, "2027-04-01")
            try await cases.step(app, permit.id, startup, #"{"event":"request-extension"}"#)
            try await cases.step(app, permit.id, officer, #"{"event":"extend-validity","days":30}"#)
            #expect(try await deadlines(app, permit.id, startup)["insurance-renewal"] == "2027-06-30 company")
            try await permits.policy(app, permit.id, startup, until: "2027-07-30")
            #expect(try await deadlines(app, permit.id, startup)["insurance-renewal"] == nil)
        }
    }
}
