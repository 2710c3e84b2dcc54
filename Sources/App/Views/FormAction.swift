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
            // The layout shows the refusal as a summary at the top, each field's problem beside it.
            storage[FormRefusal.Key.self] = mapped
            return try await rerender(ErrorTexts.message(for: mapped, language: language), mapped.status)
        }
        if let flash { Flashes.set(flash, on: self) }
        return redirect(to: path)
    }
}

/// The refusal a form page is being shown again for, as the layout renders it (GOV.UK's error
/// summary: a list at the top linking to each field, the same sentence beside the field).
enum FormRefusal {
    struct Key: StorageKey { typealias Value = AppError }

    struct Summary: Encodable {
        struct Item: Encodable {
            let href: String
            let text: String
        }
        let message: String
        let items: [Item]
    }

    static func summary(for request: Request, language: String) -> Summary? {
        guard let refusal = request.storage[Key.self] else { return nil }
        return Summary(
            message: ErrorTexts.message(for: refusal, language: language),
            items: refusal.issues.map { .init(href: "#" + $0.field, text: $0.text(language)) })
    }

    /// Each faulty field's sentence by field id, for the template to show beside the field.
    static func fieldErrors(for request: Request, language: String) -> [String: String] {
        guard let refusal = request.storage[Key.self] else { return [:] }
        return Dictionary(refusal.issues.map { ($0.field, $0.text(language)) }, uniquingKeysWith: { first, _ in first })
    }
}
