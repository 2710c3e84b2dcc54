import Foundation
import Vapor

/// A page of a list, with how many there are in all.
struct ListDTO<Item: Content>: Content {
    let items: [Item]
    let page: Int
    let perPage: Int
    let total: Int
}

struct AccountDTO: Content {
    let id: UUID
    let email: String
    let displayName: String
    let role: String
    let regionID: String?
    let companyID: UUID?
    let partnerID: String?
    let organisationID: UUID?
    let language: String
    /// `active` once a password is set, `invited` before.
    let status: String

    init(_ record: AccountRecord) {
        id = record.id ?? UUID()
        email = record.email
        displayName = record.displayName
        role = record.role
        regionID = record.regionID
        companyID = record.companyID
        partnerID = record.partnerID
        organisationID = record.organisationID
        language = record.language
        status = record.passwordHash == nil ? "invited" : (record.isActive ? "active" : "disabled")
    }
}

struct TokenDTO: Content {
    let id: UUID
    let name: String
    let prefix: String
    let createdAt: Date?
    let lastUsedAt: Date?
    let revokedAt: Date?

    init(_ record: ApiTokenRecord) {
        id = record.id ?? UUID()
        name = record.name
        prefix = record.prefix
        createdAt = record.createdAt
        lastUsedAt = record.lastUsedAt
        revokedAt = record.revokedAt
    }
}

struct CreatedTokenDTO: Content {
    let token: TokenDTO
    /// Shown once; only its hash is kept.
    let secret: String
}

struct AuditEntryDTO: Content {
    let sequence: Int
    let occurredAt: Date
    let actorID: UUID?
    let actor: String
    let action: String
    let targetType: String
    let targetID: String
    let summary: String
    let previousHash: String
    let hash: String

    init(_ record: AuditEntryRecord) {
        sequence = record.sequence
        occurredAt = record.occurredAt
        actorID = record.actorID
        actor = record.actorLabel
        action = record.action
        targetType = record.targetType
        targetID = record.targetID
        summary = record.summary
        previousHash = record.previousHash
        hash = record.hash
    }
}

struct MessageDTO: Content {
    let id: UUID
    let subject: String
    let body: String
    let relatedType: String?
    let relatedID: String?
    let createdAt: Date?
    let sentAt: Date?

    init(_ record: OutboxMessageRecord) {
        id = record.id ?? UUID()
        subject = record.subject
        body = record.body
        relatedType = record.relatedType
        relatedID = record.relatedID
        createdAt = record.createdAt
        sentAt = record.sentAt
    }
}
