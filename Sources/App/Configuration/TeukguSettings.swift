import Foundation
import Vapor

/// Everything the server reads from its environment, read once at start-up.
///
/// Every variable is listed in the README; nothing else in the code reads the environment.
struct TeukguSettings: Sendable {
    /// Folder for the SQLite file and uploaded documents (`TEUKGU_DATA`, default `./data`).
    let dataDirectory: String
    /// `DATABASE_URL`: PostgreSQL when set, the embedded SQLite file otherwise.
    let databaseURL: String?
    /// Key for hashing API tokens and invitation links (`TEUKGU_SECRET_KEY`); required in production.
    let secretKey: String
    /// Marks the session cookie Secure (`TEUKGU_SECURE_COOKIES=1`; on by default in production).
    let secureCookies: Bool
    /// Public base URL used in links written to the outbox (`TEUKGU_PUBLIC_URL`).
    let publicURL: String
    /// Whether `TEUKGU_PUBLIC_URL` was set; without it links name the host the request came to.
    let publicURLConfigured: Bool
    /// Largest JSON body (`TEUKGU_MAX_JSON_BYTES`, default 1 MB) and upload (`TEUKGU_MAX_UPLOAD_BYTES`, default 10 MB).
    let maxJSONBytes: Int
    let maxUploadBytes: Int
    /// Failed logins allowed per account and address inside the window before answering 429.
    let loginFailureLimit: Int
    /// Failed logins allowed per account from any address (`TEUKGU_LOGIN_ACCOUNT_LIMIT`, 20), and from
    /// one address to any account (`TEUKGU_LOGIN_ADDRESS_LIMIT`, 50), in the same window.
    let loginAccountFailureLimit: Int
    let loginAddressFailureLimit: Int
    /// Reverse proxies whose `X-Forwarded-For` is believed (`TEUKGU_TRUSTED_PROXIES`, comma-separated).
    let trustedProxies: Set<String>
    let loginFailureWindow: TimeInterval
    /// A session ends this long after it starts, whatever happens (`TEUKGU_SESSION_ABSOLUTE_SECONDS`, 12 h).
    let sessionAbsoluteLifetime: TimeInterval
    /// A session ends after this long without a request (`TEUKGU_SESSION_IDLE_SECONDS`, 2 h).
    let sessionIdleLifetime: TimeInterval
    /// Bcrypt cost; tests lower it so that seeding stays fast.
    let bcryptCost: Int
    /// Optional outgoing mail (`TEUKGU_SMTP_HOST`, `TEUKGU_SMTP_PORT`, `TEUKGU_SMTP_FROM`).
    var smtp: SMTPSettings?
    let isProduction: Bool
    /// Demo accounts (with their published password), the demo logins on the sign-in page and the
    /// development key exist only in the development environment (and in tests), never elsewhere.
    let allowsDemoData: Bool
    /// No `TEUKGU_SECRET_KEY` was given: the built-in development key is in use.
    let usesDevelopmentSecret: Bool
    /// Served over HTTPS (the public URL says so, or secure cookies are on): send HSTS.
    var servesTLS: Bool { publicURL.lowercased().hasPrefix("https://") || secureCookies }
    /// The folder holding Resources/, Public/ and Rules/ (`TEUKGU_ROOT`, else found; see `ResourceRoot`).
    let resourceRoot: String

    static let developmentSecret = "teukgu-development-secret-not-for-production-use"

    init(environment: Environment, variables env: [String: String] = ProcessInfo.processInfo.environment) throws {
        // The environment name decides, not the build: a release build may still serve the demo.
        isProduction = environment.name == "production"
        allowsDemoData = environment == .development || environment == .testing
        resourceRoot = try ResourceRoot.locate(
            configured: env["TEUKGU_ROOT"], workingDirectory: DirectoryConfiguration.detect().workingDirectory,
            executable: ProcessInfo.processInfo.arguments.first.map { CommandLine.executablePath(from: $0) })
        if let configured = env["TEUKGU_DATA"], !configured.isEmpty, environment != .testing {
            dataDirectory = configured
        } else if environment == .testing {
            // Each test application gets its own folder, so parallel tests never share uploads.
            dataDirectory = (NSTemporaryDirectory() as NSString).appendingPathComponent(
                "teukgu-test-\(UUID().uuidString)")
        } else {
            dataDirectory = "./data"
        }
        if environment == .testing {
            databaseURL = env["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        } else {
            databaseURL = env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        }
        if let secret = env["TEUKGU_SECRET_KEY"], !secret.isEmpty {
            guard secret.count >= 32 else { throw ConfigurationError.weakSecret }
            secretKey = secret
            usesDevelopmentSecret = false
        } else if allowsDemoData {
            secretKey = TeukguSettings.developmentSecret
            usesDevelopmentSecret = true
        } else {
            throw ConfigurationError.missingSecret("TEUKGU_SECRET_KEY", environment: environment.name)
        }
        secureCookies = env["TEUKGU_SECURE_COOKIES"].map { $0 == "1" || $0 == "true" } ?? !allowsDemoData
        publicURL = env["TEUKGU_PUBLIC_URL"] ?? "http://127.0.0.1:8080"
        publicURLConfigured = env["TEUKGU_PUBLIC_URL"] != nil
        maxJSONBytes = Int(env["TEUKGU_MAX_JSON_BYTES"] ?? "") ?? 1_000_000
        maxUploadBytes = Int(env["TEUKGU_MAX_UPLOAD_BYTES"] ?? "") ?? 10_000_000
        loginFailureLimit = Int(env["TEUKGU_LOGIN_FAILURE_LIMIT"] ?? "") ?? 5
        loginAccountFailureLimit = Int(env["TEUKGU_LOGIN_ACCOUNT_LIMIT"] ?? "") ?? 20
        loginAddressFailureLimit = Int(env["TEUKGU_LOGIN_ADDRESS_LIMIT"] ?? "") ?? 50
        trustedProxies = Set(
            (env["TEUKGU_TRUSTED_PROXIES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty })
        loginFailureWindow = TimeInterval(Int(env["TEUKGU_LOGIN_FAILURE_WINDOW_SECONDS"] ?? "") ?? 900)
        sessionAbsoluteLifetime = TimeInterval(max(60, Int(env["TEUKGU_SESSION_ABSOLUTE_SECONDS"] ?? "") ?? 12 * 3600))
        sessionIdleLifetime = TimeInterval(max(60, Int(env["TEUKGU_SESSION_IDLE_SECONDS"] ?? "") ?? 2 * 3600))
        bcryptCost = environment == .testing ? 4 : 12
        if let host = env["TEUKGU_SMTP_HOST"], !host.isEmpty {
            smtp = SMTPSettings(
                host: host, port: Int(env["TEUKGU_SMTP_PORT"] ?? "") ?? 25,
                from: env["TEUKGU_SMTP_FROM"] ?? "no-reply@teukgu.local")
        } else {
            smtp = nil
        }
    }
}

struct SMTPSettings: Sendable {
    let host: String
    let port: Int
    let from: String
}

enum ConfigurationError: Error, CustomStringConvertible {
    case missingSecret(String, environment: String)
    case publicBindWithoutSecret(String)
    case weakSecret
    case resourcesMissing(String, fromVariable: Bool)

    var description: String {
        switch self {
        case .missingSecret(let name, let environment):
            "\(name) must be set (32 characters or more) in the \(environment) environment; refusing to start."
        case .publicBindWithoutSecret(let address):
            "Serving on \(address), beyond this machine, needs TEUKGU_SECRET_KEY; the development key is for loopback only."
        case .weakSecret: "TEUKGU_SECRET_KEY must be at least 32 characters."
        case .resourcesMissing(let root, let fromVariable):
            fromVariable
                ? "TEUKGU_ROOT is \(root), which has no \(ResourceRoot.marker); point it at the folder holding Resources/, Public/ and Rules/."
                : "No \(ResourceRoot.marker) in \(root) or beside the executable; start from the checkout or set TEUKGU_ROOT to the folder holding Resources/, Public/ and Rules/."
        }
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = TeukguSettings }

    var settings: TeukguSettings {
        get {
            guard let value = storage[SettingsKey.self] else {
                fatalError("configure(_:) sets the settings before anything reads them")
            }
            return value
        }
        set { storage[SettingsKey.self] = newValue }
    }
}

extension CommandLine {
    /// The running executable's path: argv[0] as given, resolved against the working directory when relative.
    static func executablePath(from argument: String) -> String {
        if argument.hasPrefix("/") { return argument }
        if argument.contains("/") { return FileManager.default.currentDirectoryPath + "/" + argument }
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? argument
    }
}
