import TeukguCore
import Vapor

/// The signed-in caller, as the handlers see it.
struct CurrentAccount: Authenticatable, Sendable {
    let id: UUID
    let email: String
    let displayName: String
    let role: Role
    let regionID: String?
    let companyID: UUID?
    let partnerID: String?
    let organisationID: UUID?
    let language: String
    /// Signed in with a bearer token rather than a session cookie; such requests need no CSRF token.
    let viaToken: Bool

    init?(record: AccountRecord, viaToken: Bool) {
        guard let id = record.id, let role = Role(rawValue: record.role), record.isActive else { return nil }
        self.id = id
        email = record.email
        displayName = record.displayName
        self.role = role
        regionID = record.regionID
        companyID = record.companyID
        partnerID = record.partnerID
        organisationID = record.organisationID
        language = record.language
        self.viaToken = viaToken
    }

    init(
        id: UUID, email: String, displayName: String, role: Role, regionID: String?, companyID: UUID?,
        partnerID: String?,
        organisationID: UUID?, language: String, viaToken: Bool
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.role = role
        self.regionID = regionID
        self.companyID = companyID
        self.partnerID = partnerID
        self.organisationID = organisationID
        self.language = language
        self.viaToken = viaToken
    }

    var auditActor: AuditLog.Actor { AuditLog.Actor(id: id, label: email) }
}

extension Request {
    /// The caller; routes reach their handlers only after the access check, so `signedIn` routes may rely on it.
    func requireAccount() throws -> CurrentAccount {
        guard let account = auth.get(CurrentAccount.self) else { throw AppError.authenticationRequired }
        return account
    }

    var account: CurrentAccount? { auth.get(CurrentAccount.self) }

    var auditActor: AuditLog.Actor { account?.auditActor ?? .anonymous }
}
