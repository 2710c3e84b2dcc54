import Fluent
import Vapor

/// Writes decisions to the log in groups: requests that arrive while a batch is being committed
/// wait for the next one, so under load many decisions share one transaction (group commit).
/// A caller's `append` returns only after its row is committed, so nothing is answered unlogged.
actor DecisionLogWriter {
    private let database: any Database
    private var pending: [(RegulationDecisionRecord, CheckedContinuation<Void, any Error>)] = []
    private var flushing = false
    static let maximumBatch = 200

    init(database: any Database) {
        self.database = database
    }

    func append(_ record: RegulationDecisionRecord) async throws {
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
                let records = batch.map(\.0)
                try await database.transaction { transaction in
                    try await records.create(on: transaction)
                }
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
