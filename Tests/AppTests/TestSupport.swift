import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// Serialises tests that share one PostgreSQL database; SQLite tests each get their own file.
actor SharedDatabaseLock {
    static let shared = SharedDatabaseLock()
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}

enum TestDatabase {
    static var usesPostgres: Bool {
        !(ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] ?? "").isEmpty
    }
}

/// Starts a configured, migrated and seeded application (demo accounts included), runs the test, shuts it down.
func withTeukgu(sqliteFile: Bool = false, _ test: (Application) async throws -> Void) async throws {
    let exclusive = TestDatabase.usesPostgres
    if exclusive { await SharedDatabaseLock.shared.acquire() }
    let app: Application
    do {
        app = try await Application.make(.testing)
    } catch {
        // Every other PostgreSQL test waits for this lock: never leave it taken.
        if exclusive { await SharedDatabaseLock.shared.release() }
        throw error
    }
    // Hundreds of applications start in one run; their migration chatter at `info` buried the
    // results in CI's log. `LOG_LEVEL=info swift test` brings it back when it is wanted.
    let requested = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) }
    app.logger.logLevel = requested ?? .warning
    let file =
        sqliteFile && !exclusive
        ? FileManager.default.temporaryDirectory.appendingPathComponent("teukgu-\(UUID()).sqlite").path : nil
    if let file { app.storage[TestSQLiteFile.self] = file }
    defer {
        if let file {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        }
    }
    do {
        try await configure(app)
        if exclusive, let sql = app.db as? any SQLDatabase {
            try await sql.raw("DROP SCHEMA public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        }
        try await app.autoMigrate()
        try await ReferenceSeed.seedIfEmpty(on: app.db)
        try await DesignationSeed.seedIfEmpty(on: app.db)
        try await CollaborationSeed.seedIfEmpty(on: app.db)
        try await DemoAccounts.seedIfNew(
            on: app.db, passwordHash: try app.password.hash(DemoAccounts.password), now: app.clock.now())
        try await RulebookSeed.seedIfEmpty(app)
        try await app.rulebooks.refresh(on: app.db)
        let undocumented = UndocumentedRefusals.watch(app)
        try await test(app)
        let seen = undocumented.withLockedValue { $0 }
        #expect(
            seen.isEmpty,
            "refusals the API document does not list (run scripts/record-error-codes.sh): \(seen.sorted().prefix(10))")
    } catch {
        try? await app.asyncShutdown()
        if exclusive { await SharedDatabaseLock.shared.release() }
        throw error
    }
    try await app.asyncShutdown()
    if exclusive { await SharedDatabaseLock.shared.release() }
}

extension Application {
    /// A bearer token for a demo account, written straight to the database.
    func bearerToken(for email: String) async throws -> String {
        guard let account = try await AccountRecord.query(on: db).filter(\.$email == email).first() else {
            throw Abort(.notFound, reason: "no demo account \(email)")
        }
        let secret = SecretHasher.newSecret(prefix: TokenService.secretPrefix)
        let token = ApiTokenRecord()
        token.accountID = try account.requireID()
        token.name = "test"
        token.tokenHash = SecretHasher.hash(secret, key: settings.secretKey)
        token.prefix = String(secret.prefix(10))
        try await token.create(on: db)
        return secret
    }

    func auditCount() async throws -> Int {
        try await AuditEntryRecord.query(on: db).count()
    }
}

/// The demo account of each role.
let demoEmailByRole: [Role: String] = Dictionary(
    DemoAccounts.entries.map { ($0.role, $0.email) }, uniquingKeysWith: { first, _ in first })

extension HTTPHeaders {
    static func bearer(_ token: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        return headers
    }

    static func json(bearer token: String? = nil) -> HTTPHeaders {
        var headers = token.map(HTTPHeaders.bearer) ?? HTTPHeaders()
        headers.contentType = .json
        return headers
    }
}

/// The `code` of an error body, or nil when the body is not an error envelope.
func errorCode(_ response: TestingHTTPResponse) -> String? {
    response.headers.first(name: TeukguErrorMiddleware.codeHeader)
        ?? (try? response.content.decode(ErrorEnvelope.self).error.code)
}

/// A browser-like session: keeps its cookies (the session's, the visitor's CSRF and language
/// cookies), reads the CSRF token off pages.
struct BrowserSession {
    let app: Application
    var jar: [String: String] = [:]

    init(app: Application) { self.app = app }

    /// The session cookie as a `Cookie` header value, once there is a session.
    var cookie: String? { jar[Request.sessionCookieName].map { "\(Request.sessionCookieName)=\($0)" } }

    /// Every cookie as one `Cookie` header value.
    var cookieHeader: String? {
        jar.isEmpty ? nil : jar.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    mutating func get(_ path: String, headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var headers = extra
        if let cookieHeader { headers.replaceOrAdd(name: .cookie, value: cookieHeader) }
        let response = try await app.testing().sendRequest(.GET, path, headers: headers)
        remember(response)
        return response
    }

    mutating func post(
        _ path: String, form: [String: String], headers extra: HTTPHeaders = [:]
    ) async throws -> TestingHTTPResponse {
        try await post(path, pairs: form.map { ($0.key, $0.value) }, headers: extra)
    }

    /// A form with repeated fields (checkbox lists such as `chosen[]`).
    mutating func post(
        _ path: String, pairs: [(String, String)], headers extra: HTTPHeaders = [:]
    ) async throws -> TestingHTTPResponse {
        var headers = extra
        headers.contentType = .urlEncodedForm
        if let cookieHeader { headers.replaceOrAdd(name: .cookie, value: cookieHeader) }
        let body = pairs.map { "\($0.0.formEncoded)=\($0.1.formEncoded)" }.joined(separator: "&")
        let response = try await app.testing().sendRequest(
            .POST, path, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    private mutating func remember(_ response: TestingHTTPResponse) {
        guard let cookies = response.headers.setCookie else { return }
        for (name, value) in cookies.all {
            if value.maxAge == 0 || value.string.isEmpty
                || (value.expires.map { $0 < Date(timeIntervalSince1970: 86_400) } ?? false)
            {
                jar[name] = nil
            } else {
                jar[name] = value.string
            }
        }
    }

    /// Reads the hidden CSRF field of a page.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// Signs in through the page, as a person would.
    mutating func signIn(_ email: String, password: String = DemoAccounts.password) async throws -> TestingHTTPResponse
    {
        let page = try await get(Endpoints.loginPage.link())
        let token = BrowserSession.csrf(in: page.body.string) ?? ""
        return try await post(
            Endpoints.loginPage.link(), form: ["csrf": token, "email": email, "password": password, "next": ""])
    }
}

extension String {
    var formEncoded: String {
        addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? self
    }
}

/// Removes every sandbox case and what hangs off it (the demo cases have clocks and deadlines of
/// their own), for tests that count cases, reminders or deadlines.
func clearSandboxCases(_ app: Application) async throws {
    try await SandboxDeadlineReminders.ReminderRecord.query(on: app.db).delete()
    try await SandboxReminders.ReminderRecord.query(on: app.db).delete()
    try await SandboxClaimRecord.query(on: app.db).delete()
    try await InsurancePolicyRecord.query(on: app.db).delete()
    try await SandboxCaseEventRecord.query(on: app.db).delete()
    try await SandboxCaseRecord.query(on: app.db).delete()
}

/// Holds the API document to the codes routes really answer with: every refusal an API route gives
/// during a test must be listed for it (`APIErrorCodes`). A run that records codes instead
/// (`TEUKGU_RECORD_ERROR_CODES`, set by `scripts/record-error-codes.sh`) checks nothing.
enum UndocumentedRefusals {
    static func watch(_ app: Application) -> NIOLockedValueBox<Set<String>> {
        let seen = NIOLockedValueBox(Set<String>())
        guard app.errorCodeObserver == nil else { return seen }
        app.errorCodeObserver = ErrorCodeObserver { key, status, code in
            guard let endpoint = Endpoints.byKey[key], endpoint.isAPI, status < 500,
                !APIErrorCodes.documents(endpoint, status: status, code: code)
            else { return }
            seen.withLockedValue { _ = $0.insert("\(key) \(status) \(code)") }
        }
        return seen
    }
}
