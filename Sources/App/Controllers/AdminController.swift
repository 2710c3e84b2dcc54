import Fluent
import TeukguCore
import Vapor

/// Account administration and the audit log, for ministry admins.
struct AdminController {
    struct CreateUserForm: Decodable {
        let email: String
        let displayName: String
        let role: String
        let binding: String?
        let language: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.adminUsersPage, use: usersPage)
        routes.on(Endpoints.adminCreateUser, use: createUser)
        routes.on(Endpoints.adminDeactivateUserForm, use: deactivateUser)
        routes.on(Endpoints.adminAuditPage, use: auditPage)
    }

    @Sendable func usersPage(_ request: Request) async throws -> View {
        try await renderUsers(request, error: nil)
    }

    private func renderUsers(_ request: Request, error: String?) async throws -> View {
        let query = AccountRecord.query(on: request.db)
        let pagination = Pagination(request: request, total: try await query.count(), perPage: 50)
        let accounts = try await query.sort(\.$email).offset(pagination.offset).limit(pagination.perPage).all()
        let language = request.language
        var names = UsersPage.BindingNames()
        for region in try await RegionRecord.query(on: request.db).all() {
            names.regions[region.id ?? ""] = Strings.pick(region.nameKorean, region.nameEnglish, language)
        }
        for partner in try await PartnerRecord.query(on: request.db).all() {
            names.partners[partner.id ?? ""] = partner.name
        }
        let companyIDs = accounts.compactMap(\.companyID)
        if !companyIDs.isEmpty {
            for company in try await CompanyRecord.query(on: request.db).filter(\.$id ~~ companyIDs).all() {
                if let id = company.id { names.companies[id] = company.name }
            }
        }
        for organisation in try await OrganisationRecord.query(on: request.db).all() {
            if let id = organisation.id { names.organisations[id] = organisation.name }
        }
        let page = UsersPage(
            accounts, viewer: request.account, pagination: pagination, language: language, error: error, names: names)
        return try await request.renderPage("admin-users", titleKey: "users.title", needsForm: true, page)
    }

    @Sendable func deactivateUser(_ request: Request) async throws -> Response {
        struct Empty: Decodable {}
        _ = try request.decodeForm(Empty.self)
        let id = request.parameters.get("accountID").flatMap(UUID.init(uuidString:))
        let account = try await AccountAdministration.deactivate(
            id, actor: try request.requireAccount(), request: request)
        Flashes.set(Strings.format("users.deactivated", request.language, account.email), on: request)
        return request.redirect(to: Endpoints.adminUsersPage.link())
    }

    @Sendable func createUser(_ request: Request) async throws -> Response {
        let form = try request.decodeForm(CreateUserForm.self)
        let binding = form.binding?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        let role = Role(rawValue: form.role)
        let input = NewAccountInput(
            email: form.email, displayName: form.displayName, role: form.role,
            regionID: role?.requiredBinding == .region ? binding : nil,
            companyID: role?.requiredBinding == .company ? binding.flatMap(UUID.init(uuidString:)) : nil,
            partnerID: role?.requiredBinding == .partner ? binding : nil,
            organisationID: role?.requiredBinding == .organisation ? binding.flatMap(UUID.init(uuidString:)) : nil,
            language: form.language
        )
        do {
            let account = try await AccountAdministration.create(
                input, actor: try request.requireAccount().auditActor, request: request)
            Flashes.set(account.email, on: request)
            return request.redirect(to: Endpoints.adminUsersPage.link())
        } catch let error as AppError where error.status.code < 500 {
            return try await renderUsers(request, error: ErrorTexts.message(for: error, language: request.language))
                .encodeResponse(
                    status: error.status, for: request)
        }
    }

    @Sendable func auditPage(_ request: Request) async throws -> View {
        let filter = AuditFilter(request: request)
        let query = filter.apply(AuditEntryRecord.query(on: request.db))
        let pagination = Pagination(
            request: request, total: try await query.count(), perPage: 50, keeping: filter.queryItems)
        let records = try await query.sort(\.$sequence, .descending).offset(pagination.offset)
            .limit(pagination.perPage).all()
        let page = AuditPage(
            records, verification: try await AuditLog.verify(on: request.db), filter: filter, pagination: pagination)
        return try await request.renderPage("admin-audit", titleKey: "audit.title", page)
    }
}

/// The audit log's filters, shared by the page and the API.
struct AuditFilter {
    let action: String?
    let actor: String?
    let targetType: String?
    let targetID: String?

    init(request: Request) {
        func text(_ key: String) -> String? {
            (try? request.query.get(String.self, at: key))?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        }
        action = text("action")
        actor = text("actor")
        targetType = text("targetType")
        targetID = text("targetID")
    }

    func apply(_ query: QueryBuilder<AuditEntryRecord>) -> QueryBuilder<AuditEntryRecord> {
        var query = query
        if let action { query = query.filter(\.$action == action) }
        if let actor { query = query.filter(\.$actorLabel == actor) }
        if let targetType { query = query.filter(\.$targetType == targetType) }
        if let targetID { query = query.filter(\.$targetID == targetID) }
        return query
    }

    var queryItems: [String: String] {
        var items: [String: String] = [:]
        if let action { items["action"] = action }
        if let actor { items["actor"] = actor }
        if let targetType { items["targetType"] = targetType }
        if let targetID { items["targetID"] = targetID }
        return items
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
