import Vapor

/// Deny by default: a request reaches its handler only when `Endpoints` declares the route and the
/// caller's role is allowed. People who are not signed in are sent to the sign-in page instead.
struct AccessControlMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = request.route else {
            // No route matched: the 404 that follows reveals nothing.
            return try await next.respond(to: request)
        }
        guard let endpoint = Endpoints.byKey[Endpoint.key(for: route)] else {
            throw AppError(.forbidden, "route_without_policy", "This route has no access rule, so it is refused.")
        }
        let account = request.auth.get(CurrentAccount.self)
        guard endpoint.access.permits(account?.role) else {
            guard account == nil else { throw AppError.forbiddenRole }
            if !endpoint.isAPI && request.method == .GET {
                return request.redirect(to: Endpoints.loginPage.link(query: ["next": request.url.path]))
            }
            throw AppError.authenticationRequired
        }
        return try await next.respond(to: request)
    }
}
