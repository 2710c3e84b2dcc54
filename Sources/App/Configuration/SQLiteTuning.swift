import Fluent
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Write-ahead logging for the embedded database: readers (sign-in checks, pages) no longer wait for
/// the decision-log writer, and a commit is one append to the log. `synchronous` stays FULL, so a
/// committed transaction survives a power cut: nothing acknowledged is lost.
enum SQLiteTuning {
    static func apply(to app: Application) async throws {
        guard app.settings.databaseURL == nil, let sql = app.db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }
}
