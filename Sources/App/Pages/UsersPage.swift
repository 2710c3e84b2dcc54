import Foundation
import TeukguCore

/// Every account, a page at a time, with its role and state in words, the deactivation button for
/// active accounts other than the viewer's own, and the form that creates and invites an account.
struct UsersPage: Encodable {
    struct User: Encodable {
        let email: String
        let name: String
        let roleLabel: String
        let binding: String
        let status: String
        let deactivateAction: String?
    }

    struct RoleOption: Encodable {
        let value: String
        let label: String
    }

    let users: [User]
    let roles: [RoleOption]
    let createAction: String
    let pagination: Pagination
    let error: String?

    /// The names of what accounts are bound to, so a binding reads as a name, never an id.
    struct BindingNames {
        var regions: [String: String] = [:]
        var partners: [String: String] = [:]
        var companies: [UUID: String] = [:]
        var organisations: [UUID: String] = [:]

        func name(of account: AccountRecord) -> String {
            if let region = account.regionID { return regions[region] ?? region }
            if let partner = account.partnerID { return partners[partner] ?? partner }
            if let company = account.companyID { return companies[company] ?? "—" }
            if let organisation = account.organisationID { return organisations[organisation] ?? "—" }
            return ""
        }
    }

    init(
        _ accounts: [AccountRecord], viewer: CurrentAccount?, pagination: Pagination, language: String, error: String?,
        names: BindingNames = BindingNames()
    ) {
        users = accounts.map { account in
            User(
                email: account.email, name: account.displayName,
                roleLabel: Strings.text("role.\(account.role)", language),
                binding: names.name(of: account),
                status: Strings.text(
                    !account.isActive
                        ? "users.inactive" : account.passwordHash == nil ? "users.invited" : "users.active", language),
                deactivateAction: account.isActive && account.id != viewer?.id
                    ? account.id.map { Endpoints.adminDeactivateUserForm.link([.accountID: $0.uuidString]) } : nil)
        }
        roles = Role.allCases.map {
            RoleOption(value: $0.rawValue, label: Strings.text("role.\($0.rawValue)", language))
        }
        createAction = Endpoints.adminCreateUser.link()
        self.pagination = pagination
        self.error = error
    }
}
