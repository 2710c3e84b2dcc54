import Fluent
import SQLKit
import Vapor

/// One decision as the log stores it. A plain value rather than a Fluent model: building and
/// inserting models reflects over their properties, which cost more than the evaluation itself.
struct DecisionLogRow: Sendable {
    let id: UUID
    let decidedAt: Date
    let district: String
    let asOf: String
    let outcome: String
    let request: String
    let decision: String
    let reasonIDs: String
    let missingFacts: String
    let versionID: UUID
    let accountID: UUID?
    let companyID: UUID?
    let channel: String
    /// The question-flow step this decision continued (pages only), so statistics count a flow once.
    var continues: UUID? = nil

    /// Many rows in one INSERT statement.
    static func insert(_ rows: [DecisionLogRow], on sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        var insert = sql.insert(into: RegulationDecisionRecord.schema)
            .columns(
                "id", "decided_at", "district", "as_of", "outcome", "request", "decision", "reason_ids",
                "missing_facts",
                "version_id", "account_id", "company_id", "channel", "continues")
        for row in rows {
            insert = insert.values([
                SQLBind(row.id), SQLBind(row.decidedAt), SQLBind(row.district), SQLBind(row.asOf), SQLBind(row.outcome),
                SQLBind(row.request), SQLBind(row.decision), SQLBind(row.reasonIDs), SQLBind(row.missingFacts),
                SQLBind(row.versionID),
                SQLBind(row.accountID), SQLBind(row.companyID), SQLBind(row.channel), SQLBind(row.continues),
            ])
        }
        try await insert.run()
    }
}

/// Writes decisions to the log in groups: requests that arrive while a batch is being committed
/// wait for the next one, so under load many decisions share one transaction (group commit).
/// A caller's `append` returns only after its row is committed, so nothing is answered unlogged.
actor DecisionLogWriter {
    private let database: any Database
    private var pending: [(DecisionLogRow, CheckedContinuation<Void, any Error>)] = []
    private var flushing = false
    static let maximumBatch = 200

    init(database: any Database) {
        self.database = database
    }

    func append(_ record: DecisionLogRow) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            pending.append((record, continuation))
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
    }

    private func flush() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(Self.maximumBatch))
            pending.removeFirst(batch.count)
            do {
                // One multi-row INSERT is atomic by itself in autocommit mode on both databases, so the
                // batch needs no BEGIN/COMMIT round trips: all its rows land, or none and every caller hears so.
                guard let sql = database as? any SQLDatabase else {
                    throw Abort(.internalServerError, reason: "the decision log needs SQL")
                }
                try await DecisionLogRow.insert(batch.map(\.0), on: sql)
                batch.forEach { $0.1.resume() }
            } catch {
                batch.forEach { $0.1.resume(throwing: error) }
            }
        }
        flushing = false
    }
}

extension Application {
    private struct WriterKey: StorageKey { typealias Value = DecisionLogWriter }

    var decisionLog: DecisionLogWriter {
        if let existing = storage[WriterKey.self] { return existing }
        let created = DecisionLogWriter(database: db)
        storage[WriterKey.self] = created
        return created
    }
}
