import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import Vapor

/// Sets up databases, sessions, views, middleware, routes and commands.
public func configure(_ app: Application) async throws {
    let settings = try TeukguSettings(environment: app.environment)
    app.settings = settings
    app.directory = DirectoryConfiguration(workingDirectory: settings.resourceRoot)
    MetricsSetup.bootstrap()
    try FileManager.default.createDirectory(atPath: settings.dataDirectory, withIntermediateDirectories: true)

    if let url = settings.databaseURL {
        // Several connections per event loop, so one request's queries do not queue behind
        // another's while PostgreSQL has cores to spare.
        app.databases.use(
            .postgres(configuration: try SQLPostgresConfiguration(url: url), maxConnectionsPerEventLoop: 4), as: .psql)
    } else if app.environment == .testing {
        SQLiteThreads.giveTheApplicationItsOwnPool(app)
        // Tests of concurrent writers use a file, as the server does: an in-memory database's
        // shared cache locks tables instead of waiting, which no deployment ever sees.
        if let path = app.storage[TestSQLiteFile.self] {
            app.databases.use(.sqlite(.file(path)), as: .sqlite)
        } else {
            app.databases.use(.sqlite(.memory), as: .sqlite)
        }
    } else {
        SQLiteThreads.giveTheApplicationItsOwnPool(app)
        let path = (settings.dataDirectory as NSString).appendingPathComponent("teukgu.sqlite")
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    }
    if settings.databaseURL == nil { app.sqliteGroupCommit = SQLiteGroupCommit() }
    TeukguMigrations.register(on: app)

    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    try PasswordTiming.prepare(app)
    app.sessions.use { _ in ExpiringSessions() }
    app.sessions.configuration = SessionsConfiguration(cookieName: Request.sessionCookieName) { [app] id in
        HTTPCookies.Value(
            // The server ends sessions (`ExpiringSessions`); the cookie lasts no longer than the absolute limit.
            string: id.string, expires: app.clock.now().addingTimeInterval(settings.sessionAbsoluteLifetime),
            maxAge: Int(settings.sessionAbsoluteLifetime),
            path: "/", isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
    app.views.use(.leaf)
    app.leaf.tags["number"] = NumberTag()
    TemplateCache.keepParsedTemplates(app)
    app.routes.defaultMaxBodySize = ByteCount(value: settings.maxJSONBytes)

    // Order matters: errors outermost, then static files, sessions, who is calling, may they.
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(TeukguErrorMiddleware())
    if let path = Environment.get("TEUKGU_RECORD_ERROR_CODES"), !path.isEmpty {
        app.errorCodeObserver = .appending(to: path)
    }
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(VisitorCookiesMiddleware())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(AccountAuthenticator())
    app.middleware.use(AccessControlMiddleware())
    app.middleware.use(CookieWriteGuardMiddleware())
    app.middleware.use(BodySizeMiddleware())

    try routes(app)
    // Made here, before requests arrive: storage is not safe to fill from concurrent requests.
    _ = app.companyGrants
    _ = app.decisionLog
    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(RulesCommand(), as: "rules")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(MatchCommand(), as: "match")
    app.asyncCommands.use(OpenAPICommand(), as: "openapi")
    app.asyncCommands.use(ErrorCodesCommand(), as: "error-codes")

    if app.environment != .testing && isServeCommand(app.environment.arguments) {
        let address = servingAddress(app)
        if settings.usesDevelopmentSecret && !isLoopback(address) {
            throw ConfigurationError.publicBindWithoutSecret(address)
        }
        try await prepareForServing(app)
        app.lifecycle.use(OutboxDeliveryLoop())
        app.lifecycle.use(RulebookRefreshLoop())
        app.lifecycle.use(SessionSweepLoop())
        app.lifecycle.use(SandboxClockLoop())
    }
}

/// Where `serve` will listen: its `--hostname`, `--port` or `--bind` arguments (Vapor applies them
/// only when the command runs, after this banner) over the server configuration.
func servingAddress(_ app: Application) -> String {
    let arguments = app.environment.arguments
    func value(_ long: String, _ short: String) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == long || argument == short, index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix(long + "=") { return String(argument.dropFirst(long.count + 1)) }
        }
        return nil
    }
    var host = value("--hostname", "-H") ?? app.http.server.configuration.hostname
    var port = value("--port", "-p") ?? String(app.http.server.configuration.port)
    if let bind = value("--bind", "-b"), let colon = bind.lastIndex(of: ":") {
        host = String(bind[..<colon])
        port = String(bind[bind.index(after: colon)...])
    }
    return "http://\(host):\(port)"
}

/// Whether `http://host:port` is reachable only from this machine.
func isLoopback(_ address: String) -> Bool {
    guard let host = URL(string: address)?.host?.lowercased() else { return false }
    return host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
}

/// `teukgu` alone runs `serve`, like `teukgu serve`.
func isServeCommand(_ arguments: [String]) -> Bool {
    let command = arguments.dropFirst().first { !$0.hasPrefix("-") }
    return command == nil || command == "serve"
}

/// Migrates, loads the reference data, and outside production the demo data into a new database,
/// then says where to go and how to sign in.
func prepareForServing(_ app: Application) async throws {
    try await SQLiteTuning.apply(to: app)
    try await app.autoMigrate()
    try await ReferenceSeed.seedIfEmpty(on: app.db)
    try await PartnerListingSeed.seedIfEmpty(on: app.db)
    try await DesignationSeed.seedIfEmpty(on: app.db)
    try await CollaborationSeed.seedIfEmpty(on: app.db)
    try await RulebookSeed.seedIfEmpty(app)
    try await app.rulebooks.refresh(on: app.db)
    var lines = [
        "",
        "Teukgu is starting on \(servingAddress(app)) (database: \(app.settings.databaseURL == nil ? "SQLite in \(app.settings.dataDirectory)" : "PostgreSQL"))",
    ]
    if app.settings.allowsDemoData {
        let hash = try await app.password.async.hash(DemoAccounts.password)
        try await DemoAccounts.seedIfNew(on: app.db, passwordHash: hash, now: app.clock.now())
        lines.append("Demo logins (password for all: \(DemoAccounts.password)):")
        for entry in DemoAccounts.entries {
            lines.append(
                "  \(entry.email.padding(toLength: 24, withPad: " ", startingAt: 0)) \(entry.role.rawValue)\(entry.boundTo.isEmpty ? "" : " (\(entry.boundTo))")"
            )
        }
    }
    lines.append("")
    print(lines.joined(separator: "\n"))
}

/// The process entry point used by the `teukgu` executable.
public enum TeukguApplication {
    public static func run() async throws {
        var environment = try Environment.detect()
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            try await configure(app)
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        do {
            try await app.execute()
        } catch {
            // Vapor's command runner has printed the error already; printing it again doubled
            // every failing `rules check` summary.
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// A file for the test environment's SQLite database instead of memory (see `configure`).
struct TestSQLiteFile: StorageKey {
    typealias Value = String
}
