import TeukguCore
import Vapor

/// Staff search: a page and its JSON twin, both scoped to what the searcher may read.
struct SearchController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.searchPage, use: page)
        routes.on(Endpoints.apiSearch, use: api)
    }

    struct Answer: Content {
        let query: String
        let hits: [RecordSearch.Hit]
    }

    private func term(_ request: Request) -> String {
        (try? request.query.get(String.self, at: "q")) ?? ""
    }

    @Sendable func page(_ request: Request) async throws -> View {
        let account = try request.requireAccount()
        let query = term(request)
        let hits = try await RecordSearch.search(query, by: account, language: request.language, on: request.db)
        return try await request.renderPage(
            "search", titleKey: "portal.search",
            SearchPage(query: query, hits: hits, role: account.role, language: request.language))
    }

    @Sendable func api(_ request: Request) async throws -> Answer {
        let account = try request.requireAccount()
        let query = term(request)
        guard RecordSearch.normalised(query) != nil else {
            throw AppError.invalid(
                "invalid_query",
                "q must be \(RecordSearch.minimumLength) to \(RecordSearch.maximumLength) characters, wildcards aside.")
        }
        return Answer(
            query: query,
            hits: try await RecordSearch.search(query, by: account, language: request.language, on: request.db))
    }
}
