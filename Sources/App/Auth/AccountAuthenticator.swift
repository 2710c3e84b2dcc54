import Fluent
import SQLKit
import TeukguCore
import Vapor

/// Recognises the caller from a bearer token or the session cookie.
///
/// A bearer token that does not match a live token is refused outright rather than treated as
/// anonymous, so a client with a revoked token learns it at once.
struct AccountAuthenticator: AsyncMiddleware {
    static let sessionKey = "accountID"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            try await authenticate(token: bearer.token, request: request)
        } else if request.hasSessionCookie, let text = request.session.data[Self.sessionKey],
            let id = UUID(uuidString: text),
            let record = try await AccountRecord.find(id, on: request.db),
            let account = CurrentAccount(record: record, viaToken: false)
        {
            request.auth.login(account)
        }
        return try await next.respond(to: request)
    }

    /// One joined lookup (token and account together), then a few seconds from the cache.
    private func authenticate(token: String, request: Request) async throws {
        let hash = SecretHasher.hash(token, key: request.application.settings.secretKey)
        let now = request.now
        if let cached = request.application.tokenCache.lookup(hash: hash, now: now) {
            request.auth.login(cached.account)
            return
        }
        guard let sql = request.db as? any SQLDatabase else { throw AppError.authenticationRequired }
        let revocationsBefore = request.application.tokenCache.revocationCount
        struct Row: Decodable {
            let token_id: UUID
            let last_used_at: Date?
            let id: UUID
            let email: String
            let display_name: String
            let role: String
            let region_id: String?
            let company_id: UUID?
            let partner_id: String?
            let organisation_id: UUID?
            let language: String
            let is_active: Bool
        }
        let row = try await sql.raw(
            """
            SELECT t.id AS token_id, t.last_used_at, a.id, a.email, a.display_name, a.role, a.region_id, a.company_id, a.partner_id,
                   a.organisation_id, a.language, a.is_active
            FROM \(ident: ApiTokenRecord.schema) t JOIN \(ident: AccountRecord.schema) a ON a.id = t.account_id
            WHERE t.token_hash = \(bind: hash) AND t.revoked_at IS NULL
            """
        ).first(decoding: Row.self)
        guard let row, row.is_active, let role = Role(rawValue: row.role) else {
            throw AppError(.unauthorized, "invalid_token", "The bearer token is unknown or revoked.")
        }
        // Touch "last used" at most once a minute so that busy clients do not write on every request.
        if row.last_used_at.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try? await sql.raw(
                "UPDATE \(ident: ApiTokenRecord.schema) SET last_used_at = \(bind: now) WHERE id = \(bind: row.token_id)"
            ).run()
        }
        let account = CurrentAccount(
            id: row.id, email: row.email, displayName: row.display_name, role: role, regionID: row.region_id,
            companyID: row.company_id, partnerID: row.partner_id, organisationID: row.organisation_id,
            language: row.language, viaToken: true)
        request.application.tokenCache.store(
            hash: hash, .init(account: account, tokenID: row.token_id, verifiedAt: now),
            ifNoRevocationSince: revocationsBefore)
        request.auth.login(account)
    }
}

extension Request {
    static let sessionCookieName = "teukgu-session"

    /// Whether the caller sent a session cookie; reading `session` without one would create a session row.
    var hasSessionCookie: Bool { cookies[Request.sessionCookieName] != nil }
}
