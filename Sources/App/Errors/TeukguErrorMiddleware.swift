import FluentKit
import Vapor

/// Turns every error into a clear answer: JSON `{"error":{"code","message"}}` for the API and
/// machine endpoints, a bilingual page for people. Unknown errors are logged and answered 500
/// without detail; the tests make sure no input reaches that branch.
struct TeukguErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            let appError = Self.classify(error)
            if appError.status == .internalServerError {
                request.logger.report(error: error)
            }
            response =
                Self.wantsJSON(request) ? Self.jsonResponse(appError) : await Self.htmlResponse(appError, for: request)
            // The stable code in a header too, so scripts can read it from HTML pages as well.
            response.headers.replaceOrAdd(name: Self.codeHeader, value: appError.code)
        }
        if response.status.code >= 400, let observer = request.application.errorCodeObserver,
            let route = request.route, let code = response.headers.first(name: Self.codeHeader)
        {
            observer.observe(Endpoint.key(for: route), Int(response.status.code), code)
        }
        return response
    }

    static let codeHeader = "X-Error-Code"

    static func wantsJSON(_ request: Request) -> Bool {
        let path = request.url.path
        return path.hasPrefix("/api/") || path == "/api" || path == "/health" || path == "/metrics"
    }

    static func classify(_ error: any Error) -> AppError {
        if let mapped = DomainErrorMapping.map(error) { return mapped }
        switch error {
        case let decoding as DecodingError:
            return AppError(.badRequest, "invalid_body", DecodingErrorText.describe(decoding))
        case let abort as any AbortError:
            return AppError(abort.status, code(for: abort.status), abort.reason)
        case let database as any DatabaseError where database.isConstraintFailure:
            // Two writes raced for the same unique value (a receipt number, say); nothing of the
            // losing request was kept, and sending it again succeeds.
            return AppError(
                .conflict, "concurrent_change",
                "Another change landed at the same moment; nothing was saved. Try again."
            )
        default:
            return AppError(
                .internalServerError, "internal_error", "Something went wrong on our side; it has been logged.")
        }
    }

    static func code(for status: HTTPResponseStatus) -> String {
        switch status.code {
        case 400: "bad_request"
        case 401: "authentication_required"
        case 403: "forbidden"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 409: "conflict"
        case 413: "payload_too_large"
        case 415: "unsupported_media_type"
        case 422: "unprocessable"
        case 429: "too_many_requests"
        default: status.code >= 500 ? "internal_error" : "client_error"
        }
    }

    static func jsonResponse(_ error: AppError) -> Response {
        let body = ErrorEnvelope(error: .init(code: error.code, message: error.message))
        let response = Response(status: error.status)
        try? response.content.encode(body, as: .json)
        return response
    }

    static func htmlResponse(_ error: AppError, for request: Request) async -> Response {
        let layout = LayoutBuilder.forError(for: request, titleKey: "error.title")
        let context = ErrorPage(
            status: Int(error.status.code), code: error.code,
            message: ErrorTexts.message(for: error, language: layout.lang),
            backHref: ErrorPage.sameSiteReferer(request),
            homeHref: layout.account == nil ? Endpoints.landing.link() : Endpoints.home.link(),
            layout: layout)
        do {
            let view = try await request.view.render("error", context)
            let response = try await view.encodeResponse(status: error.status, for: request)
            return response
        } catch {
            let response = Response(status: error is AppError ? .internalServerError : .internalServerError)
            response.status = .init(statusCode: Int(context.status))
            response.headers.contentType = .plainText
            response.body = .init(string: "\(context.status) \(context.code): \(context.message)")
            return response
        }
    }
}

struct ErrorEnvelope: Content {
    struct Detail: Content {
        let code: String
        let message: String
    }
    let error: Detail
}

/// Readable sentences for JSON decoding failures, naming the field at fault.
enum DecodingErrorText {
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let joined = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return joined.isEmpty ? "the body" : "'\(joined)'"
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "Field \(path(context.codingPath)) has the wrong type; expected \(type)."
        case .valueNotFound(_, let context):
            return "Field \(path(context.codingPath)) must not be null."
        case .keyNotFound(let key, let context):
            return "Field '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))' is required."
        case .dataCorrupted(let context):
            return "Invalid value at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "The body could not be read."
        }
    }
}
