import Fluent
import SQLKit

/// What-if runs page through the log by (decided_at, id); without this index every page would sort
/// the rest of the period, which is quadratic over a million decisions.
struct AddDecisionLogKeysetIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "regulation_decisions_keyset").on(RegulationDecisionRecord.schema).column(
            "decided_at"
        ).column("id").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "regulation_decisions_keyset").run()
    }
}
