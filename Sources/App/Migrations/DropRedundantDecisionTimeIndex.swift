import Fluent
import SQLKit

/// `regulation_decisions_keyset` (decided_at, id) serves every query the older index on
/// decided_at alone served; keeping both made each logged decision update one index too many.
struct DropRedundantDecisionTimeIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "regulation_decisions_time").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "regulation_decisions_time").on(RegulationDecisionRecord.schema).column(
            "decided_at"
        ).run()
    }
}
