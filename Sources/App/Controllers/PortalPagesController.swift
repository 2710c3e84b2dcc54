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
        let listingYears = try await PartnerListingRecord.query(on: request.db).all().map(\.year)
        let trackYears = try await CollaborationTrackRecord.query(on: request.db).all().map(\.year)
        let years = Array(Set(listingYears + trackYears)).sorted(by: >)
        let requested = try? request.query.get(Int.self, at: "year")
        if let requested, !years.contains(requested) {
            throw AppError.notFound("programme year")
        }
        // Without a year asked for: the latest year with signed agreements, else the latest listed.
        let signedTracks = Set(
            try await GrantAgreementRecord.query(on: request.db).filter(\.$status ~~ [.signed, .settling, .settled])
                .all().compactMap(\.trackID))
        let awardYears = try await CollaborationTrackRecord.query(on: request.db).all()
            .filter { $0.id.map(signedTracks.contains) ?? false }.map(\.year)
        let year = requested ?? awardYears.max() ?? listingYears.max() ?? years.first ?? request.today.year
        let tracks = try await CollaborationTrackRecord.query(on: request.db).filter(\.$year == year).all()
        let trackIDs = tracks.compactMap(\.id)
        let applications = try await CollaborationApplicationRecord.query(on: request.db)
            .filter(\.$assignedTrackID ~~ trackIDs).all().filter { $0.outcome == .selected }
        let agreements = try await GrantAgreementRecord.query(on: request.db)
            .filter(\.$trackID ~~ trackIDs).filter(\.$status ~~ [.signed, .settling, .settled]).all()
        let companyIDs = Set(applications.map(\.companyID))
        let companies = try await CompanyRecord.query(on: request.db).filter(\.$id ~~ companyIDs).all()
        let names = Dictionary(companies.map { ($0.id?.uuidString ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
        let inputs = CollaborationResultsPage.Inputs(
            year: year, years: years,
            listings: try await PartnerListingRecord.query(on: request.db).filter(\.$year == year).all(),
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
