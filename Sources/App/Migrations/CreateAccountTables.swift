import Fluent

/// Accounts, API tokens, invitations and sign-in attempts.
struct CreateAccountTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AccountRecord.schema)
            .id()
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("role", .string, .required)
            .field("region_id", .string, .references(RegionRecord.schema, "id"))
            .field("company_id", .uuid, .references(CompanyRecord.schema, "id"))
            .field("partner_id", .string, .references(PartnerRecord.schema, "id"))
            .field("organisation_id", .uuid, .references(OrganisationRecord.schema, "id"))
            .field("password_hash", .string)
            .field("language", .string, .required)
            .field("is_active", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
        try await database.schema(ApiTokenRecord.schema)
            .id()
            .field("account_id", .uuid, .required, .references(AccountRecord.schema, "id"))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("created_at", .datetime)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(InvitationRecord.schema)
            .id()
            .field("account_id", .uuid, .required, .references(AccountRecord.schema, "id"))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(LoginAttemptRecord.schema)
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("succeeded", .bool, .required)
            .field("attempted_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [LoginAttemptRecord.schema, InvitationRecord.schema, ApiTokenRecord.schema, AccountRecord.schema]
        {
            try await database.schema(schema).delete()
        }
    }
}
