import Fluent
import SQLKit
import Vapor

/// Group commit for the embedded database. SQLite lets one connection write at a time and makes
/// each commit durable with an fsync; one transaction per request would spend most of its time
/// waiting for the lock (SQLiteNIO retries a locked database by spinning) and on fsyncs. Writes
/// that go through here queue up while a batch runs, and the next batch runs them in one
/// transaction, each inside its own savepoint: a write that fails is rolled back alone, and every
/// write is answered only after the batch's commit, so nothing is acknowledged before it is durable.
/// PostgreSQL groups concurrent commits itself, and runs each write in its own transaction.
actor SQLiteGroupCommit {
    /// At most this many writes share one commit, so one batch never delays the next for long.
    static let batchLimit = 64

    private var queue: [any PendingWrite] = []
    private var draining = false

    func run<Output: Sendable>(
        on database: any Database, _ work: @escaping @Sendable (any Database) async throws -> Output
    ) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            queue.append(Pending(work: work, continuation: continuation))
            if !draining {
                draining = true
                Task { await drain(on: database) }
            }
        }
    }

    private func drain(on database: any Database) async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(Self.batchLimit))
            queue.removeFirst(batch.count)
            var commitError: (any Error)?
            do {
                try await database.transaction { transaction in
                    guard let sql = transaction as? any SQLDatabase else { return }
                    for (index, write) in batch.enumerated() {
                        try await sql.raw("SAVEPOINT \(unsafeRaw: "write\(index)")").run()
                        if await write.execute(on: transaction) {
                            try await sql.raw("RELEASE \(unsafeRaw: "write\(index)")").run()
                        } else {
                            try await sql.raw("ROLLBACK TO \(unsafeRaw: "write\(index)")").run()
                            try await sql.raw("RELEASE \(unsafeRaw: "write\(index)")").run()
                        }
                    }
                }
            } catch {
                commitError = error
            }
            for write in batch { write.finish(commitError: commitError) }
        }
        draining = false
    }
}

private protocol PendingWrite: AnyObject, Sendable {
    /// Runs the write; false when it failed (its savepoint is then rolled back).
    func execute(on database: any Database) async -> Bool
    /// Answers the caller once the batch is committed (or failed to commit).
    func finish(commitError: (any Error)?)
}

private final class Pending<Output: Sendable>: PendingWrite, @unchecked Sendable {
    let work: @Sendable (any Database) async throws -> Output
    let continuation: CheckedContinuation<Output, any Error>
    // Written by the batch's task before `finish`, read only in `finish`: no concurrent access.
    var result: Result<Output, any Error>?

    init(
        work: @escaping @Sendable (any Database) async throws -> Output,
        continuation: CheckedContinuation<Output, any Error>
    ) {
        self.work = work
        self.continuation = continuation
    }

    func execute(on database: any Database) async -> Bool {
        do {
            result = .success(try await work(database))
            return true
        } catch {
            result = .failure(error)
            return false
        }
    }

    func finish(commitError: (any Error)?) {
        switch (result, commitError) {
        case (.failure(let error)?, _): continuation.resume(throwing: error)
        case (_, let error?): continuation.resume(throwing: error)
        case (.success(let output)?, nil): continuation.resume(returning: output)
        case (nil, nil): continuation.resume(throwing: AppError(.serviceUnavailable, "write_not_run", "Try again."))
        }
    }
}

extension Application {
    private struct GroupCommitKey: StorageKey { typealias Value = SQLiteGroupCommit }

    /// The group commit of the embedded database; nil on PostgreSQL.
    var sqliteGroupCommit: SQLiteGroupCommit? {
        get { storage[GroupCommitKey.self] }
        set { storage[GroupCommitKey.self] = newValue }
    }
}
