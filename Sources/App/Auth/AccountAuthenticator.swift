import Fluent
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
        } else if request.hasSessionCookie, let text = request.session.data[Self.sessionKey], let id = UUID(uuidString: text),
                  let record = try await AccountRecord.find(id, on: request.db),
                  let account = CurrentAccount(record: record, viaToken: false) {
            request.auth.login(account)
        }
        return try await next.respond(to: request)
    }

    private func authenticate(token: String, request: Request) async throws {
        let hash = SecretHasher.hash(token, key: request.application.settings.secretKey)
        guard let stored = try await ApiTokenRecord.query(on: request.db)
            .filter(\.$tokenHash == hash)
            .filter(\.$revokedAt == nil)
            .first(),
            let record = try await AccountRecord.find(stored.accountID, on: request.db),
            let account = CurrentAccount(record: record, viaToken: true) else {
            throw AppError(.unauthorized, "invalid_token", "The bearer token is unknown or revoked.")
        }
        // Touch "last used" at most once a minute so that busy clients do not write on every request.
        let now = Date()
        if stored.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            stored.lastUsedAt = now
            try? await stored.save(on: request.db)
        }
        request.auth.login(account)
    }
}

extension Request {
    static let sessionCookieName = "teukgu-session"

    /// Whether the caller sent a session cookie; reading `session` without one would create a session row.
    var hasSessionCookie: Bool { cookies[Request.sessionCookieName] != nil }
}
