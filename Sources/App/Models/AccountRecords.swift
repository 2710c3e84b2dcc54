import Fluent
import Foundation

/// A person who signs in, with one role and what that role is bound to.
final class AccountRecord: Model, @unchecked Sendable {
    static let schema = "accounts"
    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: String
    @OptionalField(key: "region_id") var regionID: String?
    @OptionalField(key: "company_id") var companyID: UUID?
    @OptionalField(key: "partner_id") var partnerID: String?
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    /// Nil until the owner accepts the invitation and chooses a password.
    @OptionalField(key: "password_hash") var passwordHash: String?
    @Field(key: "language") var language: String
    @Field(key: "is_active") var isActive: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// An API bearer token; only its keyed hash is stored.
final class ApiTokenRecord: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    /// The first characters of the secret, so people can tell their tokens apart.
    @Field(key: "prefix") var prefix: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}
}

/// A one-time link that lets a new account's owner choose a password.
final class InvitationRecord: Model, @unchecked Sendable {
    static let schema = "invitations"
    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One sign-in attempt, kept in the database so every server instance throttles alike.
final class LoginAttemptRecord: Model, @unchecked Sendable {
    static let schema = "login_attempts"
    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "attempted_at") var attemptedAt: Date

    init() {}
}
