import TeukguCore
import Vapor

/// What the shared layout needs on every page.
struct LayoutContext: Encodable {
    struct NavItem: Encodable {
        let label: String
        let href: String
        let current: Bool
    }

    struct AccountBadge: Encodable {
        let name: String
        let roleLabel: String
    }

    struct Flash: Encodable {
        let kind: String
        let message: String
    }

    let lang: String
    let t: StringTable
    let title: String
    let nav: [NavItem]
    let account: AccountBadge?
    /// Empty when the page has no forms and the visitor has no session (so none is created).
    let csrf: String
    let flash: Flash?
    let currentPath: String
    let links: [String: String]
    /// A refused form's summary, and each faulty field's sentence by field id.
    var problems: FormRefusal.Summary? = nil
    var fieldErrors: [String: String] = [:]
}

enum LayoutBuilder {
    /// The layout for a normal page. `needsForm` creates a session for the CSRF token when there is none.
    static func build(
        for request: Request, titleKey: String, title: String? = nil, needsForm: Bool = false
    ) -> LayoutContext {
        let language = Language.current(for: request)
        let table = Strings.table(for: language)
        let account = request.account
        let hasSession = request.hasSessionCookie || account?.viaToken == false
        let csrf = (needsForm || hasSession) && account?.viaToken != true ? CSRF.token(for: request) : ""
        var context = LayoutContext(
            lang: language,
            t: table,
            title: title ?? Strings.text(titleKey, language),
            nav: Navigation.items(
                for: account?.role, signedIn: account != nil, language: language, currentPath: request.url.path),
            account: account.map {
                LayoutContext.AccountBadge(
                    name: $0.displayName, roleLabel: Strings.text("role.\($0.role.rawValue)", language))
            },
            csrf: csrf,
            flash: hasSession ? Flashes.take(from: request) : nil,
            currentPath: request.url.path,
            links: [
                "landing": Endpoints.landing.link(),
                "home": Endpoints.home.link(),
                "login": Endpoints.loginPage.link(),
                "logout": Endpoints.logout.link(),
                "language": Endpoints.setLanguage.link(),
            ]
        )
        context.problems = FormRefusal.summary(for: request, language: language)
        context.fieldErrors = FormRefusal.fieldErrors(for: request, language: language)
        return context
    }

    /// For error pages: the signed-in header and the reader's language as on any page, but it never
    /// writes to the session, touches the database or fails. The session is read only when the
    /// session middleware already loaded it (an error can come from before it).
    static func forError(for request: Request, titleKey: String) -> LayoutContext {
        let loadedSession = request.hasSession ? request.session.data : nil
        let language =
            [VisitorCookies.value(VisitorCookies.languageName, on: request), loadedSession?[Language.sessionKey]]
            .compactMap { $0 }.first { Language.supported.contains($0) }
            ?? Language.fromAcceptLanguage(request.headers.first(name: .acceptLanguage))
        let table = Strings.table(for: language)
        let account = request.account.flatMap { $0.viaToken ? nil : $0 }
        return LayoutContext(
            lang: language, t: table, title: Strings.text(titleKey, language),
            nav: Navigation.items(for: account?.role, signedIn: account != nil, language: language, currentPath: ""),
            account: account.map {
                LayoutContext.AccountBadge(
                    name: $0.displayName, roleLabel: Strings.text("role.\($0.role.rawValue)", language))
            },
            csrf: loadedSession?[CSRF.sessionKey] ?? "", flash: nil, currentPath: request.url.path,
            links: [
                "landing": Endpoints.landing.link(), "home": Endpoints.home.link(), "login": Endpoints.loginPage.link(),
                "logout": Endpoints.logout.link(), "language": Endpoints.setLanguage.link(),
            ]
        )
    }
}

/// One-shot messages shown on the next page ("Token revoked").
enum Flashes {
    static let sessionKey = "flash"

    static func set(_ message: String, kind: String = "success", on request: Request) {
        request.session.data[sessionKey] = kind + "|" + message
    }

    static func take(from request: Request) -> LayoutContext.Flash? {
        guard request.hasSessionCookie, let stored = request.session.data[sessionKey] else { return nil }
        request.session.data[sessionKey] = nil
        let parts = stored.split(separator: "|", maxSplits: 1).map(String.init)
        return parts.count == 2 ? LayoutContext.Flash(kind: parts[0], message: parts[1]) : nil
    }
}

/// Page contexts pair the layout with the page's own data.
struct Page<Body: Encodable>: Encodable {
    let layout: LayoutContext
    let page: Body
}

extension Request {
    func renderPage<Body: Encodable>(
        _ template: String, titleKey: String, title: String? = nil, needsForm: Bool = false, _ body: Body
    ) async throws -> View {
        let layout = LayoutBuilder.build(for: self, titleKey: titleKey, title: title, needsForm: needsForm)
        return try await view.render(template, Page(layout: layout, page: body))
    }

    var language: String { Language.current(for: self) }
}
