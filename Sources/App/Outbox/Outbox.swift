import Fluent
import Vapor

/// Where features leave messages for people. Writing to the outbox is part of the feature's
/// transaction; delivery by mail happens later and only when SMTP is configured.
enum Outbox {
    static func write(
        on database: any Database, to account: AccountRecord, subject: String, body: String,
        relatedType: String? = nil, relatedID: String? = nil
    ) async throws {
        let message = OutboxMessageRecord()
        message.recipientAccountID = account.id
        message.recipientEmail = account.email
        message.subject = subject
        message.body = body
        message.relatedType = relatedType
        message.relatedID = relatedID
        try await message.create(on: database)
    }

    /// Takes one-time secrets (invitation links) out of stored bodies: once a message is delivered,
    /// or its invitation used, nothing but the mail that carried it needs the secret.
    static func redactSecrets(_ body: String) -> String {
        body.replacingOccurrences(
            of: #"/invitations/[A-Za-z0-9_\-]+"#, with: "/invitations/…", options: .regularExpression)
    }

    /// Redacts the stored invitations of an account (after it accepts one).
    static func redactInvitations(of accountID: UUID, on database: any Database) async throws {
        let messages = try await OutboxMessageRecord.query(on: database).filter(\.$recipientAccountID == accountID)
            .filter(\.$relatedType == "account").all()
        for message in messages where message.body != redactSecrets(message.body) {
            message.body = redactSecrets(message.body)
            try await message.save(on: database)
        }
    }
}
