import Fluent
import SQLKit
import Vapor

/// Fixed-window limits counted in the database with one upsert, so all instances share them.
enum RateLimiter {
    /// Counts a hit; throws 429 once `limit` hits fall in the current window.
    static func hit(_ key: String, limit: Int, windowSeconds: Int, now: Date, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let window = Int64(now.timeIntervalSince1970) / Int64(windowSeconds) * Int64(windowSeconds)
        struct Count: Decodable { let count: Int }
        let row = try await sql.raw(
            """
            INSERT INTO \(ident: RateLimitRecord.schema) (id, window_start, count) VALUES (\(bind: key), \(bind: window), 1)
            ON CONFLICT (id) DO UPDATE SET
              count = CASE WHEN \(ident: RateLimitRecord.schema).window_start = excluded.window_start THEN \(ident: RateLimitRecord.schema).count + 1 ELSE 1 END,
              window_start = excluded.window_start
            RETURNING count
            """
        ).first(decoding: Count.self)
        if let count = row?.count, count > limit {
            throw AppError(
                .tooManyRequests, "rate_limited",
                "Too many anonymous checks from your address; wait a minute or sign in.")
        }
    }
}
