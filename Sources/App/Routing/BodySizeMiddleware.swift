import Vapor

/// Refuses bodies over the limit before any handler reads them: 1 MB for JSON and forms,
/// the upload limit for the two upload routes. Bodies already in memory are measured too,
/// since Vapor's own limit applies only to streamed bodies.
struct BodySizeMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let settings = request.application.settings
        let key = request.route.map(Endpoint.key(for:))
        let isUpload = key.map(Endpoints.uploadKeys.contains) ?? false
        let routeLimit = key.flatMap { Endpoints.byKey[$0]?.maxBodyBytes }
        let limit = routeLimit ?? (isUpload ? settings.maxUploadBytes + 64 * 1024 : settings.maxJSONBytes)
        let declared = request.headers.first(name: .contentLength).flatMap(Int.init) ?? 0
        let buffered = request.body.data?.readableBytes ?? 0
        guard declared <= limit, buffered <= limit else {
            throw AppError(.payloadTooLarge, "payload_too_large", "The body is larger than \(limit) bytes.")
        }
        return try await next.respond(to: request)
    }
}
