import Fluent
import Foundation
import SQLKit
import TeukguCore
import Vapor

/// Every write to grant money takes an idempotency key. The first request with a key runs its
/// write and stores the answer in the same transaction; a retry with the same key and the same
/// request gets that answer again and changes nothing; the same key with a different request is
/// refused (409). Keys are the caller's own: two callers never share one.
enum IdempotentWrites {
    static let header = "Idempotency-Key"
    static let replayedHeader = "Idempotent-Replayed"

    /// The answer as first written (the same bytes on every retry), and whether this is a retry.
    struct Outcome: Sendable {
        let body: Data
        let replayed: Bool
    }

    static func encode<Output: Encodable>(_ output: Output) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(output)
    }

    /// Runs `write` at most once for (caller, key, request). `fingerprint` identifies the request:
    /// its route and body.
    static func perform<Output: Encodable & Sendable>(
        key rawKey: String?, caller: UUID, fingerprint: String, now: Date, on database: any Database,
        groupCommit: SQLiteGroupCommit? = nil, _ write: @escaping @Sendable (any Database) async throws -> Output
    ) async throws -> Outcome {
        let key = try validated(rawKey)
        let scoped = "\(caller.uuidString.lowercased()):\(key)"
        let hash = SHA256Digest.lowercaseHex(SHA256.hash(data: Data(fingerprint.utf8)))
        // No look-up first: a retry runs, fails on the key's unique index (its transaction or
        // savepoint rolls back, so nothing it did stays) and is answered from the stored row below.
        // Retries are rare, and the look-up would cost every first request a query.
        do {
            let transact: @Sendable (@escaping @Sendable (any Database) async throws -> Data) async throws -> Data = {
                body in
                if let groupCommit { return try await groupCommit.run(on: database, body) }
                return try await database.transaction(body)
            }
            let body = try await transact { transaction in
                // The key's row is written with the answer, last: a racing request with the same key
                // then fails on the key's unique index and its whole transaction rolls back (and is
                // answered from the winner's row), so the write happens once whichever commits first.
                guard let sql = transaction as? any SQLDatabase else { throw AppError.notFound("database") }
                let body = try encode(try await write(transaction))
                try await sql.insert(into: IdempotencyRecord.schema)
                    .columns("key", "request_hash", "status", "body", "created_at")
                    .values(
                        SQLBind(scoped), SQLBind(hash), SQLBind(200), SQLBind(String(decoding: body, as: UTF8.self)),
                        SQLBind(now)
                    ).run()
                return body
            }
            return Outcome(body: body, replayed: false)
        } catch {
            // A racing request with the same key may have won: then this one failed because the
            // work was already done (the key's unique index, or the money already moved), and the
            // winner's answer is the answer. Otherwise the write itself failed: report that.
            guard let stored = try await stored(scoped, on: database) else { throw error }
            return try replay(stored, hash: hash)
        }
    }

    struct Stored: Decodable {
        let request_hash: String
        let body: String
    }

    private static func stored(_ key: String, on database: any Database) async throws -> Stored? {
        guard let sql = database as? any SQLDatabase else { return nil }
        return try await sql.select().columns("request_hash", "body").from(IdempotencyRecord.schema)
            .where("key", .equal, SQLBind(key)).first(decoding: Stored.self)
    }

    private static func replay(_ stored: Stored, hash: String) throws -> Outcome {
        guard stored.request_hash == hash else {
            throw AppError(
                .conflict, "idempotency_key_reused",
                "This idempotency key was used for a different request; use a new key for a new request.",
                korean: "이 멱등 키는 다른 요청에 이미 쓰였습니다. 새 요청에는 새 키를 쓰십시오.")
        }
        return Outcome(body: Data(stored.body.utf8), replayed: true)
    }

    /// 1 to 100 characters of letters, digits and `-_.:`; a UUID is a good key.
    static func validated(_ key: String?) throws -> String {
        guard let key, !key.isEmpty else {
            throw AppError(
                .badRequest, "idempotency_key_required",
                "Writes to grant money need an Idempotency-Key header (a new UUID per request; the same one when retrying).",
                korean: "지원금 기록에는 Idempotency-Key 헤더가 필요합니다(요청마다 새 UUID, 재시도에는 같은 값).")
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.:"))
        guard key.count <= 100, key.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }) else {
            throw AppError(
                .badRequest, "invalid_idempotency_key",
                "An idempotency key is 1 to 100 letters, digits or -_.: characters.")
        }
        return key
    }
}

extension Request {
    /// The route and the body as sent, which a retry must repeat exactly.
    var idempotencyFingerprint: String {
        "\(method.rawValue) \(url.path)\n" + (body.string ?? "")
    }
}
