import Fluent

/// Calls are read in both languages: an English title (and description) beside the Korean one.
/// Optional, so calls opened before keep showing their one text in both languages.
struct AddCallEnglishTexts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(DesignationCallRecord.schema).field("title_english", .string).update()
        try await database.schema(DesignationCallRecord.schema).field("description_english", .string).update()
        try await database.schema(CollaborationCallRecord.schema).field("title_english", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DesignationCallRecord.schema).deleteField("title_english").update()
        try await database.schema(DesignationCallRecord.schema).deleteField("description_english").update()
        try await database.schema(CollaborationCallRecord.schema).deleteField("title_english").update()
    }
}
