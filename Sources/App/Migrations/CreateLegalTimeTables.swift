import Fluent

/// Holidays, covered years, parameters and their versions.
struct CreateLegalTimeTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HolidayRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("name_ko", .string, .required)
            .field("name_en", .string, .required)
            .field("kind", .string, .required)
            .create()
        try await database.schema(HolidayYearRecord.schema)
            .field("id", .int, .identifier(auto: false))
            .create()
        try await database.schema(ParameterRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("title_ko", .string, .required)
            .field("title_en", .string, .required)
            .create()
        try await database.schema(ParameterVersionRecord.schema)
            .id()
            .field("parameter_key", .string, .required, .references(ParameterRecord.schema, "id"))
            .field("unit", .string, .required)
            .field("amount", .int64, .required)
            .field("effective_from", .string, .required)
            .field("effective_until", .string)
            .field("law", .string, .required)
            .field("article", .string, .required)
            .field("amendment", .string)
            .field("amendment_date", .string)
            .field("note", .string)
            .field("created_at", .datetime)
            .unique(on: "parameter_key", "effective_from")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            ParameterVersionRecord.schema, ParameterRecord.schema, HolidayYearRecord.schema, HolidayRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
