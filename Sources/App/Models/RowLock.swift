import Fluent
import Foundation
import SQLKit

/// Serialises changes that hang on one row, on both databases: a no-op UPDATE of the row takes a
/// row lock on PostgreSQL and the write lock on SQLite until the transaction ends. Used so that
/// two submissions to the same call never draw the same receipt number.
enum RowLock {
    static func take(_ schema: String, id: UUID, touching column: String, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("UPDATE \(ident: schema) SET \(ident: column) = \(ident: column) WHERE id = \(bind: id)")
            .run()
    }
}
