import Fluent
import Foundation

/// A browser session, kept in the database so every instance sees it, with the two clocks that end
/// it: an absolute expiry set at creation and the last time it was used (for the idle limit).
final class WebSessionRecord: Model, @unchecked Sendable {
    static let schema = "web_sessions"
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "data_json") var dataJSON: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}

struct CreateWebSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WebSessionRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("data_json", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WebSessionRecord.schema).delete()
    }
}
