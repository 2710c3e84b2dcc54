import Fluent
import Vapor

/// Checks a password with throttling kept in the database, then starts a session.
enum SignIn {
    /// `pageLanguage` is the language the sign-in page was shown in: what the visitor was reading
    /// wins over the account's stored preference.
    static func attempt(
        email rawEmail: String, password: String, pageLanguage: String? = nil, request: Request
    ) async throws -> AccountRecord {
        let email = rawEmail.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let address = ClientAddress.of(request)
        let settings = request.application.settings
        // Reserve the attempt before anything is checked: each attempt's row is written first and
        // then counted, so of any number of simultaneous tries at most the limit see a count within it.
        let attempt = LoginAttemptRecord()
        attempt.email = email
        attempt.address = address
        attempt.succeeded = false
        attempt.attemptedAt = request.now
        try await attempt.create(on: request.db)
        if let refusal = try await throttle(email: email, address: address, settings: settings, request: request) {
            // A refused try is no guess at the password: it leaves no failure behind.
            try await attempt.delete(on: request.db)
            throw refusal
        }
        let account = try await AccountRecord.query(on: request.db).filter(\.$email == email).first()
        var passwordMatches = false
        if let account, account.isActive, let hash = account.passwordHash {
            passwordMatches = (try? await request.password.async.verify(password, created: hash)) ?? false
        } else {
            // The same work as a real check, so the answer's timing does not tell which emails exist.
            _ = try? await request.password.async.verify(password, created: PasswordTiming.dummyHash(for: request))
        }
        let verified = passwordMatches
        try await request.db.transaction { database in
            if verified {
                attempt.succeeded = true
                try await attempt.save(on: database)
            }
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
            [VisitorCookies.value(VisitorCookies.languageName, on: request), pageLanguage].compactMap { $0 }
            .first { Language.supported.contains($0) } ?? account.language
        // A fresh CSRF token after sign-in, so one seen before it is worthless.
        request.session.data[CSRF.sessionKey] = SecretHasher.newSecret(prefix: "")
        if let current = CurrentAccount(record: account, viaToken: false) { request.auth.login(current) }
        return account
    }

    /// Why this attempt may not go ahead: too many recent failures for the account from this address,
    /// for the account from anywhere, or from this address to any account. The reserved row counts.
    private static func throttle(
        email: String, address: String, settings: TeukguSettings, request: Request
    )
        async throws -> AppError?
    {
        let since = request.now.addingTimeInterval(-settings.loginFailureWindow)
        func failures(
            _ narrow: (QueryBuilder<LoginAttemptRecord>) -> QueryBuilder<LoginAttemptRecord>
        ) async throws -> Int {
            try await narrow(
                LoginAttemptRecord.query(on: request.db).filter(\.$succeeded == false).filter(\.$attemptedAt >= since)
            ).count()
        }
        let minutes = Int(settings.loginFailureWindow / 60)
        let refusal = AppError(
            .tooManyRequests, "too_many_attempts", "Too many failed sign-ins; wait \(minutes) minutes and try again.")
        if try await failures({ $0.filter(\.$email == email).filter(\.$address == address) })
            > settings.loginFailureLimit
        {
            return refusal
        }
        if try await failures({ $0.filter(\.$email == email) }) > settings.loginAccountFailureLimit { return refusal }
        if try await failures({ $0.filter(\.$address == address) }) > settings.loginAddressFailureLimit {
            return refusal
        }
        return nil
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
