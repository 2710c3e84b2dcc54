import Fluent
import Foundation
import SQLKit
import TeukguCore
import Vapor

/// `teukgu bench sandbox-queues --cases N`: files N open sandbox cases spread over the parties'
/// queues (a third at the regions, a third under review at the ministry with due days spread over
/// six weeks, some overdue, a third awaiting the demo company's supplement), for a load test of the
/// queues and due-soon pages over HTTP (`scripts/sandbox-load.sh`). Use an empty database.
struct SandboxQueueSeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "cases", help: "How many open cases to file (default 10000)")
        var cases: Int?
    }

    var help: String { "Files N open sandbox cases across the parties' queues, for a load test." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let count = max(3, signature.cases ?? 10_000)
        try await prepareForServing(app)
        guard let sql = app.db as? any SQLDatabase else { throw RulesFailed(description: "no SQL database") }
        let today = app.clock.today()
        let catalog = try await LegalTimeStore.catalog(on: app.db)
        let holidays = try await LegalTimeStore.holidays(on: app.db)
        let districts = try await DistrictRecord.query(on: app.db).all()
        guard let startup = try await AccountRecord.query(on: app.db).filter(\.$email == "startup@teukgu.demo").first(),
            let company = startup.companyID, !districts.isEmpty
        else { throw RulesFailed(description: "the demo data is missing") }
        let started = ContinuousClock.now
        var done = 0
        while done < count {
            let batch = min(500, count - done)
            var insert = sql.insert(into: SandboxCaseRecord.schema).columns(
                "id", "number", "kind", "status", "company_id", "district_id", "region_id", "title", "activity",
                "question", "documents_json", "filed_at", "notified_on", "pauses_json", "extension_days", "due_on")
            for index in done..<(done + batch) {
                let district = districts[index % districts.count]
                let status: SandboxCaseStatus = [.atRegion, .underReview, .awaitingSupplement][index % 3]
                let record = SandboxCaseRecord()
                record.kind = .demonstrationExemption
                record.status = status
                record.filedAt = app.clock.now().addingTimeInterval(-Double(50 + index % 40) * 86_400)
                record.pausesJSON = "[]"
                record.extensionDays = 0
                if status != .atRegion { record.notifiedOn = today.adding(days: -(10 + index % 40)).iso }
                if status == .awaitingSupplement {
                    record.pausesJSON = try JSONColumn.encode([SandboxCases.Pause(from: today.adding(days: -3).iso)])
                }
                let due = SandboxDue.compute(record, events: [], catalog: catalog, holidays: holidays, today: today)
                insert = insert.values([
                    SQLBind(UUID()), SQLBind("SB-LOAD-\(index)"), SQLBind(record.kind.rawValue),
                    SQLBind(status.rawValue), SQLBind(company), SQLBind(district.id ?? ""), SQLBind(district.regionID),
                    SQLBind("Load case \(index)"), SQLBind("load"), SQLBind("load"), SQLBind("[]"),
                    SQLBind(record.filedAt), SQLBind(record.notifiedOn), SQLBind(record.pausesJSON), SQLBind(0),
                    SQLBind(due?.iso),
                ])
            }
            try await insert.run()
            done += batch
        }
        // A running database has its statistics and visibility map kept by autovacuum; a bulk load
        // has neither until it runs, so the load test would measure a state no deployment stays in.
        if sql.dialect.name == "postgresql" {
            try await sql.raw("VACUUM ANALYZE \(ident: SandboxCaseRecord.schema)").run()
        } else {
            try await sql.raw("ANALYZE").run()
        }
        print(
            "filed \(count) open cases in \(String(format: "%.1f", (ContinuousClock.now - started).seconds)) s "
                + "(a third at the regions, under review, and awaiting the demo company's supplement)")
    }
}
