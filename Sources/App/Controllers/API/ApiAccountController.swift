import Fluent
import Vapor

/// Sign-in, the current account, tokens, accounts, messages, audit and documents over JSON.
struct ApiAccountController {
    let uploadLimit: Int

    struct LoginInput: StrictJSONInput {
        let email: String
        let password: String
        static let fields: Set<String> = ["email", "password"]
    }

    struct CreateTokenInput: StrictJSONInput {
        let name: String
        static let fields: Set<String> = ["name"]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.apiLogin, use: login)
        routes.on(Endpoints.apiLogout, use: logout)
        routes.on(Endpoints.apiMe, use: me)
        routes.on(Endpoints.apiTokens, use: tokens)
        routes.on(Endpoints.apiCreateToken, use: createToken)
        routes.on(Endpoints.apiRevokeToken, use: revokeToken)
        routes.on(Endpoints.apiUsers, use: users)
        routes.on(Endpoints.apiCreateUser, use: createUser)
        routes.on(Endpoints.apiDeactivateUser, use: deactivateUser)
        routes.on(Endpoints.apiAudit, use: audit)
        routes.on(Endpoints.apiAuditVerify, use: verifyAudit)
        routes.on(Endpoints.apiMessages, use: messages)
        routes.on(Endpoints.apiUploadDocument, maxBodyBytes: uploadLimit, use: uploadDocument)
        routes.on(Endpoints.apiDocument, use: document)
        routes.on(Endpoints.apiDocumentContent, use: documentContent)
    }

    @Sendable func login(_ request: Request) async throws -> AccountDTO {
        let input = try request.decodeStrictJSON(LoginInput.self)
        return AccountDTO(try await SignIn.attempt(email: input.email, password: input.password, request: request))
    }

    @Sendable func logout(_ request: Request) async throws -> HTTPStatus {
        // Signing out takes nothing; a body means the client sent something it should not.
        guard (request.body.data?.readableBytes ?? 0) == 0 else {
            throw AppError.invalid("unexpected_body", "Signing out takes no request body.")
        }
        try await SignIn.signOut(request: request)
        return .noContent
    }

    @Sendable func me(_ request: Request) async throws -> AccountDTO {
        let account = try request.requireAccount()
        guard let record = try await AccountRecord.find(account.id, on: request.db) else {
            throw AppError.notFound("account")
        }
        return AccountDTO(record)
    }

    @Sendable func tokens(_ request: Request) async throws -> [TokenDTO] {
        let account = try request.requireAccount()
        return try await ApiTokenRecord.query(on: request.db).filter(\.$accountID == account.id).sort(
            \.$createdAt, .descending
        ).all().map(TokenDTO.init)
    }

    @Sendable func createToken(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(CreateTokenInput.self)
        let (token, secret) = try await TokenService.create(
            name: input.name, for: try request.requireAccount(), request: request)
        return try await CreatedTokenDTO(token: TokenDTO(token), secret: secret).encodeResponse(
            status: .created, for: request)
    }

    @Sendable func revokeToken(_ request: Request) async throws -> TokenDTO {
        TokenDTO(
            try await TokenService.revoke(
                id: request.parameters.get("tokenID", as: UUID.self), for: try request.requireAccount(),
                request: request))
    }

    @Sendable func users(_ request: Request) async throws -> ListDTO<AccountDTO> {
        let (page, perPage) = try ApiPaging.read(request)
        let query = AccountRecord.query(on: request.db)
        if let role = try? request.query.get(String.self, at: "role") { query.filter(\.$role == role) }
        let total = try await query.count()
        let items = try await query.sort(\.$email).offset((page - 1) * perPage).limit(perPage).all().map(
            AccountDTO.init)
        return ListDTO(items: items, page: page, perPage: perPage, total: total)
    }

    @Sendable func deactivateUser(_ request: Request) async throws -> AccountDTO {
        let id = request.parameters.get("accountID").flatMap(UUID.init(uuidString:))
        return AccountDTO(
            try await AccountAdministration.deactivate(id, actor: try request.requireAccount(), request: request))
    }

    @Sendable func createUser(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(NewAccountInput.self)
        let account = try await AccountAdministration.create(
            input, actor: try request.requireAccount().auditActor, request: request)
        return try await AccountDTO(account).encodeResponse(status: .created, for: request)
    }

    @Sendable func audit(_ request: Request) async throws -> ListDTO<AuditEntryDTO> {
        let (page, perPage) = try ApiPaging.read(request)
        let query = AuditFilter(request: request).apply(AuditEntryRecord.query(on: request.db))
        let total = try await query.count()
        let items = try await query.sort(\.$sequence, .descending).offset((page - 1) * perPage).limit(perPage).all()
            .map(AuditEntryDTO.init)
        return ListDTO(items: items, page: page, perPage: perPage, total: total)
    }

    @Sendable func verifyAudit(_ request: Request) async throws -> AuditVerification {
        try await AuditLog.verify(on: request.db)
    }

    @Sendable func messages(_ request: Request) async throws -> ListDTO<MessageDTO> {
        let account = try request.requireAccount()
        let (page, perPage) = try ApiPaging.read(request)
        let query = OutboxMessageRecord.query(on: request.db).filter(\.$recipientAccountID == account.id)
        let total = try await query.count()
        let items = try await query.sort(\.$createdAt, .descending).offset((page - 1) * perPage).limit(perPage).all()
            .map(MessageDTO.init)
        return ListDTO(items: items, page: page, perPage: perPage, total: total)
    }

    /// The raw body is the file; `X-File-Name` (percent-encoded) names it for display.
    @Sendable func uploadDocument(_ request: Request) async throws -> Response {
        guard let buffer = request.body.data else { throw AppError.invalid("empty_document", "The file is empty.") }
        let name = request.headers.first(name: "X-File-Name").flatMap { $0.removingPercentEncoding ?? $0 }
        let document = try await DocumentService.store(
            bytes: Data(buffer: buffer), fileName: name, account: try request.requireAccount(), request: request)
        return try await DocumentDTO(document).encodeResponse(status: .created, for: request)
    }

    @Sendable func document(_ request: Request) async throws -> DocumentDTO {
        DocumentDTO(
            try await DocumentService.readable(
                request.parameters.get("documentID", as: UUID.self), by: try request.requireAccount(), on: request.db))
    }

    @Sendable func documentContent(_ request: Request) async throws -> Response {
        let document = try await DocumentService.readable(
            request.parameters.get("documentID", as: UUID.self), by: try request.requireAccount(), on: request.db)
        return try DocumentService.contentResponse(document, request: request)
    }
}

/// `?page=` and `?perPage=` for API lists, refused when out of range rather than clamped.
enum ApiPaging {
    static func read(_ request: Request) throws -> (page: Int, perPage: Int) {
        let page = try number("page", default: 1, request: request)
        let perPage = try number("perPage", default: 50, request: request)
        // Bounded, so that the offset (page − 1) × perPage cannot overflow.
        guard (1...1_000_000).contains(page) else {
            throw AppError.invalid("invalid_page", "page is between 1 and 1,000,000.")
        }
        guard (1...500).contains(perPage) else {
            throw AppError.invalid("invalid_per_page", "perPage is between 1 and 500.")
        }
        return (page, perPage)
    }

    private static func number(_ key: String, default value: Int, request: Request) throws -> Int {
        guard let text = try? request.query.get(String.self, at: key) else { return value }
        guard let parsed = Int(text) else {
            throw AppError.invalid("invalid_\(key == "page" ? "page" : "per_page")", "\(key) must be a whole number.")
        }
        return parsed
    }
}
