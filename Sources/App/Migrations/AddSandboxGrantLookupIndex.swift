import Fluent
import SQLKit

/// Every check by a company looks up its grants in use in one district; with thousands of grants
/// on file the status index alone would scan them all, so the look-up gets an index of its own.
struct AddSandboxGrantLookupIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "sandbox_cases_company_district_status").on(SandboxCaseRecord.schema)
            .column("company_id").column("district_id").column("status").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "sandbox_cases_company_district_status").run()
    }
}
