import Vapor

/// Synchroniser tokens for every form: a random value in the session, echoed in a hidden field.
enum CSRF {
    static let sessionKey = "csrf"
    static let fieldName = "csrf"

    /// The session's token, creating one (and so the session) when needed.
    static func token(for request: Request) -> String {
        if let existing = request.session.data[sessionKey] { return existing }
        let fresh = SecretHasher.newSecret(prefix: "")
        request.session.data[sessionKey] = fresh
        return fresh
    }

    /// Refuses a form whose token does not match the session's. Bearer-token callers carry no
    /// ambient credentials, so a forged cross-site form cannot act for them.
    static func verify(_ submitted: String?, for request: Request) throws {
        if request.account?.viaToken == true { return }
        guard request.hasSessionCookie, let expected = request.session.data[sessionKey], let submitted,
            SecretHasher.constantTimeEquals(expected, submitted)
        else {
            throw AppError.csrfMismatch
        }
    }
}

private struct CSRFField: Decodable {
    let csrf: String?
}

extension Request {
    /// Decodes an HTML form after checking its CSRF token.
    func decodeForm<T: Decodable>(_ type: T.Type) throws -> T {
        guard headers.contentType == .urlEncodedForm else {
            throw AppError(
                .unsupportedMediaType, "form_expected", "Send the form as application/x-www-form-urlencoded.")
        }
        let field = try? content.decode(CSRFField.self)
        try CSRF.verify(field?.csrf, for: self)
        do {
            return try content.decode(T.self)
        } catch let error as DecodingError {
            throw AppError.invalid("invalid_form", DecodingErrorText.describe(error))
        }
    }
}
