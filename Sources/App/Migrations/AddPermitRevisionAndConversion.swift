import Fluent

/// A temporary permit extended once runs on until the law is revised (art. 90(12)); a permit
/// converted from a demonstration exemption (art. 87(8)) names the exemption it replaces.
struct AddPermitRevisionAndConversion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(SandboxCaseRecord.schema).field("open_until_revision", .bool).update()
        try await database.schema(SandboxCaseRecord.schema).field("converted_from_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SandboxCaseRecord.schema).deleteField("open_until_revision").update()
        try await database.schema(SandboxCaseRecord.schema).deleteField("converted_from_id").update()
    }
}
