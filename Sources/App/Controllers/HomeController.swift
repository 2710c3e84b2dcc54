import Fluent
import TeukguCore
import Vapor

/// The landing page for the public and the home page for each role.
struct HomeController {
    struct LandingPage: Encodable {
        let districts: [DistrictSummary]
        let tools: [LayoutContext.NavItem]
    }

    struct DistrictSummary: Encodable {
        let id: String
        let name: String
        let region: String
        let round: Int
        let period: String
        let budget: String?
    }

    struct HomePage: Encodable {
        let greeting: String
        let roleLabel: String
        let items: [AttentionItem]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.landing, use: landing)
        routes.on(Endpoints.home, use: home)
        routes.on(Endpoints.districtsPage, use: districts)
    }

    @Sendable func landing(_ request: Request) async throws -> Response {
        if request.account != nil, !request.account!.viaToken { return request.redirect(to: Endpoints.home.link()) }
        let language = request.language
        let tools = [
            ("nav.deadline", Endpoints.deadlinePage), ("nav.parameters", Endpoints.parametersPage),
            ("nav.holidays", Endpoints.holidaysPage),
        ]
        .map { LayoutContext.NavItem(label: Strings.text($0.0, language), href: $0.1.link(), current: false) }
        let page = LandingPage(districts: try await Self.districtSummaries(request), tools: tools)
        return try await request.renderPage("landing", titleKey: "app.name", page).encodeResponse(for: request)
    }

    @Sendable func districts(_ request: Request) async throws -> View {
        struct DistrictsPage: Encodable {
            let districts: [DistrictSummary]
            let rounds: [RoundSummary]
        }
        struct RoundSummary: Encodable {
            let round: Int
            let published: String
            let funnel: String
            let designatedOn: String
        }
        let rounds = try await DistrictRoundRecord.query(on: request.db).sort(\.$id).all().map {
            RoundSummary(
                round: $0.id ?? 0, published: $0.callPublished,
                funnel: "\($0.governments) / \($0.projects) → \($0.writtenPassed) → \($0.candidates)",
                designatedOn: $0.designatedOn ?? "")
        }
        return try await request.renderPage(
            "districts", titleKey: "districts.title",
            DistrictsPage(districts: try await Self.districtSummaries(request), rounds: rounds))
    }

    static func districtSummaries(_ request: Request) async throws -> [DistrictSummary] {
        let language = request.language
        let regions = try await RegionRecord.query(on: request.db).all()
        let regionNames = regions.keyedByID { region in Strings.pick(region.nameKorean, region.nameEnglish, language) }
        return try await DistrictRecord.query(on: request.db).sort(\.$round).sort(\.$id).all().map { district in
            DistrictSummary(
                id: district.id ?? "", name: Strings.pick(district.nameKorean, district.nameEnglish, language),
                region: regionNames[district.regionID] ?? district.regionID, round: district.round,
                period: "\(district.startsOn) – \(district.endsOn)",
                budget: district.budgetWon.map { Money(won: $0).text(language: language) }
            )
        }
    }

    @Sendable func home(_ request: Request) async throws -> View {
        let account = try request.requireAccount()
        let language = request.language
        let items = try await AttentionItems.collect(for: account, request: request)
        let page = HomePage(
            greeting: "\(Strings.text("home.welcome", language)), \(account.displayName)",
            roleLabel: Strings.text("role.\(account.role.rawValue)", language), items: items)
        return try await request.renderPage("home", titleKey: "home.title", page)
    }
}
