import Fluent
import Foundation
import TeukguCore
import Vapor

/// Designation calls, applications, selection and procedures over JSON.
struct ApiDesignationController {
    struct CallWindowInput: StrictJSONInput {
        let closesAt: String
        static let fields: Set<String> = ["closesAt"]
    }

    struct InformationRequestInput: StrictJSONInput {
        let message: String
        static let fields: Set<String> = ["message"]
    }

    struct SelectionConfirmationInput: StrictJSONInput {
        let chosen: [UUID]
        let reason: String?
        static let fields: Set<String> = ["chosen", "reason"]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.apiCalls, use: calls)
        routes.on(Endpoints.apiOpenCall, use: openCall)
        routes.on(Endpoints.apiCall, use: call)
        routes.on(Endpoints.apiCallWindow, use: callWindow)
        routes.on(Endpoints.apiCallApplications, use: applications)
        routes.on(Endpoints.apiCreateApplication, use: createApplication)
        routes.on(Endpoints.apiApplicationsCSV, use: applicationsCSV)
        routes.on(Endpoints.apiScoresCSV, use: scoresCSV)
        routes.on(Endpoints.apiApplication, use: application)
        routes.on(Endpoints.apiSaveApplication, use: saveApplication)
        routes.on(Endpoints.apiSubmitApplication, use: submitApplication)
        routes.on(Endpoints.apiWithdrawApplication, use: withdrawApplication)
        routes.on(Endpoints.apiInfoRequest, use: infoRequest)
        routes.on(Endpoints.apiRevisions, use: revisions)
        routes.on(Endpoints.apiSelection, use: selection)
        routes.on(Endpoints.apiConfirmSelection, use: confirmSelection)
        routes.on(Endpoints.apiProcedures, use: procedures)
        routes.on(Endpoints.apiProcedure, use: procedure)
        routes.on(Endpoints.apiProcedureAction, use: procedureAction)
    }

    @Sendable func calls(_ request: Request) async throws -> [CallDTO] {
        let calls = try await DesignationCallRecord.query(on: request.db).sort(\.$round, .descending).all()
        var out: [CallDTO] = []
        for call in calls {
            out.append(
                try CallDTO(
                    call, now: request.now, submitted: try await DesignationCalls.submittedCount(call, on: request.db)))
        }
        return out
    }

    @Sendable func openCall(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(CallInput.self)
        let call = try await DesignationCalls.open(
            input, actor: try request.requireAccount().auditActor, on: request.db)
        return try await CallDTO(call, now: request.now, submitted: 0).encodeResponse(status: .created, for: request)
    }

    @Sendable func call(_ request: Request) async throws -> CallDTO {
        let call = try await DesignationCalls.find(request.parameters.get("callID"), on: request.db)
        return try CallDTO(
            call, now: request.now, submitted: try await DesignationCalls.submittedCount(call, on: request.db))
    }

    @Sendable func callWindow(_ request: Request) async throws -> CallDTO {
        let input = try request.decodeStrictJSON(CallWindowInput.self)
        let call = try await DesignationCalls.find(request.parameters.get("callID"), on: request.db)
        try await DesignationCalls.changeWindow(
            call, closesAt: input.closesAt, actor: try request.requireAccount().auditActor, now: request.now,
            on: request.db)
        return try CallDTO(
            call, now: request.now, submitted: try await DesignationCalls.submittedCount(call, on: request.db))
    }

    @Sendable func applications(_ request: Request) async throws -> [ApplicationDTO] {
        let account = try request.requireAccount()
        let call = try await DesignationCalls.find(request.parameters.get("callID"), on: request.db)
        var query = DesignationApplicationRecord.query(on: request.db).filter(\.$callID == (try call.requireID()))
        if account.role == .regionalOfficial { query = query.filter(\.$regionID == (account.regionID ?? "")) }
        let known = NationalRules.ids(request.application)
        return try await query.sort(\.$submittedOrder).all().map {
            try ApplicationDTO($0, call: call, now: request.now, knownRules: known, feedback: nil)
        }
    }

    @Sendable func createApplication(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(ApplicationInput.self)
        let call = try await DesignationCalls.find(request.parameters.get("callID"), on: request.db)
        let record = try await DesignationApplications.create(
            call: call, input: input, account: try request.requireAccount(),
            knownRules: NationalRules.ids(request.application), now: request.now, on: request.db)
        return try await ApplicationDTO.make(record, for: request).encodeResponse(status: .created, for: request)
    }

    @Sendable func application(_ request: Request) async throws -> ApplicationDTO {
        let record = try await DesignationApplications.find(request.parameters.get("applicationID"), on: request.db)
        try await DesignationApplications.requireReadable(record, by: try request.requireAccount(), on: request.db)
        return try await ApplicationDTO.make(record, for: request)
    }

    @Sendable func saveApplication(_ request: Request) async throws -> ApplicationDTO {
        let record = try await DesignationApplications.find(request.parameters.get("applicationID"), on: request.db)
        try DesignationApplications.requireOwner(record, try request.requireAccount())
        let input = try request.decodeStrictJSON(ApplicationInput.self)
        try await DesignationApplications.save(
            record, input: input, account: try request.requireAccount(),
            knownRules: NationalRules.ids(request.application),
            now: request.now, on: request.db)
        return try await ApplicationDTO.make(record, for: request)
    }

    @Sendable func submitApplication(_ request: Request) async throws -> ApplicationDTO {
        let record = try await DesignationApplications.find(request.parameters.get("applicationID"), on: request.db)
        try await DesignationApplications.submit(
            record, account: try request.requireAccount(),
            context: SubmissionContext(knownRuleIDs: NationalRules.ids(request.application)),
            now: request.now, on: request.db)
        return try await ApplicationDTO.make(record, for: request)
    }

    @Sendable func withdrawApplication(_ request: Request) async throws -> ApplicationDTO {
        let record = try await DesignationApplications.find(request.parameters.get("applicationID"), on: request.db)
        try await DesignationApplications.withdraw(record, account: try request.requireAccount(), on: request.db)
        return try await ApplicationDTO.make(record, for: request)
    }

    @Sendable func infoRequest(_ request: Request) async throws -> ApplicationDTO {
        let input = try request.decodeStrictJSON(InformationRequestInput.self)
        let record = try await DesignationApplications.find(request.parameters.get("applicationID"), on: request.db)
        try await DesignationApplications.requestInformation(
            record, message: input.message, account: try request.requireAccount(), on: request.db)
        return try await ApplicationDTO.make(record, for: request)
    }

    @Sendable func revisions(_ request: Request) async throws -> [RevisionDTO] {
        let account = try request.requireAccount()
        let record = try await DesignationApplications.find(request.parameters.get("applicationID"), on: request.db)
        if !account.role.isMinistry { try DesignationApplications.requireOwner(record, account) }
        return try await DesignationApplications.revisions(record, on: request.db).map {
            RevisionDTO(
                revision: $0.revision, event: $0.event, savedAt: Timestamps.text($0.savedAt),
                plan: try JSONColumn.decode(DistrictPlan.self, $0.planJSON))
        }
    }

    @Sendable func applicationsCSV(_ request: Request) async throws -> Response {
        let call = try await DesignationCalls.find(request.parameters.get("callID"), on: request.db)
        return CSVText.response(
            try await DesignationCSV.applications(call, on: request.db), name: "applications-round-\(call.round).csv")
    }

    @Sendable func scoresCSV(_ request: Request) async throws -> Response {
        let call = try await DesignationCalls.find(request.parameters.get("callID"), on: request.db)
        return CSVText.response(
            try await DesignationCSV.scores(call, on: request.db), name: "scores-round-\(call.round).csv")
    }

    @Sendable func selection(_ request: Request) async throws -> DesignationSelection.Proposal {
        let call = try await DesignationCalls.find(request.parameters.get("callID"), on: request.db)
        return try await DesignationSelection.proposal(for: call, today: request.today, on: request.db)
    }

    @Sendable func confirmSelection(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(SelectionConfirmationInput.self)
        let call = try await DesignationCalls.find(request.parameters.get("callID"), on: request.db)
        let procedures = try await DesignationSelection.confirm(
            call: call, chosen: input.chosen, reason: input.reason, account: try request.requireAccount(),
            today: request.today, on: request.db)
        let rules = try await DesignationProcedures.rules(on: request.db)
        return try await procedures.map { try ProcedureDTO($0, rules: rules, today: request.today) }.encodeResponse(
            status: .created, for: request)
    }

    @Sendable func procedures(_ request: Request) async throws -> [ProcedureDTO] {
        let account = try request.requireAccount()
        var query = DesignationProcedureRecord.query(on: request.db)
        if account.role == .regionalOfficial { query = query.filter(\.$regionID == (account.regionID ?? "")) }
        let rules = try await DesignationProcedures.rules(on: request.db)
        return try await query.sort(\.$title).all().map { try ProcedureDTO($0, rules: rules, today: request.today) }
    }

    @Sendable func procedure(_ request: Request) async throws -> ProcedureDTO {
        let record = try await DesignationProcedures.find(request.parameters.get("procedureID"), on: request.db)
        try DesignationProcedures.requireReadable(record, by: try request.requireAccount())
        return try ProcedureDTO(
            record, rules: try await DesignationProcedures.rules(on: request.db), today: request.today)
    }

    @Sendable func procedureAction(_ request: Request) async throws -> ProcedureDTO {
        let input = try request.decodeStrictJSON(ProcedureActionInput.self)
        let record = try await DesignationProcedures.find(request.parameters.get("procedureID"), on: request.db)
        try await DesignationProcedures.apply(
            input, to: record, account: try request.requireAccount(), today: request.today, on: request.db)
        return try ProcedureDTO(
            record, rules: try await DesignationProcedures.rules(on: request.db), today: request.today)
    }
}
