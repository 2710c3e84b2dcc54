import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

@Suite struct WebShellTests {
    @Test func everyDemoRoleSignsInAndSeesItsHomeInBothLanguages() async throws {
        try await withTeukgu { app in
            for entry in DemoAccounts.entries {
                var browser = BrowserSession(app: app)
                let signIn = try await browser.signIn(entry.email)
                #expect(signIn.status == .seeOther, "\(entry.email)")
                let korean = try await browser.get(
                    Endpoints.home.link(), headers: ["Accept-Language": "ko-KR,ko;q=0.9,en;q=0.8"])
                #expect(korean.status == .ok)
                #expect(korean.body.string.contains("<html lang=\"ko\">"))
                #expect(
                    korean.body.string.contains(Strings.text("role.\(entry.role.rawValue)", "ko")), "\(entry.email) ko")
                #expect(korean.body.string.contains("할 일"))

                let csrf = BrowserSession.csrf(in: korean.body.string) ?? ""
                let switched = try await browser.post(
                    Endpoints.setLanguage.link(), form: ["lang": "en", "back": Endpoints.home.link(), "csrf": csrf])
                #expect(
                    switched.status == .seeOther && switched.headers.first(name: .location) == Endpoints.home.link())
                let english = try await browser.get(Endpoints.home.link())
                #expect(english.body.string.contains("<html lang=\"en\">"))
                #expect(
                    english.body.string.contains(Strings.text("role.\(entry.role.rawValue)", "en")), "\(entry.email) en"
                )
                #expect(english.body.string.contains("What needs your attention"))
            }
        }
    }

    @Test func theLanguageDefaultsFromAcceptLanguage() {
        #expect(Language.fromAcceptLanguage("en-US,en;q=0.9,ko;q=0.5") == "en")
        #expect(Language.fromAcceptLanguage("ko;q=0.4, en;q=0.8") == "en")
        #expect(Language.fromAcceptLanguage("fr-FR, ko;q=0.3") == "ko")
        #expect(Language.fromAcceptLanguage(nil) == "ko")
    }

    @Test func publicPagesWorkWithoutSigningInAndShowMoneyInEachLanguage() async throws {
        try await withTeukgu { app in
            let english = try await app.testing().sendRequest(
                .GET, Endpoints.districtsPage.link(), headers: ["Accept-Language": "en"])
            #expect(english.status == .ok)
            #expect(english.body.string.contains("₩100,200,000,000"))
            #expect(english.body.string.contains("Busan next-generation marine mobility"))
            let korean = try await app.testing().sendRequest(
                .GET, Endpoints.districtsPage.link(), headers: ["Accept-Language": "ko"])
            #expect(korean.body.string.contains("1,002억 원"))
            #expect(english.headers.setCookie == nil, "a public page must not create a session")
        }
    }

    @Test func adminsSeeTheirMenuOthersDoNot() async throws {
        try await withTeukgu { app in
            var admin = BrowserSession(app: app)
            _ = try await admin.signIn("admin@teukgu.demo")
            #expect(try await admin.get(Endpoints.home.link()).body.string.contains("href=\"/admin/audit\""))
            var startup = BrowserSession(app: app)
            _ = try await startup.signIn("startup@teukgu.demo")
            #expect(!(try await startup.get(Endpoints.home.link()).body.string.contains("href=\"/admin/audit\"")))
            let refused = try await startup.get(Endpoints.adminUsersPage.link())
            #expect(refused.status == .forbidden)
            #expect(refused.body.string.contains("forbidden_role"))
        }
    }

    @Test func aSignInLinkNeverRedirectsOffSite() async throws {
        try await withTeukgu { app in
            var browser = BrowserSession(app: app)
            let page = try await browser.get(Endpoints.loginPage.link())
            let csrf = BrowserSession.csrf(in: page.body.string) ?? ""
            let response = try await browser.post(
                Endpoints.loginPage.link(),
                form: [
                    "csrf": csrf, "email": "officer@teukgu.demo", "password": DemoAccounts.password,
                    "next": "//evil.example/x",
                ])
            #expect(response.headers.first(name: .location) == Endpoints.home.link())
        }
    }
}
