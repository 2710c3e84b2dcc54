import Fluent

/// Collaboration applications share the application lifecycle, which includes the ministry's
/// request for more information; they need the same column designation applications have.
struct AddCollaborationInformationRequest: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CollaborationApplicationRecord.schema).field("info_request", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CollaborationApplicationRecord.schema).deleteField("info_request").update()
    }
}
