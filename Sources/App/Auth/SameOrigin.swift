import Vapor

/// Whether a browser says a request came from this site. Browsers send `Sec-Fetch-Site` (and
/// `Origin` on every POST); other clients send neither, and carry no ambient cookie anyway.
enum SameOrigin {
    enum Verdict: Equatable {
        /// The browser says the request came from this site (or was typed into the address bar).
        case sameOrigin
        /// The browser says it came from somewhere else.
        case crossSite
        /// No browser said anything (curl, a script, a test).
        case unknown
    }

    static func verdict(for request: Request) -> Verdict {
        if let site = request.headers.first(name: "Sec-Fetch-Site")?.lowercased() {
            return site == "same-origin" || site == "none" ? .sameOrigin : .crossSite
        }
        guard let origin = request.headers.first(name: .origin) else { return .unknown }
        guard origin != "null", let url = URL(string: origin), let host = url.host else { return .crossSite }
        let originHost = url.port.map { "\(host):\($0)" } ?? host
        let requestHost = request.headers.first(name: .host) ?? ""
        let publicHost = URL(string: request.application.settings.publicURL).flatMap { url in
            url.host.map { host in url.port.map { "\(host):\($0)" } ?? host }
        }
        return originHost.lowercased() == requestHost.lowercased() || originHost == publicHost
            ? .sameOrigin : .crossSite
    }

    /// Refuses what a browser marks as cross-site.
    static func require(_ request: Request) throws {
        if verdict(for: request) == .crossSite { throw crossSiteRefusal }
    }

    static let crossSiteRefusal = AppError(
        .forbidden, "cross_site_request", "This request came from another site; send it from Teukgu's own pages.")
}

/// API writes signed in by the session cookie (rather than a bearer token) ride on ambient
/// credentials, so a page elsewhere could send them. They must be JSON (which a cross-site page
/// cannot send without a preflight this server never grants), or come with the browser's word that
/// they are same-origin; a request a browser marks as cross-site is refused either way.
struct CookieWriteGuardMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.url.path.hasPrefix("/api/"), ![.GET, .HEAD, .OPTIONS].contains(request.method),
            let account = request.auth.get(CurrentAccount.self), !account.viaToken
        else {
            return try await next.respond(to: request)
        }
        let verdict = SameOrigin.verdict(for: request)
        let isJSON = request.headers.contentType.map { $0.type == "application" && $0.subType == "json" } ?? false
        guard verdict != .crossSite, isJSON || verdict == .sameOrigin else { throw SameOrigin.crossSiteRefusal }
        return try await next.respond(to: request)
    }
}
