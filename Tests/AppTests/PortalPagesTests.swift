import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// The public portal as a visitor reads it, in both languages: the map with its table, a district
/// with its negative list and the way to a check, the collaboration results, the sandbox figures.
@Suite struct PortalPagesTests {
    func page(_ app: Application, _ path: String, _ language: String) async throws -> String {
        let response = try await app.testing().sendRequest(.GET, path, headers: ["Accept-Language": language])
        #expect(response.status == .ok, "\(path) \(language): \(response.status)")
        return response.body.string
    }

    @Test func theLandingPageExplainsBothProgrammesAndMapsTheDistricts() async throws {
        try await withTeukgu { app in
            let districts = try await DistrictRecord.query(on: app.db).all()
            for language in ["ko", "en"] {
                let html = try await page(app, Endpoints.landing.link(), language)
                #expect(html.components(separatedBy: "<rect ").count - 1 == 17, "one tile per region")
                #expect(html.contains(Strings.text("portal.districtsExplained", language)))
                #expect(html.contains(Strings.text("portal.collaborationProgramme", language)))
                #expect(html.contains(Endpoints.collaborationResultsPage.link()))
                #expect(html.contains(Endpoints.openDataPage.link()))
                for district in districts {
                    // Every district is reachable from the map's table, its text alternative.
                    #expect(html.contains("href=\"" + Endpoints.districtPage.link([.districtID: district.id ?? ""])))
                }
                let listing = try await page(app, Endpoints.districtsPage.link(), language)
                #expect(listing.contains("class=\"tile-map\"") && listing.contains("id=\"region-busan\""))
            }
        }
    }

    @Test func targetsReadInTheReadersLanguageWherethePlanGivesBoth() async throws {
        try await withTeukgu { app in
            let path = Endpoints.districtPage.link([.districtID: "chungbuk-regenerative-bio"])
            let korean = try await page(app, path, "ko")
            #expect(korean.contains("실증 건수") && korean.contains("일자리 창출") && !korean.contains("Jobs created"))
            let english = try await page(app, path, "en")
            #expect(english.contains("Demonstrations run") && english.contains("people") && !english.contains("일자리 창출"))
        }
    }

    @Test func aDistrictPageSaysWhatItIsForWithItsNegativeListAndACheck() async throws {
        try await withTeukgu { app in
            for language in ["ko", "en"] {
                let html = try await page(
                    app, Endpoints.districtPage.link([.districtID: "jeonnam-dc-energy"]), language)
                #expect(html.contains(Endpoints.checkPage.link([.district: "jeonnam-dc-energy"])))
                #expect(html.contains("class=\"rule-list\""))
                #expect(html.contains(Strings.text("rule.effect.prohibit", language)))
                #expect(html.contains("12.1"))
                #expect(html.contains(Strings.text("tpl.portal.targets", language)))
            }
        }
    }

    @Test func collaborationResultsByYearShowSelectionsAndAwards() async throws {
        try await withTeukgu { app in
            let signed = try await GrantAgreementRecord.query(on: app.db).filter(\.$status == .signed).all()
            #expect(!signed.isEmpty)
            let companies = try await CompanyRecord.query(on: app.db).filter(\.$id ~~ signed.map(\.companyID)).all()
            for language in ["ko", "en"] {
                let html = try await page(app, Endpoints.collaborationResultsPage.link(), language)
                // Without a year, the latest year with signed agreements: the 2025 cohort.
                #expect(html.contains("<h2>2025</h2>"))
                for company in companies { #expect(html.contains(company.name)) }
                #expect(html.contains(Money(won: signed.reduce(0) { $0 + $1.awardWon }).text(language: language)))
                #expect(html.contains("<svg"))
                let earlier = try await page(
                    app, Endpoints.collaborationResultsPage.link(query: ["year": "2024"]), language)
                #expect(earlier.contains("<h2>2024</h2>") && earlier.contains("NVIDIA"))
            }
            let unknown = try await app.testing().sendRequest(
                .GET, Endpoints.collaborationResultsPage.link(query: ["year": "1999"]))
            #expect(unknown.status == .notFound)
            let nonsense = try await app.testing().sendRequest(.GET, "/collaboration/results?year=abc")
            #expect(nonsense.status.code < 500)
        }
    }

    @Test func sandboxStatisticsCountCasesWithoutNamingThem() async throws {
        try await withTeukgu { app in
            let cases = try await SandboxCaseRecord.query(on: app.db).all()
            #expect(!cases.isEmpty)
            for language in ["ko", "en"] {
                let html = try await page(app, Endpoints.sandboxStatisticsPage.link(), language)
                for outcome in Set(cases.map { SandboxCaseStatistics.Outcome($0.status) }) {
                    #expect(html.contains(Strings.text("portal.outcome.\(outcome.rawValue)", language)))
                }
                for record in cases {
                    #expect(!html.contains(record.number) && !html.contains(record.title))
                }
            }
        }
    }
}
