import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// The grant pages as people use them: the organisation drafts from the list of selected startups,
/// the startup signs and reports, the organisation approves and pays; a resubmitted form pays once;
/// a refused form keeps what was typed.
@Suite struct GrantPageTests {
    static func field(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    @Test func anAgreementIsDraftedSignedReportedApprovedAndPaidThroughThePages() async throws {
        try await withTeukgu { app in
            let fixture = try await GrantFixture.make(app)
            var organisation = BrowserSession(app: app)
            _ = try await organisation.signIn("operator@teukgu.demo")
            var home = try await organisation.get(Endpoints.grantsHome.link())
            #expect(home.status == .ok && home.body.string.contains(fixture.applicationID.uuidString))
            let csrf = try #require(BrowserSession.csrf(in: home.body.string))
            let key = try #require(Self.field("idempotencyKey", in: home.body.string))
            var form = [
                "csrf": csrf, "idempotencyKey": key, "applicationID": fixture.applicationID.uuidString,
                "awardWon": "250,000,000", "starts": fixture.today.adding(days: -30).iso,
                "ends": fixture.today.adding(days: 300).iso, "milestone1": "Prototype", "amount1": "100000000",
                "due1": fixture.today.adding(days: 60).iso, "plan_personnel": "100000000", "bankName": "IBK",
                "accountHolder": "Demo Startup", "accountNumber": "123-456789-01-234",
            ]
            // Over the cap: refused, and everything typed but the account number comes back.
            let refused = try await organisation.post(Endpoints.draftGrantAgreementForm.link(), form: form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("250,000,000") && refused.body.string.contains("Prototype"))
            #expect(!refused.body.string.contains("456789"))
            form["awardWon"] = "100000000"
            let drafted = try await organisation.post(Endpoints.draftGrantAgreementForm.link(), form: form)
            #expect(drafted.status == .seeOther, "\(drafted.body.string)")
            let page = try #require(drafted.headers.first(name: .location))
            // The same form again (a double click) drafts nothing more.
            let again = try await organisation.post(Endpoints.draftGrantAgreementForm.link(), form: form)
            #expect(again.headers.first(name: .location) == page)
            #expect(
                try await GrantAgreementRecord.query(on: app.db).filter(\.$applicationID == fixture.applicationID)
                    .count()
                    == 1)

            var startup = BrowserSession(app: app)
            _ = try await startup.signIn("startup@teukgu.demo")
            var view = try await startup.get(page)
            #expect(view.status == .ok)
            func act(_ session: inout BrowserSession, _ fields: [String: String]) async throws -> TestingHTTPResponse {
                let current = try await session.get(page)
                var form = fields
                form["csrf"] = BrowserSession.csrf(in: current.body.string) ?? ""
                form["idempotencyKey"] = Self.field("idempotencyKey", in: current.body.string) ?? ""
                let action = Endpoints.grantAgreementActionForm.link([
                    .agreementID: String(page.split(separator: "/").last ?? "")
                ])
                return try await session.post(action, form: form)
            }
            #expect(try await act(&startup, ["action": "sign"]).status == .seeOther)
            #expect(
                try await act(&startup, ["action": "report", "number": "1", "report": "Prototype runs"]).status
                    == .seeOther)
            #expect(try await act(&organisation, ["action": "approve", "number": "1"]).status == .seeOther)
            let paid = try await act(&organisation, ["action": "pay", "number": "1", "amountWon": "40000000"])
            #expect(paid.status == .seeOther)
            view = try await organisation.get(page)
            #expect(view.body.string.contains("40,000,000") && view.body.string.contains("60,000,000"))
            // Both languages render the balances.
            for language in ["ko", "en"] {
                let rendered = try await organisation.get(page + "?lang=\(language)")
                #expect(rendered.status == .ok)
            }
            home = try await startup.get(Endpoints.grantsHome.link())
            #expect(home.status == .ok && home.body.string.contains("40,000,000"))
            let partner = try await app.testing().sendRequest(
                .GET, page, headers: .bearer(try await app.bearerToken(for: "busan@teukgu.demo")))
            #expect(partner.status == .forbidden)
        }
    }

    @Test func everyGrantStateStepAndKindHasWordsInBothLanguages() {
        var keys: [String] = []
        keys += AgreementStatus.allCases.map { "grant.status.\($0.rawValue)" }
        keys += AgreementStatus.Event.allCases.map { "grant.event.\($0.rawValue)" }
        keys += LedgerEntryKind.allCases.map { "grant.entry.\($0.rawValue)" }
        keys += ["planned", "scheduled", "reported", "returned", "approved", "cancelled"].map {
            "grant.instalment.\($0)"
        }
        keys += ["recorded", "accepted", "rejected"].map { "grant.spending.\($0)" }
        keys += ["requested", "approved", "refused"].map { "grant.reallocation.\($0)" }
        keys += ["due", "recovered", "reversed"].map { "grant.clawback.\($0)" }
        for key in keys {
            #expect(Strings.entries[key].map { !$0.0.isEmpty && !$0.1.isEmpty } == true, "\(key)")
        }
    }
}

/// The illustrative 2025 cohort every demo account finds on its grant pages.
@Suite struct GrantDemoTests {
    @Test func everyDemoPartyFindsTheIllustrativeCohortOnItsPages() async throws {
        try await withTeukgu { app in
            for (email, expected) in [
                ("startup@teukgu.demo", "180,000,000"), ("startup2@teukgu.demo", "150,000,000"),
                ("startup3@teukgu.demo", "120,000,000"), ("operator@teukgu.demo", "6,000,000,000"),
                ("officer@teukgu.demo", "6,000,000,000"), ("nvidia@teukgu.demo", "180,000,000"),
            ] {
                var session = BrowserSession(app: app)
                _ = try await session.signIn(email)
                for language in ["ko", "en"] {
                    let home = try await session.get(Endpoints.grantsHome.link() + "?lang=\(language)")
                    #expect(home.status == .ok, "\(email)")
                    #expect(home.body.string.contains(expected), "\(email) \(language)")
                }
            }
            let running = try #require(
                try await GrantAgreementRecord.query(on: app.db).filter(\.$awardWon == 180_000_000).first())
            let token = try await app.bearerToken(for: "startup@teukgu.demo")
            let dto = try await app.testing().sendRequest(
                .GET, Endpoints.apiGrantAgreement.link([.agreementID: try running.requireID().uuidString]),
                headers: .bearer(token)
            ).content.decode(GrantAgreementDTO.self)
            #expect(dto.status == .signed && dto.figures.paidWon == 72_000_000 && dto.figures.spentWon == 42_000_000)
            #expect(dto.benefits.count == 2 && dto.outcomes.first?.state == "confirmed")
            #expect(dto.spendings.contains { $0.state == "recorded" })  // one waits for the organisation
            let draft = try #require(
                try await GrantAgreementRecord.query(on: app.db).filter(\.$awardWon == 120_000_000).first())
            #expect(draft.status == .draft)
            try await LedgerChecks.holdEverywhere(app)
        }
    }
}

/// Amending through the page: the form starts from the terms in force; a refusal keeps what was typed.
@Suite struct GrantAmendmentPageTests {
    @Test func theOrganisationAmendsTheTermsThroughThePage() async throws {
        try await withTeukgu { app in
            let fixture = try await GrantFixture.make(app)
            let agreement = try await fixture.signed()
            let page = Endpoints.grantAgreementPage.link([.agreementID: agreement.id.uuidString])
            var organisation = BrowserSession(app: app)
            _ = try await organisation.signIn("operator@teukgu.demo")
            let view = try await organisation.get(page)
            #expect(view.body.string.contains("value=\"150000000\""))
            var form = [
                "csrf": BrowserSession.csrf(in: view.body.string) ?? "",
                "idempotencyKey": GrantPageTests.field("idempotencyKey", in: view.body.string) ?? "",
                "action": "amend", "reason": "Scope narrowed", "awardWon": "130000000",
                "starts": agreement.terms.starts.iso, "ends": agreement.terms.ends.iso,
                "milestone1": "Prototype with the partner's stack", "amount1": "60000000",
                "due1": agreement.terms.instalments[0].due.iso, "milestone2": "Pilot with a customer",
                "amount2": "90000000", "due2": agreement.terms.instalments[1].due.iso,
                "plan_personnel": "65000000", "plan_materials": "65000000",
            ]
            let action = Endpoints.grantAgreementActionForm.link([.agreementID: agreement.id.uuidString])
            let refused = try await organisation.post(action, form: form)
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.body.string.contains("Scope narrowed") && refused.body.string.contains("value=\"130000000\""))
            form["amount2"] = "70000000"
            form["idempotencyKey"] = UUID().uuidString
            let amended = try await organisation.post(action, form: form)
            #expect(amended.status == .seeOther, "\(amended.body.string)")
            let dto = try await fixture.agreement(agreement.id)
            #expect(dto.figures.awardWon == 130_000_000 && dto.amendments.first?.reason == "Scope narrowed")
            #expect(dto.callBudget.committedWon == 130_000_000)
        }
    }
}

/// The rest of an agreement's life through the pages: spending, a reallocation, a reversal, a
/// clawback and the settlement, each form as people submit it.
@Suite struct GrantSettlementPageTests {
    @Test func spendingReallocationReversalClawbackAndSettlementRunThroughThePages() async throws {
        try await withTeukgu { app in
            let fixture = try await GrantFixture.make(app)
            let agreement = try await fixture.signed()
            try await fixture.approve(agreement.id, 1)
            let page = Endpoints.grantAgreementPage.link([.agreementID: agreement.id.uuidString])
            let action = Endpoints.grantAgreementActionForm.link([.agreementID: agreement.id.uuidString])
            var organisation = BrowserSession(app: app)
            _ = try await organisation.signIn("operator@teukgu.demo")
            var startup = BrowserSession(app: app)
            _ = try await startup.signIn("startup@teukgu.demo")
            func act(_ session: inout BrowserSession, _ fields: [String: String]) async throws -> TestingHTTPResponse {
                let current = try await session.get(page)
                var form = fields
                form["csrf"] = BrowserSession.csrf(in: current.body.string) ?? ""
                form["idempotencyKey"] = GrantPageTests.field("idempotencyKey", in: current.body.string) ?? ""
                return try await session.post(action, form: form)
            }
            func expectDone(_ response: TestingHTTPResponse, _ what: String) {
                #expect(response.status == .seeOther, "\(what): \(response.status) \(response.body.string.prefix(300))")
            }
            expectDone(
                try await act(&organisation, ["action": "pay", "number": "1", "amountWon": "10000000"]), "wrong pay")
            var dto = try await fixture.agreement(agreement.id)
            let wrong = try #require(dto.entries.last { $0.kind == .payment })
            expectDone(
                try await act(
                    &organisation, ["action": "reverse", "recordID": wrong.id.uuidString, "reason": "Wrong account"]),
                "reverse")
            expectDone(try await act(&organisation, ["action": "pay", "number": "1"]), "pay")
            expectDone(
                try await act(
                    &startup,
                    [
                        "action": "spend", "category": "materials", "amountWon": "20,000,000",
                        "spentOn": fixture.today.iso,
                        "description": "Sensors",
                    ]), "spend")
            expectDone(
                try await act(
                    &startup,
                    [
                        "action": "reallocate", "from": "personnel", "to": "materials", "amountWon": "5000000",
                        "reason": "More sensors",
                    ]), "reallocate")
            dto = try await fixture.agreement(agreement.id)
            let reallocation = try #require(dto.reallocations.first)
            expectDone(
                try await act(
                    &organisation,
                    ["action": "decide-reallocation", "recordID": reallocation.id.uuidString, "decision": "approve"]),
                "decide")
            let spending = try #require(dto.spendings.first)
            expectDone(
                try await act(
                    &organisation,
                    ["action": "review-spending", "recordID": spending.id.uuidString, "decision": "accept"]),
                "review")
            expectDone(try await act(&organisation, ["action": "open-settlement"]), "open settlement")
            expectDone(
                try await act(
                    &organisation,
                    [
                        "action": "clawback", "source": "unspent", "amountWon": "40000000",
                        "reason": "Unspent at settlement",
                    ]), "clawback")
            dto = try await fixture.agreement(agreement.id)
            let clawback = try #require(dto.clawbacks.first)
            expectDone(
                try await act(&organisation, ["action": "recover", "recordID": clawback.id.uuidString]), "recover")
            expectDone(try await act(&organisation, ["action": "close-settlement"]), "close settlement")
            dto = try await fixture.agreement(agreement.id)
            #expect(
                dto.status == .settled && dto.figures.spentWon == 20_000_000 && dto.figures.returnedWon == 40_000_000)
            #expect(dto.plan.first { $0.category == .materials }?.plannedWon == 80_000_000)
            #expect(dto.entries.contains { $0.kind == .reversal })
            try await LedgerChecks.holdEverywhere(app)
        }
    }
}
