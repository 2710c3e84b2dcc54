import Fluent
import SQLKit

/// Sandbox cases and their history. The settler finds due clocks by status and kind.
struct CreateSandboxTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SandboxCaseRecord.schema)
            .id()
            .field("number", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("company_id", .uuid, .required)
            .field("district_id", .string, .required)
            .field("region_id", .string, .required)
            .field("title", .string, .required)
            .field("activity", .string, .required)
            .field("question", .string, .required)
            .field("documents_json", .string, .required)
            .field("filed_at", .datetime, .required)
            .field("notified_on", .string)
            .field("pauses_json", .string, .required)
            .field("extension_days", .int, .required)
            .field("answer", .string)
            .field("answered_on", .string)
            .field("settled_by", .string)
            .field("updated_at", .datetime)
            .unique(on: "number")
            .create()
        try await database.schema(SandboxCaseEventRecord.schema)
            .id()
            .field("case_id", .uuid, .required, .references(SandboxCaseRecord.schema, "id"))
            .field("at", .datetime, .required)
            .field("on_day", .string, .required)
            .field("actor_id", .uuid)
            .field("actor_label", .string, .required)
            .field("event", .string, .required)
            .field("note", .string, .required)
            .field("documents_json", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "sandbox_cases_status_kind").on(SandboxCaseRecord.schema)
            .column("status").column("kind").run()
        try await sql.create(index: "sandbox_cases_company").on(SandboxCaseRecord.schema).column("company_id").run()
        try await sql.create(index: "sandbox_cases_region").on(SandboxCaseRecord.schema).column("region_id").run()
        try await sql.create(index: "sandbox_case_events_case").on(SandboxCaseEventRecord.schema).column("case_id")
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SandboxCaseEventRecord.schema).delete()
        try await database.schema(SandboxCaseRecord.schema).delete()
    }
}
