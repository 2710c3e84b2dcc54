import Fluent

/// What a grant decides: the national rules it switches off for the company, its validity and its
/// conditions, so checks by that company apply it.
struct AddSandboxGrants: AsyncMigration {
    static let columns = ["grant_exempts_json", "valid_from", "valid_until", "grant_conditions_json"]

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        for column in Self.columns {
            try await database.schema(SandboxCaseRecord.schema).field(.string(column), .string).update()
        }
    }

    func revert(on database: any Database) async throws {
        for column in Self.columns {
            try await database.schema(SandboxCaseRecord.schema).deleteField(.string(column)).update()
        }
    }
}
