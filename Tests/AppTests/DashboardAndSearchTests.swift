import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// The ministry's dashboard, and staff search scoped per role: each role finds what it may read
/// and nothing else, through the page and the API alike.
@Suite struct DashboardAndSearchTests {
    @Test func theDashboardShowsDeadlinesApplicationsMoneyAndTargetsToTheMinistryOnly() async throws {
        try await withTeukgu { app in
            let due = try await SandboxCaseRecord.query(on: app.db).filter(\.$dueOn != nil).sort(\.$dueOn).first()
            for language in ["ko", "en"] {
                var browser = BrowserSession(app: app)
                _ = try await browser.signIn("officer@teukgu.demo")
                _ = try await browser.post(Endpoints.setLanguage.link(), form: ["lang": language, "back": "/"])
                let page = try await browser.get(Endpoints.ministryDashboard.link())
                #expect(page.status == .ok)
                let html = page.body.string
                for key in ["tpl.dashboard.deadlines", "tpl.dashboard.applications", "tpl.dashboard.budgets"] {
                    #expect(html.contains(Strings.text(key, language)), "\(key)")
                }
                // Every chart has a title (its text alternative) and a table follows it.
                #expect(html.components(separatedBy: "<svg").count - 1 >= 3)
                #expect(html.components(separatedBy: "<title>").count >= html.components(separatedBy: "<svg").count)
                if let due { #expect(html.contains(due.number)) }
                // The demo cohort's money: 6 bn budget.
                #expect(html.contains(Money(won: 6_000_000_000).text(language: language)))
                // Demo self-evaluations against targets.
                #expect(html.contains("%</td>"))
            }
            for email in ["busan@teukgu.demo", "startup@teukgu.demo", "nvidia@teukgu.demo", "operator@teukgu.demo"] {
                var browser = BrowserSession(app: app)
                _ = try await browser.signIn(email)
                let refused = try await browser.get(Endpoints.ministryDashboard.link())
                #expect(refused.status == .forbidden, "\(email)")
            }
            let anonymous = try await app.testing().sendRequest(.GET, Endpoints.ministryDashboard.link())
            #expect(anonymous.status != .ok)
        }
    }

    func search(_ app: Application, _ email: String, _ query: String) async throws -> [RecordSearch.Hit] {
        let token = try await app.bearerToken(for: email)
        let response = try await app.testing().sendRequest(
            .GET, Endpoints.apiSearch.link(query: ["q": query]), headers: .bearer(token))
        #expect(response.status == .ok, "\(email) \(query): \(response.body.string)")
        return try response.content.decode(SearchController.Answer.self).hits
    }

    @Test func eachRoleFindsOnlyWhatItMayRead() async throws {
        try await withTeukgu { app in
            let naju = try #require(try await CompanyRecord.query(on: app.db).filter(\.$name == "Naju DC Grid").first())
            let haeum = try #require(
                try await CompanyRecord.query(on: app.db).filter(\.$name == "Haeum Marine Robotics").first())
            let busanCase = try #require(
                try await SandboxCaseRecord.query(on: app.db).filter(\.$regionID == "busan").first())
            let otherCase = try #require(
                try await SandboxCaseRecord.query(on: app.db).filter(\.$regionID != "busan").first())

            // The ministry: every kind, by name, by registration number with dashes, by receipt number.
            let byName = try await search(app, "officer@teukgu.demo", "naju")
            #expect(Set(byName.map(\.kind)).isSuperset(of: [.sandboxCase, .agreement, .collaborationApplication]))
            #expect(try await search(app, "officer@teukgu.demo", "jeonnam").contains { $0.kind == .district })
            let dashed = try #require(BusinessRegistrationNumber(naju.businessRegistrationNumber)?.description)
            let byNumber = try await search(app, "officer@teukgu.demo", dashed)
            #expect(byNumber.contains { $0.kind == .agreement && $0.title.contains("Naju DC Grid") })
            #expect(!byNumber.contains { $0.kind == .district })
            let byReceipt = try await search(app, "officer@teukgu.demo", otherCase.number.lowercased())
            #expect(byReceipt.map(\.title).contains { $0.hasPrefix(otherCase.number) })

            // A region: its own region's cases only, and never agreements.
            let busan = try await search(app, "busan@teukgu.demo", "SB-2026")
            #expect(busan.contains { $0.title.hasPrefix(busanCase.number) })
            #expect(!busan.contains { $0.title.hasPrefix(otherCase.number) })
            #expect(try await search(app, "busan@teukgu.demo", otherCase.number).isEmpty)
            #expect(try await search(app, "busan@teukgu.demo", "GA-2025").isEmpty)

            // A partner: agreements on its own track only, and no sandbox cases.
            let nvidia = try await search(app, "nvidia@teukgu.demo", "GA-2025")
            #expect(nvidia.count == 1 && nvidia[0].title.contains(haeum.name))
            #expect(try await search(app, "nvidia@teukgu.demo", busanCase.number).isEmpty)

            // The operating organisation: the agreements it operates.
            let operated = try await search(app, "operator@teukgu.demo", "GA-2025")
            #expect(operated.filter { $0.kind == .agreement }.count == 3)

            // Roles that do not search are refused; bad terms are a 400, not a 500.
            for email in ["startup@teukgu.demo", "evaluator@teukgu.demo", "committee@teukgu.demo"] {
                let token = try await app.bearerToken(for: email)
                let refused = try await app.testing().sendRequest(
                    .GET, Endpoints.apiSearch.link(query: ["q": "naju"]), headers: .bearer(token))
                #expect(refused.status == .forbidden, "\(email)")
            }
            let token = try await app.bearerToken(for: "officer@teukgu.demo")
            for bad in ["", "a", "%%", String(repeating: "x", count: 101)] {
                let response = try await app.testing().sendRequest(
                    .GET, Endpoints.apiSearch.link(query: ["q": bad]), headers: .bearer(token))
                #expect(response.status == .badRequest && errorCode(response) == "invalid_query", "\(bad)")
            }
            let wild = try await search(app, "officer@teukgu.demo", "_%naju%_")
            #expect(!wild.isEmpty)
        }
    }

    @Test func theSearchPageGroupsHitsInBothLanguages() async throws {
        try await withTeukgu { app in
            for language in ["ko", "en"] {
                var browser = BrowserSession(app: app)
                _ = try await browser.signIn("officer@teukgu.demo")
                _ = try await browser.post(Endpoints.setLanguage.link(), form: ["lang": language, "back": "/"])
                let page = try await browser.get(Endpoints.searchPage.link(query: ["q": "naju"]))
                #expect(page.status == .ok)
                #expect(page.body.string.contains(Strings.text("search.kind.sandbox-case", language)))
                let short = try await browser.get(Endpoints.searchPage.link(query: ["q": "n"]))
                #expect(
                    short.status == .ok && short.body.string.contains(Strings.text("tpl.search.tooShort", language)))
            }
            var startup = BrowserSession(app: app)
            _ = try await startup.signIn("startup@teukgu.demo")
            #expect(try await startup.get(Endpoints.searchPage.link(query: ["q": "naju"])).status == .forbidden)
        }
    }
}
