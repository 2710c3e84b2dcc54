import Fluent
import SQLKit

/// The audit chain, the outbox and documents.
struct CreatePlatformTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntryRecord.schema)
            .id()
            .field("sequence", .int, .required)
            .field("occurred_at_ms", .int64, .required)
            .field("actor_id", .uuid)
            .field("actor_label", .string, .required)
            .field("action", .string, .required)
            .field("target_type", .string, .required)
            .field("target_id", .string, .required)
            .field("summary", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "sequence")
            .create()
        try await database.schema(AuditHeadRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("sequence", .int, .required)
            .field("last_hash", .string, .required)
            .create()
        let head = AuditHeadRecord()
        head.id = AuditLog.chainID
        head.sequence = 0
        head.lastHash = AuditLog.genesisHash
        try await head.create(on: database)

        try await database.schema(OutboxMessageRecord.schema)
            .id()
            .field("recipient_account_id", .uuid)
            .field("recipient_email", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("related_type", .string)
            .field("related_id", .string)
            .field("created_at", .datetime)
            .field("sent_at", .datetime)
            .field("delivery_error", .string)
            .create()
        try await database.schema(DocumentRecord.schema)
            .id()
            .field("sha256", .string, .required)
            .field("byte_count", .int, .required)
            .field("content_type", .string, .required)
            .field("display_name", .string, .required)
            .field("owner_type", .string, .required)
            .field("owner_id", .string, .required)
            .field("uploaded_by", .uuid, .required)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "audit_entries_action").on(AuditEntryRecord.schema).column("action").run()
            try await sql.create(index: "outbox_recipient").on(OutboxMessageRecord.schema).column(
                "recipient_account_id"
            ).run()
            try await sql.create(index: "login_attempts_lookup").on(LoginAttemptRecord.schema).column("email").column(
                "address"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [
            DocumentRecord.schema, OutboxMessageRecord.schema, AuditHeadRecord.schema, AuditEntryRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
