import Fluent
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// What people meet on the pages beyond their data: the language they were reading, error pages
/// that keep them signed in and give a way back, links that work wherever the server runs.
@Suite struct PageBehaviourTests {
    @Test func theLanguageOfTheSignInPageWinsOverTheAccounts() async throws {
        try await withTeukgu { app in
            var browser = BrowserSession(app: app)
            // officer@ is stored with Korean; the visitor reads the sign-in page in English.
            let page = try await browser.get(Endpoints.loginPage.link(), headers: ["Accept-Language": "en"])
            #expect(page.body.string.contains("name=\"lang\" value=\"en\""))
            let token = BrowserSession.csrf(in: page.body.string) ?? ""
            let signedIn = try await browser.post(
                Endpoints.login.link(),
                form: [
                    "csrf": token, "email": "officer@teukgu.demo", "password": DemoAccounts.password, "next": "",
                    "lang": "en",
                ])
            #expect(signedIn.status == .seeOther)
            // No Accept-Language from now on: the session remembers English.
            let home = try await browser.get(Endpoints.home.link())
            #expect(home.body.string.contains("<html lang=\"en\">"))
        }
    }

    @Test func anErrorPageKeepsTheHeaderTheLanguageAndAWayBack() async throws {
        try await withTeukgu { app in
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("officer@teukgu.demo")
            let missing = try await browser.get(
                "/designation/calls/00000000-0000-0000-0000-000000000000",
                headers: ["Referer": "http://localhost/designation", "Host": "localhost"])
            #expect(missing.status == .notFound)
            let html = missing.body.string
            #expect(html.contains("<html lang=\"ko\">"))
            #expect(html.contains("이담당"), "the signed-in header is kept")
            #expect(html.contains(Strings.text("error.previous", "ko")) && html.contains("href=\"/designation\""))
            #expect(html.contains("그런 기록이 없거나 볼 수 없는 기록입니다."))
            #expect(!html.contains("No such"), "no English sentence on a Korean page")
            // A Referer from another site is never offered as the way back.
            let foreign = try await browser.get(
                "/designation/calls/00000000-0000-0000-0000-000000000000",
                headers: ["Referer": "https://evil.example/phish", "Host": "localhost"])
            #expect(!foreign.body.string.contains("evil.example"))
        }
    }

    @Test func anOversizedFormIsRefusedInTheReadersLanguage() async throws {
        try await withTeukgu { app in
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("busan@teukgu.demo")
            let huge = String(repeating: "가", count: 400_000)
            let refused = try await browser.post(
                Endpoints.setLanguage.link(), form: ["lang": "ko", "back": "/", "csrf": "x", "pad": huge])
            #expect(refused.status == .payloadTooLarge)
            #expect(refused.body.string.contains(ErrorTexts.korean["payload_too_large"]!))
            #expect(!refused.body.string.contains("larger than"))
        }
    }

    @Test func linksToLeaveThePageNameTheHostTheRequestCameTo() async throws {
        try await withTeukgu { app in
            let request = Request(
                application: app, method: .GET, url: URI(path: "/"), headers: ["Host": "teukgu.example:8443"],
                on: app.eventLoopGroup.next())
            #expect(request.publicBaseURL == "http://teukgu.example:8443")
            let spoofed = Request(
                application: app, method: .GET, url: URI(path: "/"), headers: ["Host": "evil\"><script>"],
                on: app.eventLoopGroup.next())
            #expect(spoofed.publicBaseURL == app.settings.publicURL)
        }
    }

    @Test func auditSummariesOfAnyShapeAreWrittenPlainly() {
        #expect(
            AuditPage.changes(#"{"before":{"count":1},"after":{"count":2,"ok":true,"tags":["a","b"]}}"#) == [
                "count: 1 → 2", "ok: true", "tags: a, b",
            ])
        #expect(AuditPage.changes(#"{"address":"127.0.0.1"}"#) == ["address: 127.0.0.1"])
    }

    @Test func aQuestionFlowCountsOnceInTheStatisticsAndOnlyItsOwnSessionContinuesIt() async throws {
        try await withTeukgu { app in
            let district = "busan-marine-mobility"
            var visitor = BrowserSession(app: app)
            let start = try await visitor.get(Endpoints.checkPage.link([.district: district]))
            let token = try #require(BrowserSession.csrf(in: start.body.string))
            let first = try await visitor.post(
                Endpoints.checkForm.link([.district: district]),
                form: ["csrf": token, "asOf": "2025-03-01", "activity.kind": "autonomous-vessel-trial"])
            #expect(first.status == .ok)
            let step = try #require(Self.hiddenValue("_step", in: first.body.string))
            let last = try await visitor.post(
                Endpoints.checkForm.link([.district: district]),
                form: [
                    "csrf": token, "asOf": "2025-03-01", "_step": step, "activity.kind": "autonomous-vessel-trial",
                    "activity.crewOnboard": "0", "site.zone": "test-north", "company.isZoneOperator": "true",
                ])
            #expect(last.status == .seeOther)
            // Another visitor naming the first visitor's step is not taken as continuing it.
            var stranger = BrowserSession(app: app)
            let other = try await stranger.get(Endpoints.checkPage.link([.district: district]))
            let otherToken = try #require(BrowserSession.csrf(in: other.body.string))
            let forged = try await stranger.post(
                Endpoints.checkForm.link([.district: district]),
                form: ["csrf": otherToken, "asOf": "2025-03-01", "_step": step, "activity.kind": "ammonia-bunkering"])
            #expect(forged.status == .ok)
            let rows = try await RegulationDecisionRecord.query(on: app.db).all()
            #expect(rows.count == 3)
            #expect(rows.filter { $0.continues?.uuidString.lowercased() == step }.count == 1)
            let statistics = try await RegulationStatistics.compute(
                from: CalendarDate(instant: Date()).adding(days: -1), to: CalendarDate(instant: Date()).adding(days: 1),
                on: app.db)
            #expect(statistics.total == 2)
        }
    }

    @Test func theCheckerOffersActivitiesInWordsAndAsksAgainForANegativeDistance() async throws {
        try await withTeukgu { app in
            let district = "busan-marine-mobility"
            var visitor = BrowserSession(app: app)
            let start = try await visitor.get(Endpoints.checkPage.link([.district: district]))
            let html = start.body.string
            #expect(html.contains("<option value=\"ammonia-bunkering\">암모니아 벙커링(연료 공급)</option>"))
            #expect(!html.contains(">ammonia-bunkering<"))
            let token = try #require(BrowserSession.csrf(in: html))
            let refused = try await visitor.post(
                Endpoints.checkForm.link([.district: district]),
                form: [
                    "csrf": token, "asOf": "2026-11-30", "activity.kind": "ammonia-bunkering",
                    "company.isZoneOperator": "true", "site.distanceToHomesMetres": "-500",
                ])
            #expect(refused.status == .badRequest)
            let page = refused.body.string
            #expect(page.contains("값을 확인해 주세요: 주거지까지 거리"))
            // The faulty answer is asked again, with its unit and least value, not carried forward.
            #expect(page.contains("주거지까지 거리 (m)</label>"))
            #expect(
                page.contains("name=\"site.distanceToHomesMetres\" type=\"number\" step=\"any\" min=\"0\" value=\"\""))
            #expect(page.contains("<dd>암모니아 벙커링(연료 공급)</dd>"))
            #expect(try await RegulationDecisionRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func aKoreanVerdictCitesTheLawInKoreanWithTheRulebooksKoreanWords() async throws {
        try await withTeukgu { app in
            let district = "busan-marine-mobility"
            var visitor = BrowserSession(app: app)
            let start = try await visitor.get(Endpoints.checkPage.link([.district: district]))
            let token = try #require(BrowserSession.csrf(in: start.body.string))
            let answered = try await visitor.post(
                Endpoints.checkForm.link([.district: district]),
                form: [
                    "csrf": token, "asOf": "2026-11-30", "activity.kind": "autonomous-vessel-trial",
                    "activity.crewOnboard": "0", "site.zone": "test-north", "company.isZoneOperator": "true",
                ])
            let location = try #require(answered.headers.first(name: .location))
            let korean = try await visitor.get(location).body.string
            #expect(korean.contains("부산 차세대 해양모빌리티 글로벌혁신특구 · "))
            #expect(korean.contains("규제자유특구 및 지역특화발전특구에 관한 규제특례법 제86조제4항 — 조건을 붙여 부여된 실증특례"))
            #expect(korean.contains("통보: 부산지방해양수산청, 매 운항 전"))
            #expect(!korean.contains("Regional Special Zones Act") && !korean.contains("before each voyage"))
            let english = try await visitor.get(location, headers: ["Accept-Language": "en"]).body.string
            #expect(english.contains("Regional Special Zones Act art. 86(4) — demonstration exemption granted"))
            let regime = try await visitor.get(Endpoints.regimePage.link([.district: district])).body.string
            #expect(regime.contains("조건을 붙여 부여된 실증특례") && regime.contains("<h2>선박</h2>"))
        }
    }

    @Test func callsAreTitledAndDescribedInTheReadersLanguage() async throws {
        try await withTeukgu { app in
            var visitor = BrowserSession(app: app)
            let korean = try await visitor.get(Endpoints.designationHome.link()).body.string
            #expect(korean.contains("글로벌혁신특구 3차 공모 (예시)</a>"))
            #expect(!korean.contains("Global innovation special districts, round 3"))
            let english = try await visitor.get(Endpoints.designationHome.link(), headers: ["Accept-Language": "en"])
            #expect(english.body.string.contains("Global innovation special districts, round 3 (illustrative)</a>"))
            var officer = BrowserSession(app: app)
            _ = try await officer.signIn("officer@teukgu.demo")
            let form = try await officer.get(Endpoints.designationHome.link())
            let token = try #require(BrowserSession.csrf(in: form.body.string))
            let opened = try await officer.post(
                Endpoints.openCallForm.link(),
                form: [
                    "csrf": token, "round": "9", "title": "제9차 공모", "titleEnglish": "Round 9",
                    "description": "한국어 설명", "descriptionEnglish": "English description",
                    "opensAt": "2026-12-01T09:00", "closesAt": "2026-12-31T18:00", "cap": "3", "maxPerRegion": "1",
                ])
            #expect(opened.status == .seeOther)
            let call = try #require(try await DesignationCallRecord.query(on: app.db).filter(\.$round == 9).first())
            #expect(call.titleEnglish == "Round 9" && call.descriptionEnglish == "English description")
            #expect(call.title("en") == "Round 9" && call.description("ko") == "한국어 설명")
        }
    }

    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return html[range.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
    }
}
