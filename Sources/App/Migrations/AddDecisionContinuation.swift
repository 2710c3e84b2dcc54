import Fluent
import SQLKit

/// A page's question flow logs one decision per step; a later step names the step it continued, so
/// statistics count a flow once (its last step) while every step's permalink stays valid.
struct AddDecisionContinuation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RegulationDecisionRecord.schema).field("continues", .uuid).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "regulation_decisions_continues").on(RegulationDecisionRecord.schema)
            .column("continues").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: "regulation_decisions_continues").run()
        }
        try await database.schema(RegulationDecisionRecord.schema).deleteField("continues").update()
    }
}
