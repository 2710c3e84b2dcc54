import Fluent
import Foundation
import Vapor

/// Sessions that end on the server, not when a cookie says so: at an absolute time set when they
/// start, or after a spell without use, whichever comes first. Every instance sharing the database
/// enforces the same limits; `SessionSweepLoop` deletes what has ended.
struct ExpiringSessions: AsyncSessionDriver {
    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let now = request.now
        let record = WebSessionRecord()
        record.id = SecretHasher.newSecret(prefix: "")
        record.dataJSON = try Self.encode(data)
        record.createdAt = now
        record.lastSeenAt = now
        record.expiresAt = now.addingTimeInterval(request.application.settings.sessionAbsoluteLifetime)
        try await record.create(on: request.db)
        return SessionID(string: record.id ?? "")
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        guard let record = try await WebSessionRecord.find(sessionID.string, on: request.db) else { return nil }
        guard Self.isLive(record, now: request.now, settings: request.application.settings) else {
            try await record.delete(on: request.db)
            return nil
        }
        return try JSONDecoder().decode(SessionData.self, from: Data(record.dataJSON.utf8))
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        guard let record = try await WebSessionRecord.find(sessionID.string, on: request.db),
            Self.isLive(record, now: request.now, settings: request.application.settings)
        else {
            // Ended while the request ran: start afresh rather than revive it.
            return try await createSession(data, for: request)
        }
        record.dataJSON = try Self.encode(data)
        record.lastSeenAt = request.now
        try await record.save(on: request.db)
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await WebSessionRecord.query(on: request.db).filter(\.$id == sessionID.string).delete()
    }

    static func isLive(_ record: WebSessionRecord, now: Date, settings: TeukguSettings) -> Bool {
        now < record.expiresAt && now.timeIntervalSince(record.lastSeenAt) < settings.sessionIdleLifetime
    }

    /// Deletes every ended session; returns how many.
    @discardableResult
    static func sweep(now: Date, settings: TeukguSettings, on database: any Database) async throws -> Int {
        let ended = WebSessionRecord.query(on: database).group(.or) { group in
            group.filter(\.$expiresAt <= now).filter(
                \.$lastSeenAt <= now.addingTimeInterval(-settings.sessionIdleLifetime))
        }
        let count = try await ended.count()
        if count > 0 {
            try await WebSessionRecord.query(on: database).group(.or) { group in
                group.filter(\.$expiresAt <= now).filter(
                    \.$lastSeenAt <= now.addingTimeInterval(-settings.sessionIdleLifetime))
            }.delete()
        }
        return count
    }

    private static func encode(_ data: SessionData) throws -> String {
        String(decoding: try JSONEncoder().encode(data), as: UTF8.self)
    }
}

/// Deletes ended sessions every few minutes, so the table holds only live ones.
final class SessionSweepLoop: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        task = Task {
            while !Task.isCancelled {
                _ = try? await ExpiringSessions.sweep(now: app.clock.now(), settings: app.settings, on: app.db)
                try? await Task.sleep(for: .seconds(300))
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
    }
}
