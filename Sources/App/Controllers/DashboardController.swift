import Fluent
import TeukguCore
import Vapor

/// The ministry's dashboard: one page over every programme.
struct DashboardController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.ministryDashboard, use: dashboard)
    }

    @Sendable func dashboard(_ request: Request) async throws -> View {
        let language = request.language
        let inputs = DashboardPage.Inputs(
            regions: try await RegionRecord.query(on: request.db).all(),
            designation: try await DashboardFigures.designationByRegion(on: request.db),
            collaboration: try await DashboardFigures.collaborationByCall(on: request.db),
            deadlines: try await DashboardDeadlines.load(
                today: request.today, now: request.now, language: language, on: request.db),
            budgets: try await DashboardFigures.budgets(on: request.db),
            targets: try await DashboardFigures.targets(language: language, on: request.db), today: request.today)
        return try await request.renderPage(
            "dashboard", titleKey: "portal.dashboard", DashboardPage(inputs, language: language))
    }
}
