import Fluent
import Foundation
import RegulationEngine
import SQLKit
import TeukguCore
import Vapor

/// Re-evaluates logged decisions of a period against a draft version and reports what would change.
/// Runs in the background, writing its progress to the job row as it goes.
enum WhatIf {
    struct Report: Codable {
        struct Example: Codable {
            let decisionId: String
            let district: String
            let oldOutcome: String
            let newOutcome: String
            let oldReasons: [String]
            let newReasons: [String]
        }
        var total = 0
        var changed = 0
        var failed = 0
        var byDistrict: [String: [String: Int]] = [:]
        var transitions: [String: Int] = [:]
        var examples: [Example] = []
    }

    static func start(
        versionID: UUID?, from: CalendarDate, to: CalendarDate, actor: CurrentAccount, app: Application
    ) async throws -> WhatIfJobRecord {
        guard let versionID, try await RulebookVersionRecord.find(versionID, on: app.db) != nil else {
            throw AppError.notFound("rulebook version")
        }
        guard from <= to else { throw AppError.invalid("invalid_period", "from must not be after to.") }
        let job = WhatIfJobRecord()
        job.versionID = versionID
        job.fromDay = from.iso
        job.toDay = to.iso
        job.status = .queued
        job.processed = 0
        job.total = try await DecisionFilter(district: nil, outcome: nil, from: from, to: to).apply(
            RegulationDecisionRecord.query(on: app.db)
        ).count()
        job.changed = 0
        job.requestedBy = actor.id
        try await app.db.transaction { transaction in
            try await job.create(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: actor.auditActor, action: "rulebook.what-if", targetType: "what-if-job",
                targetID: job.id?.uuidString ?? "",
                after: ["from": from.iso, "to": to.iso, "decisions": String(job.total)])
        }
        let jobID = try job.requireID()
        Task.detached { await run(jobID: jobID, app: app) }
        return job
    }

    struct Row: Decodable {
        let id: UUID
        let decided_at: Date
        let district: String
        let outcome: String
        let reason_ids: String
        let request: String
    }

    /// Pages through a period of the log. SQLite walks the table in storage (rowid) order, which
    /// reads the file sequentially; elsewhere the (decided_at, id) index keeps pages cheap.
    struct DecisionPages {
        enum Cursor {
            case start
            case rowid(Int64)
            case time(Date, UUID)
        }

        static let pageSize = 5_000
        let sql: any SQLDatabase
        let from: Date
        let until: Date

        struct SQLiteRow: Decodable {
            let rowid: Int64
            let id: UUID
            let decided_at: Date
            let district: String
            let outcome: String
            let reason_ids: String
            let request: String
        }

        func next(after cursor: Cursor) async throws -> ([Row], Cursor) {
            let table = RegulationDecisionRecord.schema
            if sql.dialect.name == "sqlite" {
                var after: Int64 = 0
                if case .rowid(let value) = cursor { after = value }
                let rows = try await sql.raw(
                    """
                    SELECT rowid, id, decided_at, district, outcome, reason_ids, request FROM \(ident: table)
                    WHERE rowid > \(bind: after) AND decided_at >= \(bind: from) AND decided_at < \(bind: until)
                    ORDER BY rowid LIMIT \(literal: Self.pageSize)
                    """
                ).all(decoding: SQLiteRow.self)
                let mapped = rows.map {
                    Row(
                        id: $0.id, decided_at: $0.decided_at, district: $0.district, outcome: $0.outcome,
                        reason_ids: $0.reason_ids, request: $0.request)
                }
                return (mapped, rows.last.map { .rowid($0.rowid) } ?? cursor)
            }
            let rows: [Row]
            if case .time(let time, let id) = cursor {
                rows = try await sql.raw(
                    """
                    SELECT id, decided_at, district, outcome, reason_ids, request FROM \(ident: table)
                    WHERE decided_at < \(bind: until) AND (decided_at > \(bind: time) OR (decided_at = \(bind: time) AND id > \(bind: id)))
                    ORDER BY decided_at, id LIMIT \(literal: Self.pageSize)
                    """
                ).all(decoding: Row.self)
            } else {
                rows = try await sql.raw(
                    """
                    SELECT id, decided_at, district, outcome, reason_ids, request FROM \(ident: table)
                    WHERE decided_at >= \(bind: from) AND decided_at < \(bind: until)
                    ORDER BY decided_at, id LIMIT \(literal: Self.pageSize)
                    """
                ).all(decoding: Row.self)
            }
            return (rows, rows.last.map { .time($0.decided_at, $0.id) } ?? cursor)
        }
    }

    /// Processes the job in pages, keyset-ordered by time and id so a million rows stay cheap to page through.
    static func run(jobID: UUID, app: Application) async {
        let database = app.db
        guard let job = try? await WhatIfJobRecord.find(jobID, on: database), let sql = database as? any SQLDatabase,
            let from = CalendarDate(iso: job.fromDay), let to = CalendarDate(iso: job.toDay)
        else { return }
        do {
            let version = try await app.rulebooks.compiled(job.versionID, on: database)
            job.status = try Lifecycles.move(job.status, .claim)
            try await job.save(on: database)
            var report = Report()
            let pages = DecisionPages(sql: sql, from: from.startInstant, until: to.adding(days: 1).startInstant)
            var cursor = DecisionPages.Cursor.start
            while true {
                let (rows, next) = try await pages.next(after: cursor)
                if rows.isEmpty { break }
                for row in rows { compare(row, snapshot: version.snapshot, into: &report) }
                cursor = next
                job.processed = report.total
                job.changed = report.changed
                try await job.save(on: database)
                if rows.count < DecisionPages.pageSize { break }
            }
            job.status = try Lifecycles.move(job.status, .finish)
            job.report = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
            job.finishedAt = app.clock.now()
            try await job.save(on: database)
        } catch {
            job.status = .failed
            job.report = "{\"error\":\(RegulationCheck.quoted("\(error)"))}"
            try? await job.save(on: database)
        }
    }

    static func compare(_ row: Row, snapshot: Snapshot, into report: inout Report) {
        report.total += 1
        report.byDistrict[row.district, default: [:]]["total", default: 0] += 1
        // A check that used a company's grants is re-run with them (the fast reader knows only facts).
        let again =
            row.request.contains("\"grants\":")
            ? try? snapshot.evaluate(RequestDecoding.decodeLogged(row.request))
            : try? BulkEvaluation.evaluate(json: row.request, snapshot: snapshot)
        guard let decision = again else {
            report.failed += 1
            return
        }
        let oldReasons = row.reason_ids.split(separator: " ").map(String.init)
        let newReasons = decision.reasons.map(\.ruleID)
        guard decision.outcome.rawValue != row.outcome || oldReasons != newReasons else { return }
        report.changed += 1
        report.byDistrict[row.district, default: [:]]["changed", default: 0] += 1
        report.transitions["\(row.outcome)→\(decision.outcome.rawValue)", default: 0] += 1
        if report.examples.count < 200 {
            report.examples.append(
                .init(
                    decisionId: row.id.uuidString.lowercased(), district: row.district, oldOutcome: row.outcome,
                    newOutcome: decision.outcome.rawValue, oldReasons: oldReasons, newReasons: newReasons))
        }
    }
}

struct WhatIfJobDTO: Content {
    let id: UUID
    let versionID: UUID
    let from: String
    let to: String
    let status: BackgroundJobStatus
    let processed: Int
    let total: Int
    let changed: Int
    let report: WhatIf.Report?

    init(_ record: WhatIfJobRecord) {
        id = record.id ?? UUID()
        versionID = record.versionID
        from = record.fromDay
        to = record.toDay
        status = record.status
        processed = record.processed
        total = record.total
        changed = record.changed
        report = record.report.flatMap { try? JSONDecoder().decode(WhatIf.Report.self, from: Data($0.utf8)) }
    }
}

extension ApiRegulationController {
    struct WhatIfInput: StrictJSONInput {
        let from: String
        let to: String
        static let fields: Set<String> = ["from", "to"]
    }

    @Sendable func startWhatIf(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(WhatIfInput.self)
        let from = try DateInput.required(input.from, field: "from")
        let to = try DateInput.required(input.to, field: "to")
        let job = try await WhatIf.start(
            versionID: request.parameters.get("versionID", as: UUID.self), from: from, to: to,
            actor: try request.requireAccount(), app: request.application)
        return try await WhatIfJobDTO(job).encodeResponse(status: .accepted, for: request)
    }

    @Sendable func whatIfJob(_ request: Request) async throws -> WhatIfJobDTO {
        guard let id = request.parameters.get("jobID", as: UUID.self),
            let job = try await WhatIfJobRecord.find(id, on: request.db)
        else {
            throw AppError.notFound("what-if job")
        }
        return WhatIfJobDTO(job)
    }
}
