import Fluent
import Foundation
import Vapor

/// The shipped `Rules/` folder becomes version 1 when the database has no versions yet.
enum RulebookSeed {
    /// Seeds from the `Rules` folder of the working directory.
    static func seedIfEmpty(_ app: Application) async throws {
        try await seedIfEmpty(
            on: app.db, directory: app.directory.workingDirectory + "Rules", now: app.clock.now(), logger: app.logger)
    }

    static func seedIfEmpty(on database: any Database, directory: String, now: Date, logger: Logger) async throws {
        guard try await RulebookVersionRecord.query(on: database).count() == 0 else { return }
        let files = RulebookSources.read(directory: directory)
        guard !files.isEmpty else {
            // Said at start-up: otherwise "May I do this here?" would just list no districts.
            logger.warning(
                "No rulebooks found in \(directory): the regulation service has no districts until a version is published"
            )
            return
        }
        let version = RulebookVersionRecord()
        version.number = 1
        version.status = .published
        // Version 1 applies from the start of the special-zones regime; each rulebook's own dates still apply.
        version.effectiveFrom = "2019-04-17"
        version.sources = try RulebookSources.encode(files)
        version.note = "Shipped rulebooks (Rules/)"
        version.publishedAt = now
        try await database.transaction { transaction in
            try await version.create(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: .system, action: "rulebook.seed", targetType: "rulebook-version", targetID: "1",
                after: ["files": String(files.count)])
        }
    }
}

/// Polls for newly published versions every few seconds, so every instance sharing a database
/// picks a publication up promptly.
final class RulebookRefreshLoop: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        try? await app.rulebooks.refresh(on: app.db)
        task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(2))
                do { try await app.rulebooks.refresh(on: app.db) } catch {
                    app.logger.warning("rulebook refresh failed: \(error)")
                }
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        _ = await task?.value
    }
}
