import Fluent
import TeukguCore
import Vapor

/// What an admin sends to create an account.
struct NewAccountInput: StrictJSONInput, DocumentedLimits, Content {
    let email: String
    let displayName: String
    let role: String
    let regionID: String?
    let companyID: UUID?
    let partnerID: String?
    let organisationID: UUID?
    let language: String?

    static let fields: Set<String> = [
        "email", "displayName", "role", "regionID", "companyID", "partnerID", "organisationID", "language",
    ]
    static let limits: [String: FieldLimit] = [
        "email": .text(3...200), "displayName": .text(1...100), "role": .choice(Role.allCases.map(\.rawValue)),
        "language": .choice(Language.supported),
    ]
}

/// Creates accounts and their invitations; used by the admin page, the API and the seed.
enum AccountAdministration {
    static let invitationLifetime: TimeInterval = 7 * 24 * 3600

    /// Creates the account without a password and writes an invitation link to the outbox.
    static func create(_ input: NewAccountInput, actor: AuditLog.Actor, request: Request) async throws -> AccountRecord
    {
        let account = try await validated(input, on: request.db)
        let secret = SecretHasher.newSecret(prefix: "")
        let invitation = InvitationRecord()
        invitation.tokenHash = SecretHasher.hash(secret, key: request.application.settings.secretKey)
        invitation.expiresAt = request.now.addingTimeInterval(invitationLifetime)
        let link = request.application.settings.publicURL + Endpoints.invitationPage.link([.token: secret])
        try await request.db.transaction { database in
            try await account.create(on: database)
            invitation.accountID = try account.requireID()
            try await invitation.create(on: database)
            try await Outbox.write(
                on: database, to: account,
                subject: "특구 초대 / Your Teukgu invitation",
                body:
                    "특구 계정이 만들어졌습니다. 7일 안에 아래 링크에서 비밀번호를 정하세요.\nAn account was created for you on Teukgu. Choose your password within 7 days:\n\(link)",
                relatedType: "account", relatedID: account.id?.uuidString
            )
            try await AuditLog.record(
                on: database, actor: actor, action: "account.create", targetType: "account",
                targetID: account.id?.uuidString ?? "", after: ["email": account.email, "role": account.role])
        }
        return account
    }

    static func validated(_ input: NewAccountInput, on database: any Database) async throws -> AccountRecord {
        let email = input.email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard isPlausibleEmail(email) else { throw AppError.invalid("invalid_email", "That is not an email address.") }
        let name = input.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard NewAccountInput.limits["displayName"]!.admits(name) else {
            throw AppError.invalid("invalid_display_name", "Give a name of 1 to 100 characters.")
        }
        guard NewAccountInput.limits["role"]!.admits(input.role), let role = Role(rawValue: input.role) else {
            throw AppError.invalid(
                "invalid_role", "Role must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let language = input.language ?? "ko"
        guard NewAccountInput.limits["language"]!.admits(language) else {
            throw AppError.invalid("unsupported_language", "Language is ko or en.")
        }
        if try await AccountRecord.query(on: database).filter(\.$email == email).first() != nil {
            throw AppError.conflict("email_taken", "An account with that email exists.")
        }
        let account = AccountRecord()
        account.email = email
        account.displayName = name
        account.role = role.rawValue
        account.language = language
        account.isActive = true
        switch role.requiredBinding {
        case .region:
            guard let id = input.regionID, try await RegionRecord.find(id, on: database) != nil else {
                throw AppError.invalid("binding_required", "A regional official needs an existing regionID.")
            }
            account.regionID = id
        case .company:
            guard let id = input.companyID, try await CompanyRecord.find(id, on: database) != nil else {
                throw AppError.invalid("binding_required", "A company member needs an existing companyID.")
            }
            account.companyID = id
        case .partner:
            guard let id = input.partnerID, try await PartnerRecord.find(id, on: database) != nil else {
                throw AppError.invalid("binding_required", "Partner staff need an existing partnerID.")
            }
            account.partnerID = id
        case .organisation:
            guard let id = input.organisationID, try await OrganisationRecord.find(id, on: database) != nil else {
                throw AppError.invalid(
                    "binding_required", "Operating-organisation staff need an existing organisationID.")
            }
            account.organisationID = id
        case nil:
            break
        }
        return account
    }

    static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."),
            NewAccountInput.limits["email"]!.admits(email), !email.contains(where: { $0.isWhitespace })
        else { return false }
        return true
    }

    /// Ends an account at once: it can no longer sign in, its sessions are deleted and its tokens
    /// revoked (and dropped from every cache on this instance; others stop trusting theirs within
    /// seconds, and the account check refuses inactive accounts on every request anyway).
    static func deactivate(_ id: UUID?, actor: CurrentAccount, request: Request) async throws -> AccountRecord {
        guard let id, let account = try await AccountRecord.find(id, on: request.db) else {
            throw AppError.notFound("account")
        }
        guard id != actor.id else {
            throw AppError.conflict("cannot_deactivate_self", "An administrator cannot deactivate their own account.")
        }
        guard account.isActive else { throw AppError.conflict("already_inactive", "This account is already inactive.") }
        account.isActive = false
        let now = request.now
        try await request.db.transaction { database in
            try await account.save(on: database)
            try await ApiTokenRecord.query(on: database).filter(\.$accountID == id).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: now).update()
            // Sessions keep the account id in their data; the id is a UUID, so the match is exact.
            try await WebSessionRecord.query(on: database).filter(\.$dataJSON ~~ id.uuidString).delete()
            try await AuditLog.record(
                on: database, actor: actor.auditActor, action: "account.deactivate", targetType: "account",
                targetID: id.uuidString, before: ["active": "yes"], after: ["active": "no"])
        }
        request.application.tokenCache.forget(account: id)
        return account
    }
}
