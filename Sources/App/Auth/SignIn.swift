import Fluent
import Vapor

/// Checks a password with throttling kept in the database, then starts a session.
enum SignIn {
    static func attempt(email rawEmail: String, password: String, request: Request) async throws -> AccountRecord {
        let email = rawEmail.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let address = request.remoteAddress?.ipAddress ?? "unknown"
        let settings = request.application.settings
        let since = request.now.addingTimeInterval(-settings.loginFailureWindow)
        let failures = try await LoginAttemptRecord.query(on: request.db)
            .filter(\.$email == email)
            .filter(\.$address == address)
            .filter(\.$succeeded == false)
            .filter(\.$attemptedAt >= since)
            .count()
        guard failures < settings.loginFailureLimit else {
            throw AppError(
                .tooManyRequests, "too_many_attempts", "Too many failed sign-ins; wait 15 minutes and try again.")
        }
        let account = try await AccountRecord.query(on: request.db).filter(\.$email == email).first()
        var passwordMatches = false
        if let account, account.isActive, let hash = account.passwordHash {
            passwordMatches = (try? await request.password.async.verify(password, created: hash)) ?? false
        }
        let verified = passwordMatches
        let attempt = LoginAttemptRecord()
        attempt.email = email
        attempt.address = address
        attempt.succeeded = verified
        attempt.attemptedAt = request.now
        try await request.db.transaction { database in
            try await attempt.create(on: database)
            try await AuditLog.record(
                on: database, actor: verified ? AuditLog.Actor(id: account?.id, label: email) : .anonymous,
                action: verified ? "session.sign-in" : "session.sign-in-failed", targetType: "account", targetID: email,
                after: ["address": address]
            )
        }
        guard verified, let account else {
            throw AppError(.unauthorized, "invalid_credentials", "The email or password is not right.")
        }
        try await renewSessionID(request)
        request.session.data[AccountAuthenticator.sessionKey] = account.id?.uuidString
        // The language the visitor chose before signing in wins over the account's.
        request.session.data[Language.sessionKey] =
            VisitorCookies.value(VisitorCookies.languageName, on: request).flatMap { Language.supported.contains($0) ? $0 : nil }
            ?? account.language
        // A fresh CSRF token after sign-in, so one seen before it is worthless.
        request.session.data[CSRF.sessionKey] = SecretHasher.newSecret(prefix: "")
        if let current = CurrentAccount(record: account, viaToken: false) { request.auth.login(current) }
        return account
    }

    /// A new session id at sign-in, the old one deleted: an id seen before sign-in (session
    /// fixation) is worth nothing afterwards. The data (language, CSRF) carries over.
    static func renewSessionID(_ request: Request) async throws {
        guard request.hasSessionCookie, let old = request.session.id else { return }
        try await request.application.sessions.driver.deleteSession(old, for: request).get()
        request.session.id = nil
    }

    static func signOut(request: Request) async throws {
        if let account = request.account {
            try await AuditLog.record(
                on: request.db, actor: account.auditActor, action: "session.sign-out", targetType: "account",
                targetID: account.email)
        }
        request.auth.logout(CurrentAccount.self)
        if request.hasSessionCookie { request.session.destroy() }
    }
}
