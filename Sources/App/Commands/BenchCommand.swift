import Fluent
import Foundation
import RegulationEngine
import SQLKit
import TeukguCore
import Vapor

/// `teukgu bench what-if --decisions N`: fills the decision log with N synthetic decisions (use an
/// empty data folder or database) and times a what-if run of a changed version over all of them.
struct BenchCommand: AsyncCommandGroup {
    var help: String { "Benchmarks that need the database: what-if over a large decision log, sandbox clocks." }
    var commands: [String: any AnyAsyncCommand] {
        [
            "what-if": WhatIfBenchCommand(), "sandbox": SandboxBenchCommand(),
            "sandbox-queues": SandboxQueueSeedCommand(), "grant-payments": GrantPaymentSeedCommand(),
        ]
    }
}

struct WhatIfBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "decisions", help: "How many decisions to log first (default 1000000)")
        var decisions: Int?
    }

    var help: String { "Logs N synthetic decisions, then times a what-if run over them." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let count = signature.decisions ?? 1_000_000
        try await app.autoMigrate()
        try await ReferenceSeed.seedIfEmpty(on: app.db)
        try await DesignationSeed.seedIfEmpty(on: app.db)
        try await CollaborationSeed.seedIfEmpty(on: app.db)
        try await RulebookSeed.seedIfEmpty(app)
        try await app.rulebooks.refresh(on: app.db)
        guard let live = app.rulebooks.live, let sql = app.db as? any SQLDatabase else {
            throw RulesFailed(description: "no rulebooks")
        }

        // Realistic requests: the shipped rulebook test cases, evaluated once each.
        let suite = RulebookSet.load(directory: app.directory.workingDirectory + "Rules")
        var samples: [(EvaluationRequest, Decision)] = []
        for file in suite.testFiles {
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            for testCase in RulebookTestRunner.cases(in: text, file: file) {
                if let decision = try? live.snapshot.evaluate(testCase.request) {
                    samples.append((testCase.request, decision))
                }
            }
        }
        let rows = samples.map { request, decision in
            (
                district: request.district, asOf: request.asOf.iso, outcome: decision.outcome.rawValue,
                request: RegulationCheck.canonicalJSON(request),
                decision: DecisionJSON.encode(decision), reasons: decision.reasons.map(\.ruleID).joined(separator: " "),
                missing: decision.missingFacts.map(\.path).joined(separator: " ")
            )
        }
        let versionID = live.versionID
        let existing = try await RegulationDecisionRecord.query(on: app.db).count()
        let started = ContinuousClock.now
        var inserted = 0
        let now = app.clock.now()
        while inserted + existing < count {
            let batch = min(500, count - existing - inserted)
            let first = inserted
            try await app.db.transaction { transaction in
                guard let sql = transaction as? any SQLDatabase else { return }
                let batchRows = (0..<batch).map { offset in
                    let row = rows[(first + offset) % rows.count]
                    return DecisionLogRow(
                        id: UUID(), decidedAt: now.addingTimeInterval(-Double((first + offset) % (29 * 86_400))),
                        district: row.district,
                        asOf: row.asOf, outcome: row.outcome, request: row.request, decision: row.decision,
                        reasonIDs: row.reasons,
                        missingFacts: row.missing, versionID: versionID, accountID: nil, companyID: nil,
                        channel: "bench")
                }
                try await DecisionLogRow.insert(batchRows, on: sql)
            }
            inserted += batch
            if inserted % 100_000 < 500 { context.console.print("logged \(existing + inserted) decisions…") }
        }
        context.console.print(
            String(format: "logging %d decisions took %.1f s", inserted, started.duration(to: .now).seconds))

        // A draft that closes Busan's test-north zone, so some decisions change.
        let sources = live.sources.map { file -> (file: String, text: String) in
            (
                file.file,
                file.text.replacingOccurrences(
                    of: "\"autonomous-vessel-trial\" and site.zone in [\"test-north\", \"test-south\"]",
                    with: "\"autonomous-vessel-trial\" and site.zone in [\"test-south\"]")
            )
        }
        let draft = RulebookVersionRecord()
        draft.number =
            (try await RulebookVersionRecord.query(on: app.db).sort(\.$number, .descending).first()?.number ?? 0) + 1
        draft.status = .draft
        draft.sources = try RulebookSources.encode(sources)
        draft.note = "what-if benchmark"
        try await draft.create(on: app.db)
        let job = WhatIfJobRecord()
        job.versionID = try draft.requireID()
        job.fromDay = CalendarDate(instant: now).adding(days: -40).iso
        job.toDay = CalendarDate(instant: now).adding(days: 1).iso
        job.status = .queued
        job.processed = 0
        job.total = count
        job.changed = 0
        try await job.create(on: app.db)
        let runStarted = ContinuousClock.now
        await WhatIf.run(jobID: try job.requireID(), app: app)
        let seconds = runStarted.duration(to: .now).seconds
        let done = try await WhatIfJobRecord.find(job.id, on: app.db)
        context.console.print(
            String(
                format: "what-if over %d logged decisions: %.1f s (%.0f decisions/s), %d changed, status %@",
                done?.processed ?? 0, seconds, Double(done?.processed ?? 0) / seconds, done?.changed ?? 0,
                done?.status.rawValue ?? "?"))
        _ = sql
    }
}
