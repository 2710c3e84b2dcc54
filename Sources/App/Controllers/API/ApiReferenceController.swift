import Fluent
import SQLKit
import Vapor

/// Public reference data, health and metrics.
struct ApiReferenceController {
    struct RegionDTO: Content {
        let id: String
        let nameKorean: String
        let nameEnglish: String
        let capitalRegion: Bool
    }

    struct DistrictDTO: Content {
        let id: String
        let regionID: String
        let round: Int
        let nameKorean: String
        let nameEnglish: String
        let startsOn: String
        let endsOn: String
        let areaSquareKilometres: Double?
        let budgetWon: Int64?
        let notes: String
        let unconfirmed: Bool
    }

    struct PartnerDTO: Content {
        let id: String
        let name: String
        let country: String
        let provides: String
        let joinedYear: Int
        let trackName: String?
    }

    struct PartnerListingDTO: Content {
        let year: Int
        let partnerID: String
        let partnerName: String
        /// The name that year's list used (2019: "Google Play" for Google).
        let listedAs: String
        /// listed, added, continued-reported or continued-assumed.
        let basis: String
        let trackName: String?
        let source: String
    }

    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.apiRegions, use: regions)
        routes.on(Endpoints.apiDistricts, use: districts)
        routes.on(Endpoints.apiPartners, use: partners)
        routes.on(Endpoints.apiPartnerListings, use: partnerListings)
        routes.on(Endpoints.health, use: health)
        routes.on(Endpoints.metrics, use: metrics)
        routes.on(Endpoints.openAPI, use: openAPI)
    }

    @Sendable func regions(_ request: Request) async throws -> [RegionDTO] {
        try await RegionRecord.query(on: request.db).sort(\.$id).all().map {
            RegionDTO(
                id: $0.id ?? "", nameKorean: $0.nameKorean, nameEnglish: $0.nameEnglish,
                capitalRegion: $0.isCapitalRegion)
        }
    }

    @Sendable func districts(_ request: Request) async throws -> [DistrictDTO] {
        try await DistrictRecord.query(on: request.db).sort(\.$round).sort(\.$id).all().map {
            DistrictDTO(
                id: $0.id ?? "", regionID: $0.regionID, round: $0.round, nameKorean: $0.nameKorean,
                nameEnglish: $0.nameEnglish,
                startsOn: $0.startsOn, endsOn: $0.endsOn, areaSquareKilometres: $0.areaSquareKilometres,
                budgetWon: $0.budgetWon,
                notes: $0.notes, unconfirmed: $0.unconfirmed)
        }
    }

    @Sendable func partners(_ request: Request) async throws -> [PartnerDTO] {
        try await PartnerRecord.query(on: request.db).sort(\.$joinedYear).sort(\.$name).all().map {
            PartnerDTO(
                id: $0.id ?? "", name: $0.name, country: $0.country, provides: $0.provides, joinedYear: $0.joinedYear,
                trackName: $0.trackName)
        }
    }

    @Sendable func partnerListings(_ request: Request) async throws -> [PartnerListingDTO] {
        let names = try await PartnerRecord.query(on: request.db).all().keyedByID(\.name)
        return try await PartnerListingRecord.query(on: request.db).sort(\.$year).sort(\.$basis).sort(\.$listedAs)
            .all().map {
                PartnerListingDTO(
                    year: $0.year, partnerID: $0.partnerID, partnerName: names[$0.partnerID] ?? $0.partnerID,
                    listedAs: $0.listedAs, basis: $0.basis.rawValue, trackName: $0.trackName, source: $0.source)
            }
    }

    /// `ok` and `reachable`, or `degraded` and `unreachable` (answered with 503).
    struct Health: Content {
        let status: String
        let database: String
    }

    @Sendable func health(_ request: Request) async throws -> Response {
        var reachable = false
        if let sql = request.db as? any SQLDatabase {
            reachable = (try? await sql.raw("SELECT 1 AS one").first()) != nil
        }
        let body = Health(status: reachable ? "ok" : "degraded", database: reachable ? "reachable" : "unreachable")
        return try await body.encodeResponse(status: reachable ? .ok : .serviceUnavailable, for: request)
    }

    @Sendable func metrics(_ request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: MetricsSetup.registry.emitToString()))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return response
    }

    @Sendable func openAPI(_ request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(data: OpenAPIDocument.json))
        response.headers.contentType = .json
        return response
    }
}
