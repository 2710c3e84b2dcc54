import Fluent
import Vapor

/// The one-time link that lets an invited person choose a password.
struct InvitationController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.invitationPage, use: show)
        routes.on(Endpoints.acceptInvitation, use: accept)
    }

    private func open(_ request: Request) async throws -> (InvitationRecord, AccountRecord, String) {
        guard let token = request.parameters.get("token"), !token.isEmpty else { throw AppError.notFound("invitation") }
        let hash = SecretHasher.hash(token, key: request.application.settings.secretKey)
        guard let invitation = try await InvitationRecord.query(on: request.db).filter(\.$tokenHash == hash).first(),
            invitation.usedAt == nil, invitation.expiresAt > request.now,
            let account = try await AccountRecord.find(invitation.accountID, on: request.db)
        else {
            throw AppError(
                .notFound, "invitation_invalid", "This invitation link is unknown, used or expired; ask for a new one.")
        }
        return (invitation, account, token)
    }

    @Sendable func show(_ request: Request) async throws -> View {
        let (_, account, token) = try await open(request)
        return try await request.renderPage(
            "invitation", titleKey: "invitation.title", needsForm: true,
            InvitationPage(email: account.email, action: Endpoints.acceptInvitation.link([.token: token]), error: nil))
    }

    @Sendable func accept(_ request: Request) async throws -> Response {
        struct Form: Decodable { let password: String }
        let form = try request.decodeForm(Form.self)
        let (invitation, account, token) = try await open(request)
        guard form.password.count >= 12, form.password.count <= 200 else {
            let page = InvitationPage(
                email: account.email, action: Endpoints.acceptInvitation.link([.token: token]),
                error: Strings.text("text.thePasswordNeedsAtLeast12", request.language))
            return try await request.renderPage("invitation", titleKey: "invitation.title", needsForm: true, page)
                .encodeResponse(status: .badRequest, for: request)
        }
        account.passwordHash = try await request.password.async.hash(form.password)
        invitation.usedAt = request.now
        try await request.db.transaction { database in
            try await account.save(on: database)
            try await invitation.save(on: database)
            try await Outbox.redactInvitations(of: try account.requireID(), on: database)
            try await AuditLog.record(
                on: database, actor: AuditLog.Actor(id: account.id, label: account.email),
                action: "account.accept-invitation",
                targetType: "account", targetID: account.id?.uuidString ?? "", before: ["password": "none"],
                after: ["password": "set"])
        }
        try await SignIn.renewSessionID(request)
        request.session.data[AccountAuthenticator.sessionKey] = account.id?.uuidString
        request.session.data[CSRF.sessionKey] = SecretHasher.newSecret(prefix: "")
        return request.redirect(to: Endpoints.home.link())
    }
}
