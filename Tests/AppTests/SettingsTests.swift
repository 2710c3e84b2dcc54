import Fluent
import Foundation
import NIOPosix
import Testing
import Vapor

@testable import App

@Suite struct SettingsTests {
    @Test func productionRefusesToStartWithoutItsSecret() throws {
        #expect(throws: ConfigurationError.self) { try TeukguSettings(environment: .production, variables: [:]) }
        #expect(throws: ConfigurationError.self) {
            try TeukguSettings(environment: .production, variables: ["TEUKGU_SECRET_KEY": "too-short"])
        }
        let settings = try TeukguSettings(
            environment: .production, variables: ["TEUKGU_SECRET_KEY": String(repeating: "k", count: 40)])
        #expect(settings.isProduction && settings.secureCookies)
        let development = try TeukguSettings(environment: .development, variables: [:])
        #expect(!development.isProduction && development.secretKey == TeukguSettings.developmentSecret)
    }

    @Test func theServeCommandIsTheDefault() {
        #expect(isServeCommand(["teukgu"]))
        #expect(isServeCommand(["teukgu", "serve", "--port", "9000"]))
        #expect(!isServeCommand(["teukgu", "migrate"]))
        #expect(!isServeCommand(["teukgu", "rules", "check", "Rules"]))
    }

    /// The start-up banner names the address `serve` will really listen on.
    @Test func theBannerNamesTheAddressServeListensOn() async throws {
        for (arguments, expected) in [
            (["teukgu", "serve"], "http://127.0.0.1:8080"),
            (["teukgu", "serve", "--port", "9000"], "http://127.0.0.1:9000"),
            (["teukgu", "serve", "-H", "0.0.0.0", "-p", "80"], "http://0.0.0.0:80"),
            (["teukgu", "serve", "--bind", "10.0.0.5:8443"], "http://10.0.0.5:8443"),
            (["teukgu", "serve", "--port=7000"], "http://127.0.0.1:7000"),
        ] {
            let app = try await Application.make(Environment(name: "testing", arguments: arguments))
            #expect(servingAddress(app) == expected)
            try await app.asyncShutdown()
        }
    }
}

@Suite struct ResourceRootTests {
    static let checkout =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path + "/"

    @Test func theCheckoutIsFoundFromItsOwnFolder() throws {
        #expect(
            try ResourceRoot.locate(configured: nil, workingDirectory: Self.checkout, executable: nil) == Self.checkout)
    }

    @Test func aBinaryInsideTheBuildFolderFindsTheCheckoutFromAnywhere() throws {
        let found = try ResourceRoot.locate(
            configured: nil, workingDirectory: "/tmp", executable: Self.checkout + ".build/release/teukgu")
        #expect(found == Self.checkout)
    }

    @Test func withNothingToFindTheServerRefusesAndSaysWhatToSet() {
        #expect(throws: ConfigurationError.self) {
            try ResourceRoot.locate(configured: nil, workingDirectory: "/tmp", executable: "/usr/bin/teukgu")
        }
        do {
            _ = try ResourceRoot.locate(configured: "/nonexistent", workingDirectory: Self.checkout, executable: nil)
            Issue.record("a TEUKGU_ROOT without Resources was accepted")
        } catch {
            #expect("\(error)".contains("TEUKGU_ROOT"))
        }
    }
}

@Suite struct SQLiteThreadTests {
    /// A deadlock at full CPU (two spinning SQLite waiters holding both threads of the shared pool)
    /// hung a CI run: the embedded database runs on a pool of the application's own, with more
    /// threads than connections that can wait on one another.
    @Test func theEmbeddedDatabaseRunsOnAPoolOfItsOwn() async throws {
        try await withTeukgu { app in
            let databasePool = app.databases.threadPool
            if TestDatabase.usesPostgres {
                // PostgreSQL's driver does not block threads: it keeps the process-wide pool.
                #expect(app.threadPool === NIOThreadPool.singleton)
            } else {
                #expect(app.threadPool !== NIOThreadPool.singleton)
                #expect(databasePool === app.threadPool)
            }
            // The pool answers; a query runs on it.
            let accounts = try await AccountRecord.query(on: app.db).count()
            #expect(accounts > 0)
        }
    }
}
