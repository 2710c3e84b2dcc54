import Vapor

/// An error with a stable code that clients can rely on, answered as a 4xx.
struct AppError: AbortError, DebuggableError {
    let status: HTTPResponseStatus
    let code: String
    let message: String

    init(_ status: HTTPResponseStatus, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    var reason: String { message }
    var identifier: String { code }

    static func notFound(_ what: String = "record") -> AppError {
        AppError(.notFound, "not_found", "No such \(what), or you may not see it.")
    }

    static func invalid(_ code: String, _ message: String) -> AppError {
        AppError(.badRequest, code, message)
    }

    static func conflict(_ code: String, _ message: String) -> AppError {
        AppError(.conflict, code, message)
    }

    static let authenticationRequired = AppError(
        .unauthorized, "authentication_required", "Sign in or send a bearer token to use this.")
    static let forbiddenRole = AppError(.forbidden, "forbidden_role", "Your role may not use this.")
    static let csrfMismatch = AppError(
        .forbidden, "csrf_token_invalid",
        "The form expired or did not come from this site; reload the page and try again.")
}
