import Fluent
import Foundation

/// One row of the tamper-evident audit log.
final class AuditEntryRecord: Model, @unchecked Sendable {
    static let schema = "audit_entries"
    @ID(key: .id) var id: UUID?
    @Field(key: "sequence") var sequence: Int
    /// Whole milliseconds since 1970, the form that enters the hash (dates round-trip differently per database).
    @Field(key: "occurred_at_ms") var occurredAtMilliseconds: Int64
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_label") var actorLabel: String
    @Field(key: "action") var action: String
    @Field(key: "target_type") var targetType: String
    @Field(key: "target_id") var targetID: String
    @Field(key: "summary") var summary: String
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    var occurredAt: Date { Date(timeIntervalSince1970: Double(occurredAtMilliseconds) / 1000) }
}

/// The single row that serialises appends to the audit chain (its update takes the lock).
final class AuditHeadRecord: Model, @unchecked Sendable {
    static let schema = "audit_heads"
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "sequence") var sequence: Int
    @Field(key: "last_hash") var lastHash: String

    init() {}
}

/// A notification written by a feature; delivered by mail only when SMTP is configured.
final class OutboxMessageRecord: Model, @unchecked Sendable {
    static let schema = "outbox_messages"
    @ID(key: .id) var id: UUID?
    @OptionalField(key: "recipient_account_id") var recipientAccountID: UUID?
    @Field(key: "recipient_email") var recipientEmail: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @OptionalField(key: "related_type") var relatedType: String?
    @OptionalField(key: "related_id") var relatedID: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "delivery_error") var deliveryError: String?

    init() {}
}

/// An uploaded file, stored by content hash under the data folder.
final class DocumentRecord: Model, @unchecked Sendable {
    static let schema = "documents"
    @ID(key: .id) var id: UUID?
    @Field(key: "sha256") var sha256: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "content_type") var contentType: String
    /// The uploader's file name, for display only; never part of a path.
    @Field(key: "display_name") var displayName: String
    @Field(key: "owner_type") var ownerType: String
    @Field(key: "owner_id") var ownerID: String
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
