import Fluent
import TeukguCore
import Vapor

/// Public pages drawn from the programmes' records: the collaboration programme's results by year
/// and track, and the sandbox cases counted.
struct PortalPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.collaborationResultsPage, use: collaborationResults)
        routes.on(Endpoints.sandboxStatisticsPage, use: sandboxStatistics)
    }

    @Sendable func collaborationResults(_ request: Request) async throws -> View {
        // Every year's listings, tracks and signed agreements are few: read each once.
        let listings = try await PartnerListingRecord.query(on: request.db).all()
        let allTracks = try await CollaborationTrackRecord.query(on: request.db).all()
        let signed = try await GrantAgreementRecord.query(on: request.db)
            .filter(\.$status ~~ [.signed, .settling, .settled]).all()
        let years = Array(Set(listings.map(\.year) + allTracks.map(\.year))).sorted(by: >)
        let requested = try? request.query.get(Int.self, at: "year")
        if let requested, !years.contains(requested) {
            throw AppError.notFound("programme year")
        }
        // Without a year asked for: the latest year with signed agreements, else the latest listed.
        let signedTracks = Set(signed.compactMap(\.trackID))
        let awardYears = allTracks.filter { $0.id.map(signedTracks.contains) ?? false }.map(\.year)
        let year =
            requested ?? awardYears.max() ?? listings.map(\.year).max() ?? years.first ?? request.today.year
        let tracks = allTracks.filter { $0.year == year }
        let trackIDs = Set(tracks.compactMap(\.id))
        let applications = try await CollaborationApplicationRecord.query(on: request.db)
            .filter(\.$assignedTrackID ~~ Array(trackIDs)).all().filter { $0.outcome == .selected }
        let agreements = signed.filter { $0.trackID.map(trackIDs.contains) ?? false }
        let companyIDs = Set(applications.map(\.companyID))
        let companies = try await CompanyRecord.query(on: request.db).filter(\.$id ~~ companyIDs).all()
        let names = Dictionary(companies.map { ($0.id?.uuidString ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
        let inputs = CollaborationResultsPage.Inputs(
            year: year, years: years,
            listings: listings.filter { $0.year == year },
            partnerNames: Dictionary(
                try await PartnerRecord.query(on: request.db).all().map { ($0.id ?? "", $0.name) },
                uniquingKeysWith: { a, _ in a }),
            tracks: tracks,
            selected: Dictionary(grouping: applications) { $0.assignedTrackID?.uuidString ?? "" }.mapValues {
                $0.map { names[$0.companyID.uuidString] ?? "" }
            },
            awards: Dictionary(grouping: agreements) { $0.trackID?.uuidString ?? "" }.mapValues { $0.map(\.awardWon) })
        return try await request.renderPage(
            "collaboration-results", titleKey: "portal.collaborationResults",
            CollaborationResultsPage(inputs, language: request.language))
    }

    @Sendable func sandboxStatistics(_ request: Request) async throws -> View {
        let statistics = try await OpenDataset.sandboxCaseStatistics(on: request.db)
        return try await request.renderPage(
            "sandbox-statistics", titleKey: "portal.sandboxStatistics",
            SandboxStatisticsPage(statistics, language: request.language))
    }
}
