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
}
