import Foundation
import TeukguCore

/// A person's account: who they are, their API tokens (a new secret shown once), and the form
/// that makes one.
struct AccountPage: Encodable {
    struct Token: Encodable {
        let name: String
        let prefix: String
        let created: String
        let lastUsed: String
        let revoked: Bool
        let revokeAction: String
    }

    let email: String
    let name: String
    let roleLabel: String
    let tokens: [Token]
    let newToken: String?
    let createAction: String

    init(account: CurrentAccount, tokens: [ApiTokenRecord], newToken: String?, language: String) {
        email = account.email
        name = account.displayName
        roleLabel = Strings.text("role.\(account.role.rawValue)", language)
        self.tokens = tokens.compactMap { token in
            guard let id = token.id else { return nil }
            return Token(
                name: token.name, prefix: token.prefix + "…", created: Formatting.dateTime(token.createdAt),
                lastUsed: Formatting.dateTime(token.lastUsedAt), revoked: token.revokedAt != nil,
                revokeAction: Endpoints.revokeTokenForm.link([.tokenID: id.uuidString]))
        }
        self.newToken = newToken
        createAction = Endpoints.createTokenForm.link()
    }
}
