import Fluent
import Foundation
import SQLKit
import TeukguCore

/// A case as a queue lists it, read from the few columns a list shows. Queues are the pages every
/// party opens all day, so they read these columns with one indexed query rather than whole
/// records (decoding a record of thirty-odd fields costs far more than finding it).
struct SandboxQueueEntry: Decodable, Sendable {
    let id: UUID
    let number: String
    let kind: SandboxCaseKind
    let status: SandboxCaseStatus
    let title: String
    let companyID: UUID
    let districtID: String
    let regionID: String
    let filedAt: Date
    let dueOn: String?

    enum CodingKeys: String, CodingKey {
        case id, number, kind, status, title
        case companyID = "company_id"
        case districtID = "district_id"
        case regionID = "region_id"
        case filedAt = "filed_at"
        case dueOn = "due_on"
    }

    static let columns = [
        "id", "number", "kind", "status", "title", "company_id", "district_id", "region_id", "filed_at", "due_on",
    ]
}

/// Each party's queue of sandbox cases: what waits on it, soonest due first (cases without a
/// running clock after them), and every case it may see, newest first. Each ordering is served by
/// an index (`Migration`), so a page costs the same with ten cases on file or ten thousand.
enum SandboxQueue {
    /// What waits on an account, counted in one pass: with and without a due day, due within 7
    /// days of `today`, and overdue.
    struct WaitingCounts: Decodable {
        let dated: Int
        let undated: Int
        let dueSoon: Int
        let overdue: Int
    }

    static func waitingCounts(
        to account: CurrentAccount, today: CalendarDate, on database: any Database
    ) async throws -> WaitingCounts {
        guard let sql = database as? any SQLDatabase, let scope = Scope(account, waiting: true) else {
            return WaitingCounts(dated: 0, undated: 0, dueSoon: 0, overdue: 0)
        }
        // The two days are calendar dates this code formats (digits and hyphens), so they are
        // written into the SQL rather than bound.
        let query = sql.select()
            .column(SQLRaw("COALESCE(SUM(CASE WHEN due_on IS NOT NULL THEN 1 ELSE 0 END), 0)"), as: "dated")
            .column(SQLRaw("COALESCE(SUM(CASE WHEN due_on IS NULL THEN 1 ELSE 0 END), 0)"), as: "undated")
            .column(
                SQLRaw(
                    "COALESCE(SUM(CASE WHEN due_on >= '\(today.iso)' AND due_on <= '\(today.adding(days: 7).iso)' THEN 1 ELSE 0 END), 0)"
                ), as: "dueSoon"
            )
            .column(SQLRaw("COALESCE(SUM(CASE WHEN due_on < '\(today.iso)' THEN 1 ELSE 0 END), 0)"), as: "overdue")
            .from(SandboxCaseRecord.schema)
        return try await scope.apply(query).first(decoding: WaitingCounts.self)
            ?? WaitingCounts(dated: 0, undated: 0, dueSoon: 0, overdue: 0)
    }

    /// One page, with the total (counted unless the caller already knows it; for what waits, the
    /// caller may pass `waitingCounts`).
    static func page(
        to account: CurrentAccount, waiting: Bool, page: Int, perPage: Int, knownTotal: Int? = nil,
        counted: WaitingCounts? = nil, on database: any Database
    ) async throws -> (entries: [SandboxQueueEntry], total: Int) {
        guard let sql = database as? any SQLDatabase, let scope = Scope(account, waiting: waiting) else {
            return ([], 0)
        }
        let offset = (page - 1) * perPage
        guard waiting else {
            var total = knownTotal ?? 0
            if knownTotal == nil { total = try await count(scope, on: sql) }
            let entries = try await select(scope, on: sql) { $0.orderBy("filed_at", .descending) }
                .limit(perPage).offset(offset).all(decoding: SandboxQueueEntry.self)
            return (entries, total)
        }
        // Two segments, each in index order: cases with a due day (soonest first), then the rest
        // (oldest first). "Nulls last" in one ORDER BY would sort every row the party has.
        var dated = counted?.dated ?? 0
        var undated = counted?.undated ?? 0
        if counted == nil {
            dated = try await count(scope, on: sql) { $0.where("due_on", .isNot, SQLLiteral.null) }
            undated = try await count(scope, on: sql) { $0.where("due_on", .is, SQLLiteral.null) }
        }
        var entries: [SandboxQueueEntry] = []
        if offset < dated {
            entries = try await segment(scope, dated: true, skip: offset, take: perPage, on: sql)
        }
        if entries.count < perPage, offset + entries.count < dated + undated {
            entries += try await segment(
                scope, dated: false, skip: max(0, offset - dated), take: perPage - entries.count, on: sql)
        }
        return (entries, dated + undated)
    }

    /// `take` rows of one segment after skipping `skip`, in its order. A scope of several statuses
    /// (the ministry's) reads each status in its own index order and merges them: one query over
    /// all of them would sort every row they hold.
    private static func segment(
        _ scope: Scope, dated: Bool, skip: Int, take: Int, on sql: any SQLDatabase
    ) async throws -> [SandboxQueueEntry] {
        func shaped(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
            dated
                ? query.where("due_on", .isNot, SQLLiteral.null).orderBy("due_on").orderBy("filed_at")
                : query.where("due_on", .is, SQLLiteral.null).orderBy("filed_at")
        }
        guard scope.statuses.count > 1 else {
            return try await select(scope, on: sql, shaped).limit(take).offset(skip)
                .all(decoding: SandboxQueueEntry.self)
        }
        var merged: [SandboxQueueEntry] = []
        for status in scope.statuses {
            var single = scope
            single.statuses = [status]
            merged += try await select(single, on: sql, shaped).limit(skip + take).all(decoding: SandboxQueueEntry.self)
        }
        merged.sort { left, right in
            dated && left.dueOn != right.dueOn
                ? (left.dueOn ?? "") < (right.dueOn ?? "") : left.filedAt < right.filedAt
        }
        return Array(merged.dropFirst(skip).prefix(take))
    }

    static func count(to account: CurrentAccount, waiting: Bool, on database: any Database) async throws -> Int {
        guard let sql = database as? any SQLDatabase, let scope = Scope(account, waiting: waiting) else { return 0 }
        return try await count(scope, on: sql)
    }

    /// Of what waits on the account: how many are due within 7 days, and how many are overdue.
    static func dueCounts(
        to account: CurrentAccount, today: CalendarDate, on database: any Database
    ) async throws -> (dueSoon: Int, overdue: Int) {
        let counts = try await waitingCounts(to: account, today: today, on: database)
        return (counts.dueSoon, counts.overdue)
    }

    // MARK: Who sees what

    /// The rows an account may see, as SQL conditions (nil for a role that sees none).
    struct Scope {
        var column: String?
        var value: (any Encodable & Sendable)?
        var statuses: [SandboxCaseStatus]

        init?(_ account: CurrentAccount, waiting: Bool) {
            switch account.role {
            case .ministryAdmin, .ministryOfficer:
                statuses = waiting ? [.atMinistry, .underReview] : []
            case .regionalOfficial:
                (column, value) = ("region_id", account.regionID ?? "")
                statuses = waiting ? [.atRegion] : []
            case .companyMember:
                (column, value) = ("company_id", account.companyID ?? UUID())
                statuses = waiting ? [.awaitingSupplement] : []
            case .committeeMember:
                statuses = [.atCommittee]
            default:
                return nil
            }
        }

        func apply<Builder: SQLPredicateBuilder>(_ builder: Builder) -> Builder {
            if let column, let value { builder.where(SQLIdentifier(column), .equal, SQLBind(value)) }
            if statuses.count == 1 {
                builder.where("status", .equal, SQLBind(statuses[0].rawValue))
            } else if !statuses.isEmpty {
                builder.where("status", .in, SQLBind.group(statuses.map(\.rawValue)))
            }
            return builder
        }
    }

    private static func select(
        _ scope: Scope, on sql: any SQLDatabase, _ shape: (SQLSelectBuilder) -> SQLSelectBuilder
    ) -> SQLSelectBuilder {
        shape(scope.apply(sql.select().columns(SandboxQueueEntry.columns).from(SandboxCaseRecord.schema)))
    }

    private struct Counted: Decodable { let total: Int }

    private static func count(
        _ scope: Scope, on sql: any SQLDatabase, _ shape: (SQLSelectBuilder) -> SQLSelectBuilder = { $0 }
    ) async throws -> Int {
        let query = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            .from(SandboxCaseRecord.schema)
        return try await shape(scope.apply(query)).first(decoding: Counted.self)?.total ?? 0
    }

    /// The indexes behind each party's two orderings.
    struct Migration: AsyncMigration {
        static let indexes: [(name: String, columns: [String])] = [
            ("sandbox_cases_queue_ministry", ["status", "due_on", "filed_at"]),
            ("sandbox_cases_queue_region", ["region_id", "status", "due_on", "filed_at"]),
            ("sandbox_cases_queue_company", ["company_id", "status", "due_on", "filed_at"]),
            ("sandbox_cases_all_region", ["region_id", "filed_at"]),
            ("sandbox_cases_all_company", ["company_id", "filed_at"]),
            ("sandbox_cases_all", ["filed_at"]),
        ]

        func prepare(on database: any Database) async throws {
            guard let sql = database as? any SQLDatabase else { return }
            for index in Self.indexes {
                var create = sql.create(index: index.name).on(SandboxCaseRecord.schema)
                for column in index.columns { create = create.column(column) }
                try await create.run()
            }
            // A company's granted cases (which owe it deadlines) among all it ever filed; and the
            // ministry's look-up of the cases whose law revision it was asked for.
            try await sql.raw(
                "CREATE INDEX sandbox_cases_granted ON sandbox_cases (company_id) WHERE valid_from IS NOT NULL"
            ).run()
            try await sql.create(index: "sandbox_case_events_event").on(SandboxCaseEventRecord.schema).column("event")
                .run()
            // The older single-column and status-only indexes are prefixes of these.
            for old in ["sandbox_cases_status_due", "sandbox_cases_company", "sandbox_cases_region"] {
                try await sql.drop(index: old).run()
            }
        }

        func revert(on database: any Database) async throws {
            guard let sql = database as? any SQLDatabase else { return }
            for index in Self.indexes { try await sql.drop(index: index.name).run() }
            try await sql.drop(index: "sandbox_cases_granted").run()
            try await sql.drop(index: "sandbox_case_events_event").run()
            try await sql.create(index: "sandbox_cases_status_due").on(SandboxCaseRecord.schema)
                .column("status").column("due_on").run()
            try await sql.create(index: "sandbox_cases_company").on(SandboxCaseRecord.schema).column("company_id").run()
            try await sql.create(index: "sandbox_cases_region").on(SandboxCaseRecord.schema).column("region_id").run()
        }
    }
}
