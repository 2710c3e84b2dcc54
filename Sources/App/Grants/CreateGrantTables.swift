import Fluent
import SQLKit

/// The grant agreements and their ledger. The ledger's rules are enforced by the database as well
/// as by the code that writes it: entries cannot be updated or deleted (triggers), an entry's amount
/// is positive, a balance below zero is refused for every account but the appropriation, and an
/// entry is reversed at most once (a unique index).
struct CreateGrantTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CollaborationTrackRecord.schema).field("budget_won", .int64).update()
        try await database.schema(CollaborationTrackRecord.schema).field("cost_share_json", .string).update()
        try await database.schema(GrantAgreementRecord.schema).id()
            .field("number", .string, .required).unique(on: "number")
            .field("call_id", .uuid, .required).field("track_id", .uuid)
            .field("application_id", .uuid, .required).unique(on: "application_id")
            .field("company_id", .uuid, .required)
            .field("status", .string, .required).field("award_won", .int64, .required)
            .field("terms_json", .string, .required).field("ratios_json", .string, .required)
            .field("total_cost_won", .int64, .required).field("cash_won", .int64, .required)
            .field("in_kind_won", .int64, .required)
            .field("bank_name", .string, .required).field("account_holder", .string, .required)
            .field("account_last_digits", .string, .required)
            .field("grant_cap_won", .int64, .required).field("grant_cap_citation", .string, .required)
            .field("amendments", .int, .required).field("signed_at", .datetime)
            .field("termination_reason", .string)
            .field("created_by", .uuid, .required).field("created_at", .datetime)
            .create()
        try await database.schema(GrantAmendmentRecord.schema).id()
            .field("agreement_id", .uuid, .required).field("sequence", .int, .required)
            .field("reason", .string, .required).field("old_terms_json", .string, .required)
            .field("new_terms_json", .string, .required).field("created_by", .uuid, .required)
            .field("created_at", .datetime).unique(on: "agreement_id", "sequence")
            .create()
        try await database.schema(GrantInstalmentRecord.schema).id()
            .field("agreement_id", .uuid, .required).field("sequence", .int, .required)
            .field("milestone", .string, .required).field("amount_won", .int64, .required)
            .field("due_on", .string, .required).field("state", .string, .required)
            .field("report", .string).field("documents_json", .string, .required)
            .field("reported_at", .datetime).field("review_note", .string).field("reviewed_at", .datetime)
            .create()
        try await database.schema(LedgerEntryRecord.schema).id()
            .field("kind", .string, .required)
            .field("from_account", .string, .required).field("to_account", .string, .required)
            .field("amount_won", .int64, .required)
            .field("call_id", .uuid).field("agreement_id", .uuid).field("reference", .string)
            .field("memo", .string, .required).field("reverses_id", .uuid).unique(on: "reverses_id")
            .field("created_by", .uuid, .required).field("created_at", .datetime, .required)
            .constraint(.sql(.check(SQLRaw("amount_won > 0 AND from_account <> to_account"))))
            .create()
        try await database.schema("ledger_balances")
            .field("account", .string, .identifier(auto: false))
            .field("balance_won", .int64, .required)
            .constraint(.sql(.check(SQLRaw("balance_won >= 0 OR account = 'appropriation'"))))
            .create()
        try await database.schema(GrantSpendingRecord.schema).id()
            .field("agreement_id", .uuid, .required).field("category", .string, .required)
            .field("amount_won", .int64, .required).field("spent_on", .string, .required)
            .field("description", .string, .required).field("documents_json", .string, .required)
            .field("state", .string, .required).field("review_note", .string)
            .field("ledger_entry_id", .uuid, .required).field("created_by", .uuid, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(GrantPlanLineRecord.schema).id()
            .field("agreement_id", .uuid, .required).field("category", .string, .required)
            .field("planned_won", .int64, .required).field("spent_won", .int64, .required)
            .unique(on: "agreement_id", "category")
            .constraint(.sql(.check(SQLRaw("spent_won >= 0 AND spent_won <= planned_won"))))
            .create()
        try await database.schema(GrantReallocationRecord.schema).id()
            .field("agreement_id", .uuid, .required).field("from_category", .string, .required)
            .field("to_category", .string, .required).field("amount_won", .int64, .required)
            .field("reason", .string, .required).field("state", .string, .required)
            .field("decision_note", .string).field("requested_by", .uuid, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(GrantClawbackRecord.schema).id()
            .field("agreement_id", .uuid, .required).field("amount_won", .int64, .required)
            .field("reason", .string, .required).field("due_on", .string, .required)
            .field("due_rule", .string, .required).field("due_rule_korean", .string, .required)
            .field("state", .string, .required)
            .field("ledger_entry_id", .uuid, .required).field("created_by", .uuid, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(IdempotencyRecord.schema)
            .field("key", .string, .identifier(auto: false))
            .field("request_hash", .string, .required).field("status", .int, .required)
            .field("body", .string, .required).field("created_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "ledger_entries_agreement").on(LedgerEntryRecord.schema)
            .column("agreement_id").column("created_at").run()
        try await sql.create(index: "ledger_entries_call").on(LedgerEntryRecord.schema)
            .column("call_id").column("created_at").run()
        try await sql.create(index: "grant_instalments_agreement").on(GrantInstalmentRecord.schema)
            .column("agreement_id").column("sequence").run()
        try await sql.create(index: "grant_spendings_agreement").on(GrantSpendingRecord.schema)
            .column("agreement_id").run()
        try await sql.create(index: "grant_agreements_company").on(GrantAgreementRecord.schema)
            .column("company_id").run()
        try await sql.create(index: "grant_agreements_track").on(GrantAgreementRecord.schema)
            .column("track_id").run()
        try await AppendOnly.protect(LedgerEntryRecord.schema, on: sql)
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await AppendOnly.release(LedgerEntryRecord.schema, on: sql) }
        for schema in [
            IdempotencyRecord.schema, GrantClawbackRecord.schema, GrantReallocationRecord.schema,
            GrantPlanLineRecord.schema, GrantSpendingRecord.schema, "ledger_balances", LedgerEntryRecord.schema,
            GrantInstalmentRecord.schema, GrantAmendmentRecord.schema, GrantAgreementRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
        try await database.schema(CollaborationTrackRecord.schema).deleteField("budget_won").update()
        try await database.schema(CollaborationTrackRecord.schema).deleteField("cost_share_json").update()
    }
}

/// Triggers that refuse UPDATE and DELETE on a table, on SQLite and PostgreSQL alike.
enum AppendOnly {
    static func protect(_ table: String, on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                CREATE OR REPLACE FUNCTION refuse_change_to_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'append-only table: % is refused', TG_OP; END $$ LANGUAGE plpgsql
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE OR DELETE ON \(ident: table)
                FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only()
                """
            ).run()
        } else {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON \(ident: table)
                    BEGIN SELECT RAISE(ABORT, 'append-only table: \(unsafeRaw: operation) is refused'); END
                    """
                ).run()
            }
        }
    }

    static func release(_ table: String, on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_append_only ON \(ident: table)").run()
        } else {
            for operation in ["update", "delete"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_no_\(unsafeRaw: operation)").run()
            }
        }
    }
}
