import Vapor

/// Synchroniser tokens for every form: a random value in the session, echoed in a hidden field.
enum CSRF {
    static let sessionKey = "csrf"
    static let fieldName = "csrf"

    /// The token for a form: the session's when there is a session; for a visitor without one, a
    /// cookie's (so showing a form creates no session row).
    static func token(for request: Request) -> String {
        if request.hasSessionCookie {
            if let existing = request.session.data[sessionKey] { return existing }
            let fresh = SecretHasher.newSecret(prefix: "")
            request.session.data[sessionKey] = fresh
            return fresh
        }
        if let existing = VisitorCookies.value(VisitorCookies.csrfName, on: request), existing.count >= 32 {
            return existing
        }
        let fresh = SecretHasher.newSecret(prefix: "")
        VisitorCookies.queue(VisitorCookies.csrfName, fresh, maxAge: 24 * 3600, on: request)
        return fresh
    }

    /// Refuses a form whose token does not match the session's (or, for a visitor without a
    /// session, the cookie's). Bearer-token callers carry no ambient credentials, so a forged
    /// cross-site form cannot act for them.
    static func verify(_ submitted: String?, for request: Request) throws {
        if request.account?.viaToken == true { return }
        guard let submitted, !submitted.isEmpty else { throw AppError.csrfMismatch }
        if request.hasSessionCookie, let expected = request.session.data[sessionKey],
            SecretHasher.constantTimeEquals(expected, submitted)
        {
            return
        }
        if request.account == nil, let expected = request.cookies[VisitorCookies.csrfName]?.string,
            expected.count >= 32,
            SecretHasher.constantTimeEquals(expected, submitted)
        {
            return
        }
        throw AppError.csrfMismatch
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
