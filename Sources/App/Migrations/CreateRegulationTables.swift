import Fluent
import SQLKit

/// Rulebook versions, the decision log, what-if jobs and rate limits.
struct CreateRegulationTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RulebookVersionRecord.schema)
            .id()
            .field("number", .int, .required)
            .field("status", .string, .required)
            .field("effective_from", .string)
            .field("sources", .string, .required)
            .field("note", .string, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .field("published_at", .datetime)
            .unique(on: "number")
            .create()
        try await database.schema(RegulationDecisionRecord.schema)
            .id()
            .field("decided_at", .datetime, .required)
            .field("district", .string, .required)
            .field("as_of", .string, .required)
            .field("outcome", .string, .required)
            .field("request", .string, .required)
            .field("decision", .string, .required)
            .field("reason_ids", .string, .required)
            .field("missing_facts", .string, .required)
            .field("version_id", .uuid, .required)
            .field("account_id", .uuid)
            .field("company_id", .uuid)
            .field("channel", .string, .required)
            .create()
        try await database.schema(WhatIfJobRecord.schema)
            .id()
            .field("version_id", .uuid, .required)
            .field("from_day", .string, .required)
            .field("to_day", .string, .required)
            .field("status", .string, .required)
            .field("processed", .int, .required)
            .field("total", .int, .required)
            .field("changed", .int, .required)
            .field("report", .string)
            .field("requested_by", .uuid)
            .field("created_at", .datetime)
            .field("finished_at", .datetime)
            .create()
        try await database.schema(RateLimitRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("window_start", .int64, .required)
            .field("count", .int, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "regulation_decisions_time").on(RegulationDecisionRecord.schema).column(
                "decided_at"
            ).run()
            try await sql.create(index: "regulation_decisions_district").on(RegulationDecisionRecord.schema).column(
                "district"
            ).column("outcome").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [
            RateLimitRecord.schema, WhatIfJobRecord.schema, RegulationDecisionRecord.schema,
            RulebookVersionRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
