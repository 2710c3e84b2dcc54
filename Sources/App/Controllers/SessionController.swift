import Vapor

/// Sign-in and sign-out pages, and the language switch.
struct SessionController {
    struct LoginForm: Decodable {
        let email: String
        let password: String
        let next: String?
        /// The language the sign-in page was shown in.
        let lang: String?
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
        let demo = request.application.settings.allowsDemoData ? DemoAccounts.listings : []
        let page = LoginPage(
            action: Endpoints.login.link(), next: SafeRedirect.path(next) ?? "", email: email, error: error,
            demoAccounts: demo)
        let view = try await request.renderPage("login", titleKey: "login.title", needsForm: true, page)
        return try await view.encodeResponse(status: status, for: request)
    }

    @Sendable func login(_ request: Request) async throws -> Response {
        let form = try request.decodeForm(LoginForm.self)
        do {
            _ = try await SignIn.attempt(
                email: form.email, password: form.password, pageLanguage: form.lang, request: request)
        } catch let error as AppError where error.code == "invalid_credentials" {
            return try await renderLogin(
                request, next: form.next ?? "", email: form.email,
                error: Strings.text("login.failed", request.language), status: .unauthorized)
        }
        return request.redirect(to: SafeRedirect.path(form.next) ?? Endpoints.home.link())
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

    /// Switching language works before any session exists, so it carries no CSRF token; instead the
    /// browser must say the form came from this site (`Sec-Fetch-Site` or `Origin`), and the way back
    /// is a same-site path or the landing page.
    @Sendable func setLanguage(_ request: Request) async throws -> Response {
        try SameOrigin.require(request)
        guard request.headers.contentType == .urlEncodedForm, let form = try? request.content.decode(LanguageForm.self)
        else {
            throw AppError.invalid("invalid_form", "Choose a language: ko or en.")
        }
        guard Language.supported.contains(form.lang) else {
            throw AppError.invalid("unsupported_language", "Choose a language: ko or en.")
        }
        // A cookie rather than a session, so choosing a language creates no session row; the
        // choice survives signing in.
        VisitorCookies.queue(VisitorCookies.languageName, form.lang, maxAge: 365 * 24 * 3600, on: request)
        if request.hasSessionCookie { request.session.data[Language.sessionKey] = form.lang }
        return request.redirect(to: SafeRedirect.path(form.back) ?? Endpoints.landing.link())
    }
}
