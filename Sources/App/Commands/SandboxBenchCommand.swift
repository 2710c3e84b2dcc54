import Fluent
import Foundation
import RegulationEngine
import SQLKit
import TeukguCore
import Vapor

/// `teukgu bench sandbox --cases N`: files N rapid confirmations whose clocks ran out while the
/// server was "down", times settling them (and that a second pass settles none), times each party's
/// queue, and compares a check by a company holding grants with 10,000 grants on file against one
/// without. Prints figures; asserts nothing about time. Use an empty data folder or database.
struct SandboxBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "cases", help: "How many open cases to file first (default 10000)")
        var cases: Int?
    }

    var help: String { "Times settling N overdue sandbox clocks, the queues, and checks with grants." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let count = signature.cases ?? 10_000
        try await prepareForServing(app)
        guard let sql = app.db as? any SQLDatabase, let live = app.rulebooks.live else {
            throw RulesFailed(description: "no SQL database or rulebooks")
        }
        let today = app.clock.today()
        let company = CompanyRecord()
        company.name = "Bench Shipping"
        company.businessRegistrationNumber = DemoAccounts.registrationNumber("605800001")
        company.foundedOn = "2022-01-01"
        company.sector = "bench"
        try await company.create(on: app.db)
        let companyID = try company.requireID()
        let notified = today.adding(days: -60).iso
        func insert(
            _ rows: Int, status: SandboxCaseStatus, kind: SandboxCaseKind, prefix: String, grants: Bool
        )
            async throws
        {
            var done = 0
            while done < rows {
                let batch = min(500, rows - done)
                var insert = sql.insert(into: SandboxCaseRecord.schema).columns(
                    "id", "number", "kind", "status", "company_id", "district_id", "region_id", "title", "activity",
                    "question", "documents_json", "filed_at", "notified_on", "pauses_json", "extension_days",
                    "grant_exempts_json", "valid_from", "valid_until", "grant_conditions_json")
                for index in done..<(done + batch) {
                    insert = insert.values([
                        SQLBind(UUID()), SQLBind("\(prefix)-\(index)"), SQLBind(kind.rawValue),
                        SQLBind(status.rawValue),
                        SQLBind(grants ? UUID() : companyID), SQLBind("busan-marine-mobility"), SQLBind("busan"),
                        SQLBind("bench"), SQLBind("bench"), SQLBind("bench"), SQLBind("[]"),
                        SQLBind(app.clock.now().addingTimeInterval(-62 * 86_400)), SQLBind(notified), SQLBind("[]"),
                        SQLBind(0), SQLBind(grants ? #"["national.ship-officers.crew-required"]"# : nil as String?),
                        SQLBind(grants ? today.adding(days: -10).iso : nil as String?),
                        SQLBind(grants ? today.adding(days: 300).iso : nil as String?),
                        SQLBind(grants ? "[]" : nil as String?),
                    ])
                }
                try await insert.run()
                done += batch
            }
        }
        try await insert(count, status: .underReview, kind: .rapidConfirmation, prefix: "SB-BENCH", grants: false)
        try await insert(10_000, status: .inUse, kind: .demonstrationExemption, prefix: "SB-GRANT", grants: true)
        // The checking company's own grant, among the 10,000 of others.
        try await insert(1, status: .inUse, kind: .demonstrationExemption, prefix: "SB-MINE", grants: true)
        try await sql.raw(
            "UPDATE \(ident: SandboxCaseRecord.schema) SET company_id = \(bind: companyID) WHERE number = 'SB-MINE-0'"
        ).run()

        let started = ContinuousClock.now
        let settled = try await SandboxClockSettler.settleDue(app: app, today: today, instance: "bench-a")
        let seconds = (ContinuousClock.now - started).seconds
        let again = try await SandboxClockSettler.settleDue(app: app, today: today, instance: "bench-b")
        print(
            "settle: \(settled) overdue clocks settled in \(String(format: "%.2f", seconds)) s; a second pass settled \(again)"
        )

        let accounts: [(String, CurrentAccount)] = try await [
            ("ministry", "officer@teukgu.demo"), ("region", "busan@teukgu.demo"), ("company", "startup@teukgu.demo"),
        ].asyncMap { label, email in
            let record = try await AccountRecord.query(on: app.db).filter(\.$email == email).first()
            guard let record, let account = CurrentAccount(record: record, viaToken: true) else {
                throw RulesFailed(description: "no demo account \(email)")
            }
            return (label, account)
        }
        for (label, account) in accounts {
            var times: [Double] = []
            for _ in 0..<50 {
                let start = ContinuousClock.now
                _ = try await SandboxQueue.page(to: account, waiting: true, page: 1, perPage: 50, on: app.db)
                times.append((ContinuousClock.now - start).seconds * 1_000)
            }
            times.sort()
            print(
                "queue (\(label), waiting on it): p50 \(String(format: "%.2f", times[25])) ms, p99 \(String(format: "%.2f", times[49])) ms"
            )
        }

        let request = EvaluationRequest(
            district: "busan-marine-mobility", asOf: today,
            facts: [
                "activity.kind": .string("autonomous-vessel-trial"), "activity.crewOnboard": .number(0),
                "site.zone": .string("test-north"), "company.isZoneOperator": .bool(false),
            ])
        func p50(_ body: () async throws -> Void) async throws -> Double {
            var times: [Double] = []
            for _ in 0..<300 {
                let start = ContinuousClock.now
                try await body()
                times.append((ContinuousClock.now - start).seconds * 1_000_000)
            }
            return times.sorted()[150]
        }
        let without = try await p50 { _ = try live.snapshot.evaluate(request) }
        var outcome: Outcome?
        let with = try await p50 {
            let grants = try await SandboxGrants.active(company: companyID, district: request.district, app: app)
            let decision = try live.snapshot.evaluate(
                EvaluationRequest(district: request.district, asOf: today, facts: request.facts, grants: grants))
            outcome = decision.outcome
        }
        print(
            "check, engine: p50 \(String(format: "%.1f", without)) µs without grants; \(String(format: "%.1f", with)) µs for a company holding a grant (look-up included, 10,000 grants on file; outcome \(outcome?.rawValue ?? "none"))"
        )
        // The check as a company gets it: grants looked up, evaluated and logged before answering.
        let bystander = UUID()
        let served = try await p50 {
            _ = try await RegulationCheck.run(request, channel: "bench", account: nil, companyID: bystander, app: app)
        }
        let servedWithGrant = try await p50 {
            _ = try await RegulationCheck.run(request, channel: "bench", account: nil, companyID: companyID, app: app)
        }
        print(
            "check, served and logged: p50 \(String(format: "%.1f", served)) µs for a company without grants; \(String(format: "%.1f", servedWithGrant)) µs for one holding a grant (\(String(format: "%.2f", servedWithGrant / served))×)"
        )
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
