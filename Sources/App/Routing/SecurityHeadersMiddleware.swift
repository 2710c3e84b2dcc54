import Vapor

/// The headers a public government service sends with every response, errors included: a content
/// security policy without inline script or style (the pages have none), no framing (one-click
/// forms such as withdraw or finalise cannot be overlaid), no MIME sniffing, referrers kept on the
/// site, HSTS when the service is served over TLS, and no caching of anything a signed-in person sees.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
        "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'self'", "object-src 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The error middleware sits inside this one, so error pages get the headers too.
        let response = try await next.respond(to: request)
        apply(to: response, for: request)
        return response
    }

    func apply(to response: Response, for request: Request) {
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Frame-Options", "DENY"),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
        for (name, value) in headers where !response.headers.contains(name: name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        if request.application.settings.servesTLS {
            response.headers.replaceOrAdd(
                name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        // Pages and answers for a signed-in person (or that set a session) must not sit in a shared cache.
        let personal =
            request.auth.has(CurrentAccount.self) || request.hasSessionCookie
            || response.headers.setCookie?[Request.sessionCookieName] != nil
        if personal {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
    }
}
