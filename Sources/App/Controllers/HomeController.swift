import Fluent
import TeukguCore
import Vapor

/// The landing page for the public, the list of districts, and the home page for each role.
struct HomeController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.landing, use: landing)
        routes.on(Endpoints.home, use: home)
        routes.on(Endpoints.districtsPage, use: districts)
    }

    @Sendable func landing(_ request: Request) async throws -> Response {
        if let account = request.account, !account.viaToken { return request.redirect(to: Endpoints.home.link()) }
        let page = LandingPage(
            districts: try await DistrictRecord.query(on: request.db).all(),
            regions: try await RegionRecord.query(on: request.db).all(),
            currentCall: try await CollaborationCallRecord.query(on: request.db).sort(\.$year, .descending).first(),
            language: request.language)
        return try await request.renderPage("landing", titleKey: "app.name", page).encodeResponse(for: request)
    }

    @Sendable func districts(_ request: Request) async throws -> View {
        let page = DistrictsPage(
            districts: try await DistrictRecord.query(on: request.db).all(),
            regions: try await RegionRecord.query(on: request.db).all(),
            rounds: try await DistrictRoundRecord.query(on: request.db).all(), language: request.language)
        return try await request.renderPage("districts", titleKey: "districts.title", page)
    }

    @Sendable func home(_ request: Request) async throws -> View {
        let account = try request.requireAccount()
        let items = try await AttentionItems.collect(for: account, request: request)
        return try await request.renderPage(
            "home", titleKey: "home.title", HomePage(account: account, items: items, language: request.language))
    }
}
