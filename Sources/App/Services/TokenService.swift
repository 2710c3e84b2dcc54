import Fluent
import Vapor

/// Creating and revoking API tokens, shared by the account page and the API.
enum TokenService {
    static let secretPrefix = "tgk_"

    /// Makes a token and returns the secret, which is never stored and never shown again.
    static func create(
        name rawName: String, for account: CurrentAccount, request: Request
    ) async throws -> (ApiTokenRecord, String) {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...80).contains(name.count) else {
            throw AppError.invalid("invalid_token_name", "Give the token a name of 1 to 80 characters.")
        }
        let active = try await ApiTokenRecord.query(on: request.db).filter(\.$accountID == account.id).filter(
            \.$revokedAt == nil
        ).count()
        guard active < 20 else {
            throw AppError.conflict("too_many_tokens", "Revoke a token before creating another (at most 20 at once).")
        }
        let secret = SecretHasher.newSecret(prefix: secretPrefix)
        let token = ApiTokenRecord()
        token.accountID = account.id
        token.name = name
        token.tokenHash = SecretHasher.hash(secret, key: request.application.settings.secretKey)
        token.prefix = String(secret.prefix(secretPrefix.count + 6))
        try await request.db.transaction { database in
            try await token.create(on: database)
            try await AuditLog.record(
                on: database, actor: account.auditActor, action: "token.create", targetType: "api-token",
                targetID: token.id?.uuidString ?? "", after: ["name": name, "prefix": token.prefix])
        }
        return (token, secret)
    }

    /// Revokes one of the caller's own tokens; someone else's token is "not found".
    static func revoke(id: UUID?, for account: CurrentAccount, request: Request) async throws -> ApiTokenRecord {
        guard let id,
            let token = try await ApiTokenRecord.query(on: request.db).filter(\.$id == id).filter(
                \.$accountID == account.id
            ).first()
        else {
            throw AppError.notFound("token")
        }
        guard token.revokedAt == nil else {
            throw AppError.conflict("token_already_revoked", "The token was already revoked.")
        }
        token.revokedAt = request.now
        try await request.db.transaction { database in
            try await token.save(on: database)
            try await AuditLog.record(
                on: database, actor: account.auditActor, action: "token.revoke", targetType: "api-token",
                targetID: id.uuidString, before: ["revoked": "no"], after: ["revoked": "yes"])
        }
        request.application.tokenCache.forget(account: account.id)
        return token
    }
}
