import Fluent
import Vapor

/// The account page (tokens), messages and documents pages.
struct AccountController {
    /// The largest multipart body: the upload limit plus room for the form's own fields.
    let uploadLimit: Int

    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.accountPage, use: accountPage)
        routes.on(Endpoints.createTokenForm, use: createToken)
        routes.on(Endpoints.revokeTokenForm, use: revokeToken)
        routes.on(Endpoints.messagesPage, use: messagesPage)
        routes.on(Endpoints.documentsPage, use: documentsPage)
        routes.on(Endpoints.uploadDocumentForm, maxBodyBytes: uploadLimit + 64 * 1024, use: uploadDocument)
        routes.on(Endpoints.downloadDocument, use: downloadDocument)
    }

    @Sendable func accountPage(_ request: Request) async throws -> View {
        try await renderAccount(request, newToken: nil)
    }

    private func renderAccount(_ request: Request, newToken: String?) async throws -> View {
        let account = try request.requireAccount()
        let tokens = try await ApiTokenRecord.query(on: request.db).filter(\.$accountID == account.id)
            .sort(\.$createdAt, .descending).all()
        let page = AccountPage(account: account, tokens: tokens, newToken: newToken, language: request.language)
        return try await request.renderPage("account", titleKey: "account.title", needsForm: true, page)
    }

    @Sendable func createToken(_ request: Request) async throws -> View {
        struct Form: Decodable { let name: String }
        let form = try request.decodeForm(Form.self)
        let (_, secret) = try await TokenService.create(
            name: form.name, for: try request.requireAccount(), request: request)
        return try await renderAccount(request, newToken: secret)
    }

    @Sendable func revokeToken(_ request: Request) async throws -> Response {
        struct Empty: Decodable {}
        _ = try request.decodeForm(Empty.self)
        _ = try await TokenService.revoke(
            id: request.parameters.get("tokenID", as: UUID.self), for: try request.requireAccount(), request: request)
        Flashes.set(Strings.text("account.revoked", request.language), on: request)
        return request.redirect(to: Endpoints.accountPage.link())
    }

    @Sendable func messagesPage(_ request: Request) async throws -> View {
        let account = try request.requireAccount()
        let query = OutboxMessageRecord.query(on: request.db).filter(\.$recipientAccountID == account.id)
        let pagination = Pagination(request: request, total: try await query.count(), perPage: 20)
        let records = try await query.sort(\.$createdAt, .descending).offset(pagination.offset)
            .limit(pagination.perPage).all()
        return try await request.renderPage(
            "messages", titleKey: "messages.title", MessagesPage(records, pagination: pagination))
    }

    @Sendable func documentsPage(_ request: Request) async throws -> View {
        let account = try request.requireAccount()
        let query = DocumentRecord.query(on: request.db).filter(\.$uploadedBy == account.id)
        let pagination = Pagination(request: request, total: try await query.count(), perPage: 20)
        let records = try await query.sort(\.$createdAt, .descending).offset(pagination.offset)
            .limit(pagination.perPage).all()
        return try await request.renderPage(
            "documents", titleKey: "documents.title", needsForm: true, DocumentsPage(records, pagination: pagination))
    }

    @Sendable func uploadDocument(_ request: Request) async throws -> Response {
        struct UploadForm: Decodable {
            let csrf: String?
            let file: File
        }
        guard request.headers.contentType?.type == "multipart" else {
            throw AppError(
                .unsupportedMediaType, "multipart_expected", "Upload the file with the form (multipart/form-data).")
        }
        let form: UploadForm
        do { form = try request.content.decode(UploadForm.self) } catch {
            throw AppError.invalid("invalid_form", "Choose a file to upload.")
        }
        try CSRF.verify(form.csrf, for: request)
        _ = try await DocumentService.store(
            bytes: Data(buffer: form.file.data), fileName: form.file.filename,
            account: try request.requireAccount(), request: request)
        Flashes.set(form.file.filename, on: request)
        return request.redirect(to: Endpoints.documentsPage.link())
    }

    @Sendable func downloadDocument(_ request: Request) async throws -> Response {
        let document = try await DocumentService.readable(
            request.parameters.get("documentID", as: UUID.self), by: try request.requireAccount(), on: request.db)
        return try DocumentService.contentResponse(document, request: request)
    }
}
