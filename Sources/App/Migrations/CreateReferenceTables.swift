import Fluent

/// Regions, districts, rounds, partners, programme years, companies and organisations.
struct CreateReferenceTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RegionRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("name_ko", .string, .required)
            .field("name_en", .string, .required)
            .field("is_capital", .bool, .required)
            .create()
        try await database.schema(DistrictRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("region_id", .string, .required, .references(RegionRecord.schema, "id"))
            .field("round", .int, .required)
            .field("name_ko", .string, .required)
            .field("name_en", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("area_km2", .double)
            .field("budget_won", .int64)
            .field("notes", .string, .required)
            .field("unconfirmed", .bool, .required)
            .create()
        try await database.schema(DistrictRoundRecord.schema)
            .field("id", .int, .identifier(auto: false))
            .field("call_published", .string, .required)
            .field("governments", .int, .required)
            .field("projects", .int, .required)
            .field("written_passed", .int, .required)
            .field("candidates", .int, .required)
            .field("designated_on", .string)
            .create()
        try await database.schema(PartnerRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("country", .string, .required)
            .field("provides", .string, .required)
            .field("joined_year", .int, .required)
            .field("track_name", .string)
            .create()
        try await database.schema(ProgrammeYearRecord.schema)
            .field("id", .int, .identifier(auto: false))
            .field("startups", .int)
            .field("budget_won", .int64)
            .field("partners_count", .int)
            .field("note", .string, .required)
            .create()
        try await database.schema(CompanyRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("business_registration_number", .string, .required)
            .field("founded_on", .string, .required)
            .field("sector", .string, .required)
            .unique(on: "business_registration_number")
            .create()
        try await database.schema(OrganisationRecord.schema)
            .id()
            .field("name", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            OrganisationRecord.schema, CompanyRecord.schema, ProgrammeYearRecord.schema, PartnerRecord.schema,
            DistrictRoundRecord.schema, DistrictRecord.schema, RegionRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
