import Fluent
import Foundation
import TeukguCore
import Vapor

/// The collaboration programme over JSON.
struct ApiCollaborationController {
    struct ChoiceModeInput: StrictJSONInput {
        let choiceMode: String
        let maxChoices: Int?
        static let fields: Set<String> = ["choiceMode", "maxChoices"]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.apiCollaborationCalls, use: calls)
        routes.on(Endpoints.apiOpenCollaborationCall, use: openCall)
        routes.on(Endpoints.apiCollaborationCall, use: call)
        routes.on(Endpoints.apiCollaborationCallMode, use: setMode)
        routes.on(Endpoints.apiTracks, use: tracks)
        routes.on(Endpoints.apiCreateTrack, use: createTrack)
        routes.on(Endpoints.apiTrack, use: track)
        routes.on(Endpoints.apiUpdateTrack, use: updateTrack)
        routes.on(Endpoints.apiTrackApplications, use: trackApplications)
        routes.on(Endpoints.apiProfile, use: profile)
        routes.on(Endpoints.apiUpdateProfile, use: updateProfile)
        routes.on(Endpoints.apiCorrectCompanyIdentity, use: correctCompanyIdentity)
        routes.on(Endpoints.apiMyCollaborationApplications, use: myApplications)
        routes.on(Endpoints.apiCreateCollaborationApplication, use: createApplication)
        routes.on(Endpoints.apiCollaborationApplication, use: application)
        routes.on(Endpoints.apiSaveCollaborationApplication, use: saveApplication)
        routes.on(Endpoints.apiSubmitCollaborationApplication, use: submitApplication)
        routes.on(Endpoints.apiWithdrawCollaborationApplication, use: withdrawApplication)
        routes.on(Endpoints.apiMatching, use: matching)
        routes.on(Endpoints.apiConfirmMatching, use: confirmMatching)
        routes.on(Endpoints.apiCollaborationApplicationsCSV, use: applicationsCSV)
        routes.on(Endpoints.apiCollaborationScoresCSV, use: scoresCSV)
        routes.on(Endpoints.apiCollaborationResultsCSV, use: resultsCSV)
    }

    @Sendable func calls(_ request: Request) async throws -> [CollaborationCallDTO] {
        var out: [CollaborationCallDTO] = []
        for call in try await CollaborationCallRecord.query(on: request.db).sort(\.$year, .descending).all() {
            out.append(try await CollaborationCalls.dto(call, request))
        }
        return out
    }

    @Sendable func openCall(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(CollaborationCallInput.self)
        let call = try await CollaborationCalls.open(
            input, actor: try request.requireAccount().auditActor, on: request.db)
        return try await CollaborationCalls.dto(call, request).encodeResponse(status: .created, for: request)
    }

    @Sendable func call(_ request: Request) async throws -> CollaborationCallDTO {
        try await CollaborationCalls.dto(
            try await CollaborationCalls.find(request.parameters.get("callID"), on: request.db), request)
    }

    @Sendable func setMode(_ request: Request) async throws -> CollaborationCallDTO {
        let input = try request.decodeStrictJSON(ChoiceModeInput.self)
        let call = try await CollaborationCalls.find(request.parameters.get("callID"), on: request.db)
        try await CollaborationCalls.setMode(
            call, mode: input.choiceMode, maxChoices: input.maxChoices, actor: try request.requireAccount().auditActor,
            on: request.db)
        return try await CollaborationCalls.dto(call, request)
    }

    @Sendable func tracks(_ request: Request) async throws -> [TrackDTO] {
        var query = CollaborationTrackRecord.query(on: request.db)
        if let text = request.query[String.self, at: "year"] {
            guard let year = Int(text) else { throw AppError.invalid("invalid_year", "year must be a number.") }
            query = query.filter(\.$year == year)
        }
        return try await TrackDTO.make(try await query.sort(\.$year, .descending).sort(\.$name).all(), on: request.db)
    }

    @Sendable func createTrack(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(TrackInput.self)
        let track = try await CollaborationTracks.create(
            input, actor: try request.requireAccount().auditActor, on: request.db)
        return try await TrackDTO.make([track], on: request.db)[0].encodeResponse(status: .created, for: request)
    }

    @Sendable func track(_ request: Request) async throws -> TrackDTO {
        try await TrackDTO.make(
            [try await CollaborationTracks.find(request.parameters.get("trackID"), on: request.db)], on: request.db)[0]
    }

    @Sendable func updateTrack(_ request: Request) async throws -> TrackDTO {
        let input = try request.decodeStrictJSON(TrackInput.self)
        let track = try await CollaborationTracks.find(request.parameters.get("trackID"), on: request.db)
        try await CollaborationTracks.update(track, input, account: try request.requireAccount(), on: request.db)
        return try await TrackDTO.make([track], on: request.db)[0]
    }

    @Sendable func trackApplications(_ request: Request) async throws -> [CollaborationApplicationDTO] {
        let track = try await CollaborationTracks.find(request.parameters.get("trackID"), on: request.db)
        try CollaborationTracks.requireOwn(track, try request.requireAccount())
        return try await CollaborationTracks.applications(choosing: track, request)
    }

    @Sendable func profile(_ request: Request) async throws -> CompanyProfiles.ProfileDTO {
        try CompanyProfiles.dto(try await CompanyProfiles.own(try request.requireAccount(), on: request.db))
    }

    @Sendable func updateProfile(_ request: Request) async throws -> CompanyProfiles.ProfileDTO {
        let input = try request.decodeStrictJSON(ProfileInput.self)
        let account = try request.requireAccount()
        let company = try await CompanyProfiles.own(account, on: request.db)
        try await CompanyProfiles.update(company, input, account: account, today: request.today, on: request.db)
        return try CompanyProfiles.dto(company)
    }

    @Sendable func correctCompanyIdentity(_ request: Request) async throws -> CompanyProfiles.ProfileDTO {
        let input = try request.decodeStrictJSON(IdentityCorrectionInput.self)
        let company = try await CompanyRecord.find(
            text: request.parameters.get("companyID"), on: request.db, what: "company")
        try await CompanyProfiles.correctIdentity(
            company, input, actor: try request.requireAccount(), today: request.today, on: request.db)
        return try CompanyProfiles.dto(company)
    }

    @Sendable func myApplications(_ request: Request) async throws -> [CollaborationApplicationDTO] {
        let company = try await CompanyProfiles.own(try request.requireAccount(), on: request.db)
        let records = try await CollaborationApplicationRecord.query(on: request.db).filter(
            \.$companyID == company.requireID()
        ).all()
        return try await CollaborationApplicationDTO.makeAll(records, for: request)
    }

    @Sendable func createApplication(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(CollaborationApplicationInput.self)
        let call = try await CollaborationCalls.find(request.parameters.get("callID"), on: request.db)
        let record = try await CollaborationApplications.create(
            call: call, input: input, account: try request.requireAccount(), now: request.now, on: request.db)
        return try await CollaborationApplicationDTO.make(record, for: request).encodeResponse(
            status: .created, for: request)
    }

    @Sendable func application(_ request: Request) async throws -> CollaborationApplicationDTO {
        let record = try await CollaborationApplications.find(request.parameters.get("applicationID"), on: request.db)
        try await CollaborationApplications.requireReadable(record, by: try request.requireAccount(), on: request.db)
        return try await CollaborationApplicationDTO.make(record, for: request)
    }

    @Sendable func saveApplication(_ request: Request) async throws -> CollaborationApplicationDTO {
        let record = try await CollaborationApplications.find(request.parameters.get("applicationID"), on: request.db)
        try CollaborationApplications.requireOwner(record, try request.requireAccount())
        let input = try request.decodeStrictJSON(CollaborationApplicationInput.self)
        try await CollaborationApplications.save(
            record, input: input, account: try request.requireAccount(), now: request.now, on: request.db)
        return try await CollaborationApplicationDTO.make(record, for: request)
    }

    @Sendable func submitApplication(_ request: Request) async throws -> CollaborationApplicationDTO {
        let record = try await CollaborationApplications.find(request.parameters.get("applicationID"), on: request.db)
        try await CollaborationApplications.submit(
            record, account: try request.requireAccount(), now: request.now, on: request.db)
        return try await CollaborationApplicationDTO.make(record, for: request)
    }

    @Sendable func withdrawApplication(_ request: Request) async throws -> CollaborationApplicationDTO {
        let record = try await CollaborationApplications.find(request.parameters.get("applicationID"), on: request.db)
        try await CollaborationApplications.withdraw(record, account: try request.requireAccount(), on: request.db)
        return try await CollaborationApplicationDTO.make(record, for: request)
    }

    @Sendable func matching(_ request: Request) async throws -> CollaborationMatching.Report {
        try await CollaborationMatching.report(
            for: try await CollaborationCalls.find(request.parameters.get("callID"), on: request.db), on: request.db)
    }

    @Sendable func confirmMatching(_ request: Request) async throws -> Response {
        let call = try await CollaborationCalls.find(request.parameters.get("callID"), on: request.db)
        return try await CollaborationMatching.confirm(call, account: try request.requireAccount(), on: request.db)
            .encodeResponse(status: .created, for: request)
    }

    @Sendable func applicationsCSV(_ request: Request) async throws -> Response {
        let call = try await CollaborationCalls.find(request.parameters.get("callID"), on: request.db)
        return CSVText.response(
            try await CollaborationCSV.applications(call, on: request.db),
            name: "collaboration-\(call.year)-applications.csv")
    }

    @Sendable func scoresCSV(_ request: Request) async throws -> Response {
        let call = try await CollaborationCalls.find(request.parameters.get("callID"), on: request.db)
        return CSVText.response(
            try await CollaborationCSV.scores(call, on: request.db), name: "collaboration-\(call.year)-scores.csv")
    }

    @Sendable func resultsCSV(_ request: Request) async throws -> Response {
        let call = try await CollaborationCalls.find(request.parameters.get("callID"), on: request.db)
        let report = try await CollaborationMatching.report(for: call, on: request.db)
        return CSVText.response(CollaborationCSV.results(report), name: "collaboration-\(call.year)-results.csv")
    }
}
