import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite struct SessionTests {
    @Test func signingInSetsASafeCookieAndSigningOutEndsTheSession() async throws {
        try await withTeukgu { app in
            var browser = BrowserSession(app: app)
            let login = try await browser.get(Endpoints.loginPage.link())
            // Showing the form creates no session: its CSRF token rides in a cookie of its own.
            #expect(login.headers.setCookie?[Request.sessionCookieName] == nil)
            let csrfCookie = try #require(login.headers.setCookie?[VisitorCookies.csrfName])
            #expect(csrfCookie.isHTTPOnly && csrfCookie.sameSite == .strict)
            #expect(try await WebSessionRecord.query(on: app.db).count() == 0)
            let signedIn = try await browser.signIn("officer@teukgu.demo")
            let cookie = try #require(signedIn.headers.setCookie?[Request.sessionCookieName])
            #expect(cookie.isHTTPOnly)
            #expect(cookie.sameSite == .lax)
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers.first(name: .location) == Endpoints.home.link())
            let home = try await browser.get(Endpoints.home.link())
            #expect(home.status == .ok)
            let csrf = try #require(BrowserSession.csrf(in: home.body.string))
            let out = try await browser.post(Endpoints.logout.link(), form: ["csrf": csrf])
            #expect(out.status == .seeOther)
            let after = try await browser.get(Endpoints.home.link())
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location)?.hasPrefix(Endpoints.loginPage.link()) == true)
        }
    }

    @Test func signingInIssuesANewSessionIDAndTheOldOneIsDead() async throws {
        try await withTeukgu { app in
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("busan@teukgu.demo")
            let before = try #require(browser.cookie)
            // Signing in again from a page of the first session (its CSRF token) replaces the session id.
            let home = try await browser.get(Endpoints.home.link())
            let token = try #require(BrowserSession.csrf(in: home.body.string))
            _ = try await browser.post(
                Endpoints.login.link(),
                form: ["csrf": token, "email": "officer@teukgu.demo", "password": DemoAccounts.password, "next": ""])
            let after = try #require(browser.cookie)
            #expect(before != after)
            #expect(try await browser.get(Endpoints.home.link()).status == .ok)
            let stale = try await app.testing().sendRequest(
                .GET, Endpoints.home.link(), headers: [HTTPHeaders.Name.cookie.description: before])
            #expect(stale.status == .seeOther)
        }
    }

    @Test func aWrongPasswordIsRefusedAndTheSixthTryIsThrottled() async throws {
        try await withTeukgu { app in
            for attempt in 1...5 {
                let response = try await app.testing().sendRequest(
                    .POST, Endpoints.apiLogin.link(), headers: .json(),
                    body: ByteBuffer(string: #"{"email":"busan@teukgu.demo","password":"wrong"}"#))
                #expect(response.status == .unauthorized, "attempt \(attempt)")
                #expect(errorCode(response) == "invalid_credentials")
            }
            let sixth = try await app.testing().sendRequest(
                .POST, Endpoints.apiLogin.link(), headers: .json(),
                body: ByteBuffer(string: #"{"email":"busan@teukgu.demo","password":"\#(DemoAccounts.password)"}"#))
            #expect(sixth.status == .tooManyRequests)
            #expect(errorCode(sixth) == "too_many_attempts")
            // Another account from the same address is not affected.
            let other = try await app.testing().sendRequest(
                .POST, Endpoints.apiLogin.link(), headers: .json(),
                body: ByteBuffer(string: #"{"email":"officer@teukgu.demo","password":"\#(DemoAccounts.password)"}"#))
            #expect(other.status == .ok)
            #expect(try await LoginAttemptRecord.query(on: app.db).filter(\.$succeeded == false).count() == 5)
        }
    }

    @Test func apiTokensAreStoredAsHashesAndStopWorkingWhenRevoked() async throws {
        try await withTeukgu { app in
            let login = try await app.testing().sendRequest(
                .POST, Endpoints.apiLogin.link(), headers: .json(),
                body: ByteBuffer(string: #"{"email":"startup@teukgu.demo","password":"\#(DemoAccounts.password)"}"#))
            let cookie = try #require(login.headers.setCookie?[Request.sessionCookieName])
            var headers = HTTPHeaders.json()
            headers.replaceOrAdd(name: .cookie, value: "\(Request.sessionCookieName)=\(cookie.string)")
            let created = try await app.testing().sendRequest(
                .POST, Endpoints.apiTokens.link(), headers: headers, body: ByteBuffer(string: #"{"name":"laptop"}"#))
            #expect(created.status == .created)
            let body = try created.content.decode(CreatedTokenDTO.self)
            #expect(body.secret.hasPrefix("tgk_"))
            let stored = try #require(try await ApiTokenRecord.find(body.token.id, on: app.db))
            #expect(stored.tokenHash != body.secret && !stored.tokenHash.contains(body.secret))

            let me = try await app.testing().sendRequest(.GET, Endpoints.apiMe.link(), headers: .bearer(body.secret))
            #expect(try me.content.decode(AccountDTO.self).email == "startup@teukgu.demo")

            let revoked = try await app.testing().sendRequest(
                .DELETE, Endpoints.apiRevokeToken.link([.tokenID: "\(body.token.id)"]), headers: .bearer(body.secret))
            #expect(revoked.status == .ok)
            let after = try await app.testing().sendRequest(.GET, Endpoints.apiMe.link(), headers: .bearer(body.secret))
            #expect(after.status == .unauthorized && errorCode(after) == "invalid_token")
        }
    }

    @Test func nobodyRevokesSomeoneElsesToken() async throws {
        try await withTeukgu { app in
            let mine = try await app.bearerToken(for: "startup@teukgu.demo")
            let created = try await app.testing().sendRequest(
                .POST, Endpoints.apiTokens.link(), headers: .json(bearer: mine),
                body: ByteBuffer(string: #"{"name":"x"}"#))
            let id = try created.content.decode(CreatedTokenDTO.self).token.id
            let other = try await app.bearerToken(for: "nvidia@teukgu.demo")
            let attempt = try await app.testing().sendRequest(
                .DELETE, Endpoints.apiRevokeToken.link([.tokenID: "\(id)"]), headers: .bearer(other))
            #expect(attempt.status == .notFound)
            #expect(try await ApiTokenRecord.find(id, on: app.db)?.revokedAt == nil)
        }
    }

    @Test func anAdminInvitesAPersonWhoSetsAPasswordAndSignsIn() async throws {
        try await withTeukgu { app in
            let admin = try await app.bearerToken(for: "admin@teukgu.demo")
            let body =
                #"{"email":"New.Official@Daegu.example","displayName":"대구 담당","role":"regional-official","regionID":"daegu","language":"en"}"#
            let created = try await app.testing().sendRequest(
                .POST, Endpoints.apiUsers.link(), headers: .json(bearer: admin), body: ByteBuffer(string: body))
            #expect(created.status == .created)
            let account = try created.content.decode(AccountDTO.self)
            #expect(
                account.email == "new.official@daegu.example" && account.status == "invited"
                    && account.regionID == "daegu")
            let message = try #require(
                try await OutboxMessageRecord.query(on: app.db).filter(\.$recipientAccountID == account.id).first())
            let link = try #require(message.body.split(separator: "\n").last.map(String.init))
            let path = try #require(URLComponents(string: link)?.path)

            let duplicate = try await app.testing().sendRequest(
                .POST, Endpoints.apiUsers.link(), headers: .json(bearer: admin), body: ByteBuffer(string: body))
            #expect(duplicate.status == .conflict && errorCode(duplicate) == "email_taken")

            var browser = BrowserSession(app: app)
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            let csrf = try #require(BrowserSession.csrf(in: page.body.string))
            let short = try await browser.post(path, form: ["csrf": csrf, "password": "short"])
            #expect(short.status == .badRequest)
            let accepted = try await browser.post(path, form: ["csrf": csrf, "password": "a-long-enough-password"])
            #expect(accepted.status == .seeOther)
            #expect(try await browser.get(Endpoints.home.link()).status == .ok)
            let reused = try await BrowserSession(app: app).app.testing().sendRequest(.GET, path)
            #expect(reused.status == .notFound)

            let login = try await app.testing().sendRequest(
                .POST, Endpoints.apiLogin.link(), headers: .json(),
                body: ByteBuffer(string: #"{"email":"new.official@daegu.example","password":"a-long-enough-password"}"#)
            )
            #expect(login.status == .ok)
        }
    }

    @Test func accountsMustBeBoundToWhatTheirRoleNeeds() async throws {
        try await withTeukgu { app in
            let admin = try await app.bearerToken(for: "admin@teukgu.demo")
            let unbound = try await app.testing().sendRequest(
                .POST, Endpoints.apiUsers.link(), headers: .json(bearer: admin),
                body: ByteBuffer(string: #"{"email":"p@x.example","displayName":"P","role":"partner-staff"}"#))
            #expect(unbound.status == .badRequest && errorCode(unbound) == "binding_required")
            let badRole = try await app.testing().sendRequest(
                .POST, Endpoints.apiUsers.link(), headers: .json(bearer: admin),
                body: ByteBuffer(string: #"{"email":"p@x.example","displayName":"P","role":"king"}"#))
            #expect(errorCode(badRole) == "invalid_role")
        }
    }
}
