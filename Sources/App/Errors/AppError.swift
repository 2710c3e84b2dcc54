import Vapor

/// An error with a stable code that clients can rely on, answered as a 4xx.
struct AppError: AbortError, DebuggableError {
    let status: HTTPResponseStatus
    let code: String
    let message: String
    /// The form fields at fault, each with its own sentence, for pages that mark them.
    let issues: [FieldIssue]
    /// A Korean sentence naming this error's particulars (a year, a date), where the catalogue's
    /// sentence for the code would lose them.
    let korean: String?

    init(_ status: HTTPResponseStatus, _ code: String, _ message: String, korean: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.issues = []
        self.korean = korean
    }

    /// A refusal of several fields at once: the API reads the code and the English sentences joined;
    /// a page shows each sentence beside its field, in the reader's language.
    init(_ status: HTTPResponseStatus, _ code: String, issues: [FieldIssue]) {
        self.status = status
        self.code = code
        self.message = issues.map(\.english).joined(separator: " ")
        self.issues = issues
        self.korean = nil
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

/// One form field a person got wrong: the field's id on the page and what to do, in both languages.
struct FieldIssue: Sendable, Equatable {
    let field: String
    let korean: String
    let english: String

    func text(_ language: String) -> String { Strings.pick(korean, english, language) }
}
