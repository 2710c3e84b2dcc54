import Vapor

extension Request {
    /// Runs what a form asks for. A refusal (any 4xx but "not found") answers the same page again
    /// with the message and the refusal's status, so nothing the person typed is lost; success
    /// redirects, with a flash when one is given. Anything else propagates to the error page.
    func formAction(
        redirectTo path: String, flash: String? = nil,
        rerender: (_ message: String, _ status: HTTPResponseStatus) async throws -> Response,
        _ action: () async throws -> Void
    ) async throws -> Response {
        try await formAction(flash: flash, rerender: rerender) {
            try await action()
            return path
        }
    }

    /// The same, for an action that says where to go once it succeeds (e.g. the record it created).
    func formAction(
        flash: String? = nil, rerender: (_ message: String, _ status: HTTPResponseStatus) async throws -> Response,
        _ action: () async throws -> String
    ) async throws -> Response {
        let path: String
        do {
            path = try await action()
        } catch {
            let mapped = TeukguErrorMiddleware.classify(error)
            guard mapped.status.code < 500, mapped.status != .notFound else { throw error }
            return try await rerender(mapped.message, mapped.status)
        }
        if let flash { Flashes.set(flash, on: self) }
        return redirect(to: path)
    }
}
