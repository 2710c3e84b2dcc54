import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App
@testable import RegulationEngine

/// What an attack review of the running server found, each with the test that would have caught it.
@Suite struct HostileJSONTests {
    static func check(
        _ app: Application, _ body: String, headers: HTTPHeaders = .json()
    ) async throws
        -> TestingHTTPResponse
    {
        try await app.testing().sendRequest(
            .POST, Endpoints.apiRegulationCheck.link(), headers: headers, body: ByteBuffer(string: body))
    }

    @Test func duplicateKeysAreFoundWithoutComparingEveryPair() throws {
        // 10,000 distinct keys parse (linear); one repeated key anywhere is refused.
        let keys = (0..<10_000).map { "\"k\($0)\":1" }
        let value = try JSONValue.parse("{" + keys.joined(separator: ",") + "}")
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.count == 10_000)
        #expect(throws: JSONParseError.self) {
            try JSONValue.parse("{" + (keys + ["\"k5\":2"]).joined(separator: ",") + "}")
        }
    }

    @Test func theParserRefusesEachLimitWithACode() {
        let limits = JSONLimits(maxDepth: 8, maxMembers: 10, maxElements: 10, maxStringBytes: 16)
        let cases = [
            String(repeating: "[", count: 9) + String(repeating: "]", count: 9),
            "{" + (0..<11).map { "\"k\($0)\":1" }.joined(separator: ",") + "}",
            "[" + (0..<11).map(String.init).joined(separator: ",") + "]",
            "\"" + String(repeating: "a", count: 17) + "\"",
            "\"" + String(repeating: "\\n", count: 17) + "\"",
        ]
        for text in cases {
            do {
                _ = try JSONValue.parse(text, limits: limits)
                Issue.record("accepted \(text.prefix(30))")
            } catch {
                #expect(error.exceedsLimit, "\(text.prefix(30)): \(error.message)")
            }
        }
    }

    @Test func aHostileCheckBodyGetsAClear4xxAndTheServerKeepsAnswering() async throws {
        try await withTeukgu { app in
            let manyKeys =
                "{\"district\":\"busan-marine-mobility\",\"asOf\":\"2026-11-30\",\"facts\":{"
                + (0..<120_000).map { "\"k\($0)\":1" }.joined(separator: ",") + "}}"
            let big = try await Self.check(app, manyKeys)
            #expect(big.status == .payloadTooLarge)
            let justUnder =
                "{\"district\":\"busan-marine-mobility\",\"asOf\":\"2026-11-30\",\"facts\":{"
                + (0..<6_000).map { "\"k\($0)\":1" }.joined(separator: ",") + "}}"
            let many = try await Self.check(app, justUnder)
            #expect((400..<500).contains(many.status.code))
            let deep = try await Self.check(app, String(repeating: "[", count: 50_000))
            #expect(deep.status.code >= 400 && deep.status.code < 500)
            let duplicate = try await Self.check(
                app, #"{"district":"busan-marine-mobility","asOf":"2026-11-30","asOf":"2026-11-30","facts":{}}"#)
            #expect(duplicate.status == .badRequest && errorCode(duplicate) == "malformed_json")
            let longString = "{\"district\":\"" + String(repeating: "x", count: 70_000) + "\"}"
            #expect(try await Self.check(app, longString).status == .payloadTooLarge)
            var invalidUTF8 = ByteBuffer(string: "{\"district\":\"")
            invalidUTF8.writeBytes([0xFF, 0xFE, 0x22, 0x7D])
            let bad = try await app.testing().sendRequest(
                .POST, Endpoints.apiRegulationCheck.link(), headers: .json(), body: invalidUTF8)
            #expect(bad.status == .badRequest && errorCode(bad) == "invalid_utf8")
            #expect(try await app.testing().sendRequest(.GET, Endpoints.health.link()).status == .ok)
        }
    }

    /// Every JSON entry point, fed hostile bodies as an administrator: a 4xx each time, never a 5xx.
    @Test func everyJSONEntryPointRefusesHostileBodiesWithA4xx() async throws {
        try await withTeukgu { app in
            let token = try await app.bearerToken(for: "admin@teukgu.demo")
            var bodies: [ByteBuffer] = [
                ByteBuffer(string: "{" + (0..<20_000).map { "\"k\($0)\":1" }.joined(separator: ",") + "}"),
                ByteBuffer(string: String(repeating: "[", count: 100_000)),
                ByteBuffer(
                    string: String(repeating: "{\"a\":", count: 5_000) + "1" + String(repeating: "}", count: 5_000)),
                ByteBuffer(string: "{\"a\":\"" + String(repeating: "\u{AC00}", count: 100_000) + "\"}"),
                ByteBuffer(string: #"{"a":1,"a":2}"#),
                ByteBuffer(string: "[1,2,3]"),
                ByteBuffer(string: "{\"a\":"),
            ]
            var invalid = ByteBuffer(string: "{\"a\":\"")
            invalid.writeBytes([0xC3, 0x28, 0x22, 0x7D])
            bodies.append(invalid)
            let entryPoints = Endpoints.all.filter {
                $0.isAPI && [.POST, .PUT, .PATCH].contains($0.method) && !Endpoints.uploadKeys.contains($0.key)
                    && $0.key != Endpoints.apiLogin.key
            }
            #expect(entryPoints.count > 30)
            for endpoint in entryPoints {
                for body in bodies {
                    let response = try await app.testing().sendRequest(
                        endpoint.method, AuthorizationMatrixTests.samplePath(endpoint), headers: .json(bearer: token),
                        body: body)
                    #expect(
                        (400..<500).contains(response.status.code),
                        "\(endpoint.key) answered \(response.status.code) to \(body.readableBytes) hostile bytes: \(response.body.string.prefix(200))"
                    )
                }
            }
            #expect(try await app.testing().sendRequest(.GET, Endpoints.health.link()).status == .ok)
        }
    }
}

@Suite struct RedirectAndOriginTests {
    @Test func onlySameSitePathsAreFollowed() {
        for good in ["/home", "/designation/calls/1?x=1&y=%20", "/a/b;c=d"] {
            #expect(SafeRedirect.path(good) == good)
        }
        let bad = [
            "//evil.example", "/\t/evil.example", "/\\evil.example", "/%2F/evil.example", "/%5Cevil.example",
            "https://evil.example", "evil.example", "/ /evil", "/\n/evil", "/%09/evil.example", "/%0A", "", "/%",
            "/\u{3000}/evil", "/x://y", "/.%2F%2Fevil",
        ]
        for target in bad {
            #expect(SafeRedirect.path(target) == nil, "\(target.debugDescription) was accepted")
        }
    }

    @Test func signInAndTheLanguageSwitchNeverLeaveTheSite() async throws {
        try await withTeukgu { app in
            var browser = BrowserSession(app: app)
            let page = try await browser.get(Endpoints.loginPage.link(query: ["next": "/\t/evil.example"]))
            #expect(!page.body.string.contains("evil.example"))
            let token = try #require(BrowserSession.csrf(in: page.body.string))
            let signedIn = try await browser.post(
                Endpoints.login.link(),
                form: [
                    "csrf": token, "email": "busan@teukgu.demo", "password": DemoAccounts.password,
                    "next": "/%2F/evil.example",
                ])
            #expect(signedIn.headers.first(name: .location) == Endpoints.home.link())
            let switched = try await browser.post(
                Endpoints.setLanguage.link(), form: ["lang": "en", "back": "//evil.example"])
            #expect(switched.headers.first(name: .location) == Endpoints.landing.link())
            var crossSite = HTTPHeaders()
            crossSite.replaceOrAdd(name: "Sec-Fetch-Site", value: "cross-site")
            let forged = try await browser.post(
                Endpoints.setLanguage.link(), form: ["lang": "ko", "back": "/home"], headers: crossSite)
            #expect(forged.status == .forbidden && errorCode(forged) == "cross_site_request")
        }
    }

    @Test func cookieSignedAPIWritesMustBeJSONOrSameOrigin() async throws {
        try await withTeukgu { app in
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("startup@teukgu.demo")
            let cookie = try #require(browser.cookie)
            var foreign = HTTPHeaders()
            foreign.replaceOrAdd(name: .cookie, value: cookie)
            foreign.replaceOrAdd(name: .origin, value: "https://evil.example")
            foreign.contentType = .plainText
            let forged = try await app.testing().sendRequest(
                .POST, Endpoints.apiUploadDocument.link(), headers: foreign, body: ByteBuffer(string: "%PDF-1.4 hello"))
            #expect(forged.status == .forbidden && errorCode(forged) == "cross_site_request")
            #expect(try await DocumentRecord.query(on: app.db).count() == 0)
            // A body-less POST without JSON and without the browser's word is refused too.
            var bare = HTTPHeaders()
            bare.replaceOrAdd(name: .cookie, value: cookie)
            let logout = try await app.testing().sendRequest(.POST, Endpoints.apiLogout.link(), headers: bare)
            #expect(logout.status == .forbidden)
            // The same write from the site's own pages, or with a bearer token, goes through.
            var sameOrigin = bare
            sameOrigin.replaceOrAdd(name: "Sec-Fetch-Site", value: "same-origin")
            sameOrigin.contentType = .plainText
            let own = try await app.testing().sendRequest(
                .POST, Endpoints.apiTokens.link(),
                headers: {
                    var headers = HTTPHeaders.json()
                    headers.replaceOrAdd(name: .cookie, value: cookie)
                    return headers
                }(), body: ByteBuffer(string: #"{"name":"laptop"}"#))
            #expect(own.status == .created)
            let token = try await app.bearerToken(for: "startup@teukgu.demo")
            var bearer = HTTPHeaders.bearer(token)
            bearer.contentType = .plainText
            bearer.replaceOrAdd(name: .origin, value: "https://evil.example")
            let scripted = try await app.testing().sendRequest(
                .POST, Endpoints.apiLogout.link(), headers: bearer)
            #expect(scripted.status.code < 500 && scripted.status != .forbidden)
        }
    }
}

@Suite struct SignInDefenceTests {
    @Test func parallelWrongPasswordsNeverGetPastTheLimit() async throws {
        try await withTeukgu { app in
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await app.testing().sendRequest(
                            .POST, Endpoints.apiLogin.link(), headers: .json(),
                            body: ByteBuffer(string: #"{"email":"busan@teukgu.demo","password":"wrong-password"}"#)
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count <= app.settings.loginFailureLimit)
            #expect(statuses.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests })
            #expect(
                try await LoginAttemptRecord.query(on: app.db).filter(\.$succeeded == false).count()
                    <= app.settings.loginFailureLimit)
        }
    }

    @Test func oneAddressCannotTryAccountAfterAccount() async throws {
        try await withTeukgu { app in
            let limit = app.settings.loginAddressFailureLimit
            for index in 0..<limit {
                let response = try await app.testing().sendRequest(
                    .POST, Endpoints.apiLogin.link(), headers: .json(),
                    body: ByteBuffer(string: #"{"email":"nobody\#(index)@example.org","password":"guess"}"#))
                #expect(response.status == .unauthorized)
            }
            let next = try await app.testing().sendRequest(
                .POST, Endpoints.apiLogin.link(), headers: .json(),
                body: ByteBuffer(string: #"{"email":"officer@teukgu.demo","password":"\#(DemoAccounts.password)"}"#))
            #expect(next.status == .tooManyRequests)
        }
    }

    @Test func behindATrustedProxyTheForwardedAddressIsTheClient() async throws {
        let app = try await Application.make(.testing)
        app.settings = try TeukguSettings(environment: .testing, variables: ["TEUKGU_TRUSTED_PROXIES": "10.0.0.1"])
        func request(from peer: String, forwarded: String) throws -> Request {
            let request = Request(
                application: app, method: .GET, url: "/", remoteAddress: try .init(ipAddress: peer, port: 1),
                on: app.eventLoopGroup.next())
            request.headers.replaceOrAdd(name: .xForwardedFor, value: forwarded)
            return request
        }
        #expect(ClientAddress.of(try request(from: "10.0.0.1", forwarded: "203.0.113.9, 10.0.0.1")) == "203.0.113.9")
        #expect(ClientAddress.of(try request(from: "198.51.100.7", forwarded: "203.0.113.9")) == "198.51.100.7")
        try await app.asyncShutdown()
    }

    @Test func theCheckPageIsLimitedLikeTheAPIForAnonymousVisitors() async throws {
        try await withTeukgu { app in
            // One fixed minute, so the count never straddles two windows.
            app.clock = FixedClock(Date(timeIntervalSince1970: 1_800_000_000))
            var browser = BrowserSession(app: app)
            let path = Endpoints.checkPage.link([.district: "busan-marine-mobility"])
            let page = try await browser.get(path)
            let token = try #require(BrowserSession.csrf(in: page.body.string))
            var last = HTTPStatus.ok
            for _ in 0...RegulationCheck.anonymousChecksPerMinute {
                last = try await browser.post(
                    Endpoints.checkForm.link([.district: "busan-marine-mobility"]),
                    form: ["csrf": token, "asOf": "2026-11-30"]
                ).status
            }
            #expect(last == .tooManyRequests)
        }
    }
}

@Suite struct HeadersAndSessionTests {
    @Test func everyHTMLResponseCarriesTheSecurityHeaders() async throws {
        try await withTeukgu { app in
            for path in [Endpoints.landing.link(), Endpoints.loginPage.link(), "/no-such-page"] {
                let response = try await app.testing().sendRequest(.GET, path)
                let csp = response.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), "\(path)")
                #expect(response.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
            }
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("officer@teukgu.demo")
            let home = try await browser.get(Endpoints.home.link())
            #expect(home.headers.first(name: .cacheControl) == "no-store")
            #expect(home.headers.first(name: "Strict-Transport-Security") == nil)
        }
    }

    @Test func anonymousVisitorsLeaveNoSessionRows() async throws {
        try await withTeukgu { app in
            var browser = BrowserSession(app: app)
            for path in [
                Endpoints.landing.link(), Endpoints.loginPage.link(), Endpoints.deadlinePage.link(),
                Endpoints.checkPage.link([.district: "busan-marine-mobility"]),
            ] {
                _ = try await browser.get(path)
            }
            _ = try await browser.post(Endpoints.setLanguage.link(), form: ["lang": "en", "back": "/"])
            #expect(try await WebSessionRecord.query(on: app.db).count() == 0)
            // The language chosen before signing in is the one the account sees afterwards.
            _ = try await browser.signIn("busan@teukgu.demo")
            let home = try await browser.get(Endpoints.home.link())
            #expect(home.body.string.contains("<html lang=\"en\">"))
        }
    }

    @Test func sessionsEndAfterTheIdleAndAbsoluteLimitsAndAreSwept() async throws {
        try await withTeukgu { app in
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            app.clock = FixedClock(start)
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("officer@teukgu.demo")
            // Used every hour: alive until the absolute limit, then gone.
            var elapsed: TimeInterval = 0
            while elapsed + 3600 < app.settings.sessionAbsoluteLifetime {
                elapsed += 3600
                app.clock = FixedClock(start.addingTimeInterval(elapsed))
                #expect(try await browser.get(Endpoints.home.link()).status == .ok, "after \(elapsed) s")
            }
            app.clock = FixedClock(start.addingTimeInterval(app.settings.sessionAbsoluteLifetime + 1))
            #expect(try await browser.get(Endpoints.home.link()).status == .seeOther)
            // A fresh session left idle past the idle limit ends too.
            _ = try await browser.signIn("officer@teukgu.demo")
            let idleStart = start.addingTimeInterval(app.settings.sessionAbsoluteLifetime + 10)
            app.clock = FixedClock(idleStart.addingTimeInterval(app.settings.sessionIdleLifetime + 1))
            let swept = try await ExpiringSessions.sweep(now: app.clock.now(), settings: app.settings, on: app.db)
            #expect(swept >= 1)
            #expect(try await browser.get(Endpoints.home.link()).status == .seeOther)
        }
    }
}

@Suite struct EnvironmentDefenceTests {
    @Test func demoDataAndTheDevelopmentKeyBelongToDevelopmentOnly() throws {
        let development = try TeukguSettings(environment: .development, variables: [:])
        #expect(development.allowsDemoData && development.usesDevelopmentSecret && !development.secureCookies)
        for name in ["production", "staging", "prod-like"] {
            #expect(throws: ConfigurationError.self) {
                try TeukguSettings(environment: Environment(name: name), variables: [:])
            }
            let configured = try TeukguSettings(
                environment: Environment(name: name),
                variables: ["TEUKGU_SECRET_KEY": String(repeating: "k", count: 40)])
            #expect(!configured.allowsDemoData && configured.secureCookies)
        }
    }

    @Test func onlyLoopbackAddressesServeWithTheDevelopmentKey() {
        #expect(
            isLoopback("http://127.0.0.1:8080") && isLoopback("http://localhost:80") && isLoopback("http://[::1]:8080"))
        #expect(!isLoopback("http://0.0.0.0:80") && !isLoopback("http://192.0.2.1:8080"))
    }
}

@Suite struct SmallerLeakTests {
    @Test func aRefusedFormNeverNamesSomeoneElsesDocument() async throws {
        try await withTeukgu { app in
            let busan = try #require(
                try await AccountRecord.query(on: app.db).filter(\.$email == "busan@teukgu.demo").first())
            let ulsan = try #require(
                try await AccountRecord.query(on: app.db).filter(\.$email == "ulsan@teukgu.demo").first())
            func document(_ name: String, by account: AccountRecord) async throws -> String {
                let record = DocumentRecord()
                record.sha256 = String(repeating: "a", count: 64)
                record.byteCount = 10
                record.contentType = "application/pdf"
                record.displayName = name
                record.ownerType = "account"
                record.ownerID = try account.requireID().uuidString
                record.uploadedBy = try account.requireID()
                try await record.create(on: app.db)
                return try record.requireID().uuidString
            }
            let mine = try await document("busan-plan.pdf", by: busan)
            let theirs = try await document("ulsan-secret-plan.pdf", by: ulsan)
            let viewer = try #require(CurrentAccount(record: busan, viaToken: false))
            // The ids a refused form sent back, one of them typed in: only the viewer's own is listed.
            let shown = try await AttachableDocuments.options(
                for: viewer, attached: [mine, theirs], stored: [], editing: true, on: app.db)
            #expect(shown.map(\.name).contains("busan-plan.pdf"))
            #expect(!shown.map(\.name).contains("ulsan-secret-plan.pdf"))
            // What a colleague attached earlier stays visible.
            let attachedBefore = try await AttachableDocuments.options(
                for: viewer, attached: [theirs], stored: [theirs], editing: true, on: app.db)
            #expect(attachedBefore.map(\.name).contains("ulsan-secret-plan.pdf"))
        }
    }

    @Test func aLookupInFlightDuringARevocationDoesNotCacheTheToken() {
        let cache = TokenCache()
        let account = CurrentAccount(
            id: UUID(), email: "a@b.c", displayName: "A", role: .companyMember, regionID: nil, companyID: nil,
            partnerID: nil, organisationID: nil, language: "ko", viaToken: true)
        let seen = cache.revocationCount
        cache.forget(account: account.id)  // the revocation lands while the lookup reads the database
        cache.store(hash: "h", .init(account: account, tokenID: UUID(), verifiedAt: Date()), ifNoRevocationSince: seen)
        #expect(cache.lookup(hash: "h", now: Date()) == nil)
        cache.store(
            hash: "h", .init(account: account, tokenID: UUID(), verifiedAt: Date()),
            ifNoRevocationSince: cache.revocationCount)
        #expect(cache.lookup(hash: "h", now: Date()) != nil)
    }

    @Test func aUsedInvitationLinkIsNotKeptInTheOutbox() async throws {
        try await withTeukgu { app in
            let admin = try await app.bearerToken(for: "admin@teukgu.demo")
            let created = try await app.testing().sendRequest(
                .POST, Endpoints.apiCreateUser.link(), headers: .json(bearer: admin),
                body: ByteBuffer(
                    string: #"{"email":"new.officer@example.org","displayName":"New","role":"ministry-officer"}"#))
            #expect(created.status == .created || created.status == .ok)
            let message = try #require(
                try await OutboxMessageRecord.query(on: app.db).filter(\.$recipientEmail == "new.officer@example.org")
                    .first())
            let range = try #require(
                message.body.range(of: #"/invitations/[A-Za-z0-9_\-]+"#, options: .regularExpression))
            let path = String(message.body[range])
            var browser = BrowserSession(app: app)
            let page = try await browser.get(path)
            let token = try #require(BrowserSession.csrf(in: page.body.string))
            let accepted = try await browser.post(path, form: ["csrf": token, "password": "a long enough password"])
            #expect(accepted.status == .seeOther)
            let after = try #require(try await OutboxMessageRecord.find(message.id, on: app.db))
            #expect(!after.body.contains(path) && after.body.contains("/invitations/…"))
        }
    }

    @Test func identityFactsAreLockedWhileAnApplicationIsUnderWayAndTheMinistryCorrectsThem() async throws {
        try await withTeukgu { app in
            let member = try #require(
                try await AccountRecord.query(on: app.db).filter(\.$email == "startup@teukgu.demo").first())
            let companyID = try #require(member.companyID)
            let call = try #require(try await CollaborationCallRecord.query(on: app.db).first())
            let application = CollaborationApplicationRecord()
            application.callID = try call.requireID()
            application.companyID = companyID
            application.choicesJSON = "[]"
            application.plan = "A plan long enough to be submitted."
            application.requestedWon = 1
            application.documentsJSON = "[]"
            application.status = .submitted
            application.outcome = .submitted
            application.submittedAt = Date()
            application.submittedOrder = 1
            application.receiptNumber = "GCP-TEST-1"
            application.createdBy = try member.requireID()
            try await application.create(on: app.db)
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let locked = try await app.testing().sendRequest(
                .PUT, Endpoints.apiUpdateProfile.link(), headers: .json(bearer: startup),
                body: ByteBuffer(string: #"{"foundedOn":"2025-01-01"}"#))
            #expect(locked.status == .conflict && errorCode(locked) == "profile_locked")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            let corrected = try await app.testing().sendRequest(
                .POST, Endpoints.apiCorrectCompanyIdentity.link([.companyID: companyID.uuidString]),
                headers: .json(bearer: officer),
                body: ByteBuffer(string: #"{"foundedOn":"2020-05-04","reason":"The court registry shows 4 May 2020."}"#)
            )
            #expect(corrected.status == .ok)
            #expect(try await CompanyRecord.find(companyID, on: app.db)?.foundedOn == "2020-05-04")
            #expect(
                try await AuditEntryRecord.query(on: app.db).filter(\.$action == "company.identity-corrected").count()
                    == 1)
            let bystander = try await app.testing().sendRequest(
                .POST, Endpoints.apiCorrectCompanyIdentity.link([.companyID: companyID.uuidString]),
                headers: .json(bearer: startup),
                body: ByteBuffer(string: #"{"foundedOn":"2010-01-01","reason":"I would like to"}"#))
            #expect(bystander.status == .forbidden)
        }
    }

    @Test func aDeactivatedAccountLosesItsSessionsAndTokensAtOnce() async throws {
        try await withTeukgu { app in
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("busan@teukgu.demo")
            let token = try await app.bearerToken(for: "busan@teukgu.demo")
            #expect(
                try await app.testing().sendRequest(.GET, Endpoints.apiMe.link(), headers: .bearer(token)).status == .ok
            )
            let busan = try #require(
                try await AccountRecord.query(on: app.db).filter(\.$email == "busan@teukgu.demo").first())
            let admin = try await app.bearerToken(for: "admin@teukgu.demo")
            let done = try await app.testing().sendRequest(
                .POST, Endpoints.apiDeactivateUser.link([.accountID: try busan.requireID().uuidString]),
                headers: .bearer(admin))
            #expect(done.status == .ok)
            #expect(try await browser.get(Endpoints.home.link()).status == .seeOther)
            #expect(
                try await app.testing().sendRequest(.GET, Endpoints.apiMe.link(), headers: .bearer(token)).status
                    == .unauthorized)
            let again = try await browser.signIn("busan@teukgu.demo")
            #expect(again.status == .unauthorized)
            #expect(
                try await ApiTokenRecord.query(on: app.db).filter(\.$revokedAt == nil).filter(
                    \.$accountID == busan.requireID()
                ).count() == 0)
        }
    }
}
