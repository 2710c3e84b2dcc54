import Vapor

/// Sign-in and sign-out pages, and the language switch.
struct SessionController {
    struct LoginPage: Encodable {
        let action: String
        let next: String
        let email: String
        let error: String?
        let demoAccounts: [DemoAccounts.Listing]
    }

    struct LoginForm: Decodable {
        let email: String
        let password: String
        let next: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.loginPage, use: showLogin)
        routes.on(Endpoints.login, use: login)
        routes.on(Endpoints.logout, use: logout)
        routes.on(Endpoints.setLanguage, use: setLanguage)
    }

    @Sendable func showLogin(_ request: Request) async throws -> Response {
        if request.account != nil { return request.redirect(to: Endpoints.home.link()) }
        let next = (try? request.query.get(String.self, at: "next")) ?? ""
        return try await renderLogin(request, next: next, email: "", error: nil, status: .ok)
    }

    private func renderLogin(
        _ request: Request, next: String, email: String, error: String?, status: HTTPResponseStatus
    ) async throws -> Response {
        let demo = request.application.settings.isProduction ? [] : DemoAccounts.listings
        let page = LoginPage(
            action: Endpoints.login.link(), next: safeNext(next), email: email, error: error, demoAccounts: demo)
        let view = try await request.renderPage("login", titleKey: "login.title", needsForm: true, page)
        return try await view.encodeResponse(status: status, for: request)
    }

    @Sendable func login(_ request: Request) async throws -> Response {
        let form = try request.decodeForm(LoginForm.self)
        do {
            _ = try await SignIn.attempt(email: form.email, password: form.password, request: request)
        } catch let error as AppError where error.code == "invalid_credentials" {
            return try await renderLogin(
                request, next: form.next ?? "", email: form.email,
                error: Strings.text("login.failed", request.language), status: .unauthorized)
        }
        return request.redirect(
            to: safeNext(form.next ?? "").isEmpty ? Endpoints.home.link() : safeNext(form.next ?? ""))
    }

    @Sendable func logout(_ request: Request) async throws -> Response {
        struct Empty: Decodable {}
        _ = try request.decodeForm(Empty.self)
        try await SignIn.signOut(request: request)
        return request.redirect(to: Endpoints.landing.link())
    }

    struct LanguageForm: Decodable {
        let lang: String
        let back: String?
    }

    /// Switching language is harmless whoever asks, so it needs no CSRF token and works before any session exists.
    @Sendable func setLanguage(_ request: Request) async throws -> Response {
        guard request.headers.contentType == .urlEncodedForm, let form = try? request.content.decode(LanguageForm.self)
        else {
            throw AppError.invalid("invalid_form", "Choose a language: ko or en.")
        }
        guard Language.supported.contains(form.lang) else {
            throw AppError.invalid("unsupported_language", "Choose a language: ko or en.")
        }
        request.session.data[Language.sessionKey] = form.lang
        return request.redirect(
            to: safeNext(form.back ?? "").isEmpty ? Endpoints.landing.link() : safeNext(form.back ?? ""))
    }

    /// Only local paths, so a crafted link cannot send people to another site after signing in.
    private func safeNext(_ next: String) -> String {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.contains("://") else { return "" }
        return next
    }
}
