import Vapor

/// `teukgu seed --demo`: loads the reference data and, outside production, the demo accounts.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "demo", help: "Also load the demo accounts and companies (never in production).")
        var demo: Bool
    }

    var help: String { "Loads reference data into an empty database; with --demo also the demo accounts." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await ReferenceSeed.seedIfEmpty(on: app.db)
        try await DesignationSeed.seedIfEmpty(on: app.db)
        try await CollaborationSeed.seedIfEmpty(on: app.db)
        try await RulebookSeed.seedIfEmpty(app)
        context.console.print("Reference data and rulebook version 1 present.")
        guard signature.demo else { return }
        guard app.settings.allowsDemoData else {
            throw AppError(
                .forbidden, "demo_outside_development", "Demo data loads only in the development environment.")
        }
        let hash = try app.password.hash(DemoAccounts.password)
        if try await DemoAccounts.seedIfNew(on: app.db, passwordHash: hash, now: app.clock.now()) {
            context.console.print("Demo accounts loaded; password: \(DemoAccounts.password)")
        } else {
            context.console.print("Accounts exist already; demo accounts are loaded only into a new database.")
        }
    }
}
