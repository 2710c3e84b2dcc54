import Fluent
import SQLKit

/// Tracks, calls, applications and matchings of the collaboration programme, and the company
/// profile fields applications need.
struct CreateCollaborationTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(CompanyRecord.schema).field("employees", .int).update()
        try await database.schema(CompanyRecord.schema).field("revenue_won", .int64).update()
        try await database.schema(CollaborationTrackRecord.schema)
            .id()
            .field("year", .int, .required)
            .field("partner_id", .string, .required)
            .field("name", .string, .required)
            .field("capacity", .int, .required)
            .field("sector_focus", .string, .required)
            .field("organisation_id", .uuid)
            .field("description", .string, .required)
            .field("offer", .string, .required)
            .field("stage_index", .int, .required)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(CollaborationCallRecord.schema)
            .id()
            .field("year", .int, .required)
            .field("title", .string, .required)
            .field("opens_at", .datetime, .required)
            .field("closes_at", .datetime, .required)
            .field("eligibility_json", .string, .required)
            .field("grant_cap_won", .int64, .required)
            .field("grant_cap_citation", .string, .required)
            .field("budget_won", .int64, .required)
            .field("choice_mode", .string, .required)
            .field("max_choices", .int, .required)
            .field("stages_json", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "year")
            .create()
        try await database.schema(CollaborationApplicationRecord.schema)
            .id()
            .field("call_id", .uuid, .required, .references(CollaborationCallRecord.schema, "id"))
            .field("company_id", .uuid, .required)
            .field("choices_json", .string, .required)
            .field("plan", .string, .required)
            .field("requested_won", .int64, .required)
            .field("documents_json", .string, .required)
            .field("status", .string, .required)
            .field("receipt_number", .string)
            .field("submitted_at", .datetime)
            .field("submitted_order", .int)
            .field("outcome", .string, .required)
            .field("assigned_track_id", .uuid)
            .field("created_by", .uuid, .required)
            .field("updated_at", .datetime)
            .unique(on: "call_id", "company_id")
            .unique(on: "receipt_number")
            .create()
        try await database.schema(CollaborationMatchingRecord.schema)
            .id()
            .field("call_id", .uuid, .required, .references(CollaborationCallRecord.schema, "id"))
            .field("result_json", .string, .required)
            .field("confirmed_by", .uuid, .required)
            .field("confirmed_at", .datetime)
            .unique(on: "call_id")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "collaboration_tracks_year").on(CollaborationTrackRecord.schema).column("year")
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [
            CollaborationMatchingRecord.schema, CollaborationApplicationRecord.schema, CollaborationCallRecord.schema,
            CollaborationTrackRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
        try await database.schema(CompanyRecord.schema).deleteField("employees").update()
        try await database.schema(CompanyRecord.schema).deleteField("revenue_won").update()
    }
}
