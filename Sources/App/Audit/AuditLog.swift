import Fluent
import SQLKit
import TeukguCore
import Vapor

/// Appends to and verifies the SHA-256 chained audit log.
///
/// Each row's hash covers the previous row's hash and every field of the row, so changing,
/// removing or reordering a row breaks the chain from there on. Appends are serialised by an
/// `UPDATE … RETURNING` on the single head row, which every database orders for us.
enum AuditLog {
    static let chainID = "chain"
    static let genesisHash = String(repeating: "0", count: 64)

    /// Who did it: an account, or the system itself (seeding, commands).
    struct Actor: Sendable {
        let id: UUID?
        let label: String

        static let system = Actor(id: nil, label: "system")
        static let anonymous = Actor(id: nil, label: "anonymous")
    }

    /// Appends one row. Call it inside the transaction that makes the change, so both land or neither.
    static func record(
        on database: any Database, actor: Actor, action: String, targetType: String, targetID: String,
        before: [String: String]? = nil, after: [String: String]? = nil, at instant: Date = SystemClock().now()
    ) async throws {
        if database.inTransaction {
            try await append(
                on: database, actor: actor, action: action, targetType: targetType, targetID: targetID,
                summary: summary(before: before, after: after), at: instant)
        } else {
            let text = summary(before: before, after: after)
            try await database.transaction { transaction in
                try await append(
                    on: transaction, actor: actor, action: action, targetType: targetType, targetID: targetID,
                    summary: text, at: instant)
            }
        }
    }

    private static func append(
        on database: any Database, actor: Actor, action: String, targetType: String, targetID: String, summary: String,
        at instant: Date
    ) async throws {
        guard let sql = database as? any SQLDatabase else {
            throw Abort(.internalServerError, reason: "audit needs an SQL database")
        }
        struct Head: Decodable {
            let sequence: Int
            let last_hash: String
        }
        guard
            let head = try await sql.raw(
                "UPDATE \(ident: AuditHeadRecord.schema) SET sequence = sequence + 1 WHERE id = \(bind: chainID) RETURNING sequence, last_hash"
            )
            .first(decoding: Head.self)
        else {
            throw Abort(.internalServerError, reason: "audit chain head is missing")
        }
        let entry = AuditEntryRecord()
        entry.sequence = head.sequence
        entry.occurredAtMilliseconds = Int64((instant.timeIntervalSince1970 * 1000).rounded(.down))
        entry.actorID = actor.id
        entry.actorLabel = actor.label
        entry.action = action
        entry.targetType = targetType
        entry.targetID = targetID
        entry.summary = summary
        entry.previousHash = head.last_hash
        entry.hash = hash(of: entry)
        // Written with SQL rather than the model: every state change appends here, and Fluent's
        // reflection over the model costs more than the insert itself.
        try await sql.insert(into: AuditEntryRecord.schema)
            .columns(
                "id", "sequence", "occurred_at_ms", "actor_id", "actor_label", "action", "target_type", "target_id",
                "summary", "previous_hash", "hash"
            )
            .values(
                SQLBind(UUID()), SQLBind(entry.sequence), SQLBind(entry.occurredAtMilliseconds), SQLBind(entry.actorID),
                SQLBind(entry.actorLabel), SQLBind(entry.action), SQLBind(entry.targetType), SQLBind(entry.targetID),
                SQLBind(entry.summary), SQLBind(entry.previousHash), SQLBind(entry.hash)
            ).run()
        try await sql.raw(
            "UPDATE \(ident: AuditHeadRecord.schema) SET last_hash = \(bind: entry.hash) WHERE id = \(bind: chainID)"
        ).run()
    }

    static func hash(of entry: AuditEntryRecord) -> String {
        let material = [
            entry.previousHash, String(entry.sequence), String(entry.occurredAtMilliseconds),
            entry.actorID?.uuidString ?? "-", entry.actorLabel, entry.action, entry.targetType, entry.targetID,
            entry.summary,
        ].joined(separator: "\u{1F}")
        return SHA256Digest.lowercaseHex(SHA256.hash(data: Data(material.utf8)))
    }

    /// `{"after":{…},"before":{…}}` with sorted keys, so the text (and its hash) is reproducible.
    static func summary(before: [String: String]?, after: [String: String]?) -> String {
        var object: [String: [String: String]] = [:]
        if let before { object["before"] = before }
        if let after { object["after"] = after }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(object)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
