import Vapor

/// Cookies for visitors who are not signed in, so reading a page or a form never creates a session
/// row: the form's CSRF token (double-submit: the cookie and the hidden field must match) and the
/// chosen language. Handlers queue a cookie on the request; `VisitorCookiesMiddleware` sets it.
enum VisitorCookies {
    static let csrfName = "teukgu_csrf"
    static let languageName = "teukgu_lang"

    private struct PendingKey: StorageKey { typealias Value = [String: HTTPCookies.Value] }

    static func queue(_ name: String, _ value: String, maxAge: Int, on request: Request) {
        let secure = request.application.settings.secureCookies
        var pending = request.storage[PendingKey.self] ?? [:]
        pending[name] = HTTPCookies.Value(
            string: value, maxAge: maxAge, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .strict)
        request.storage[PendingKey.self] = pending
    }

    /// The value this request will leave in the cookie: a queued one, else the one it came with.
    static func value(_ name: String, on request: Request) -> String? {
        request.storage[PendingKey.self]?[name]?.string ?? request.cookies[name]?.string
    }

    static func apply(to response: Response, for request: Request) {
        for (name, cookie) in request.storage[PendingKey.self] ?? [:] {
            response.cookies[name] = cookie
        }
    }
}

struct VisitorCookiesMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        VisitorCookies.apply(to: response, for: request)
        return response
    }
}
