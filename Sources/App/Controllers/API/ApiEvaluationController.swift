import Fluent
import Foundation
import TeukguCore
import Vapor

/// Panels, assignments, declarations and scorecards over JSON, for every programme.
struct ApiEvaluationController {
    struct ConsensusInput: StrictJSONInput {
        let applicationIDs: [UUID]
        let note: String?
        static let fields: Set<String> = ["applicationIDs", "note"]
    }

    struct AffiliationInput: StrictJSONInput {
        let kind: String
        let value: String
        static let fields: Set<String> = ["kind", "value"]
    }

    struct DeclarationInput: StrictJSONInput {
        let conflict: Bool
        let statement: String?
        static let fields: Set<String> = ["conflict", "statement"]
    }

    struct ScorecardInput: StrictJSONInput {
        let scores: [String: Scorecard.Entry]
        static let fields: Set<String> = ["scores"]
        static let nestedFields: [String: Set<String>] = ["scores.*": ["score", "justification"]]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.apiPanels, use: panels)
        routes.on(Endpoints.apiFormPanel, use: formPanel)
        routes.on(Endpoints.apiPanel, use: panel)
        routes.on(Endpoints.apiConsensus, use: consensus)
        routes.on(Endpoints.apiFinalise, use: finalise)
        routes.on(Endpoints.apiEvaluators, use: evaluators)
        routes.on(Endpoints.apiAddAffiliation, use: addAffiliation)
        routes.on(Endpoints.apiAssignments, use: assignments)
        routes.on(Endpoints.apiAssignment, use: assignment)
        routes.on(Endpoints.apiDeclaration, use: declaration)
        routes.on(Endpoints.apiScorecard, use: scorecard)
    }

    /// `callID` for designation; `trackID` for the collaboration programme, whose panels are per track.
    struct FormPanelInput: StrictJSONInput {
        let programme: String
        let callID: UUID?
        let trackID: UUID?
        let stageID: String
        let evaluatorIDs: [UUID]
        static let fields: Set<String> = ["programme", "callID", "trackID", "stageID", "evaluatorIDs"]
    }

    @Sendable func panels(_ request: Request) async throws -> [PanelDTO] {
        var query = EvaluationPanelRecord.query(on: request.db)
        if let programme = request.query[String.self, at: "programme"] {
            query = query.filter(\.$programme == programme)
        }
        if let text = request.query[String.self, at: "callID"] {
            guard let callID = UUID(uuidString: text) else {
                throw AppError.invalid("invalid_id", "callID must be a UUID.")
            }
            query = query.filter(\.$callID == callID)
        }
        var out: [PanelDTO] = []
        for panel in try await query.all() { out.append(try await PanelDTO.make(panel, on: request.db)) }
        return out
    }

    @Sendable func formPanel(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(FormPanelInput.self)
        guard let subject = input.trackID ?? input.callID else {
            throw AppError.invalid("subject_required", "Give callID (designation) or trackID (collaboration).")
        }
        let panel = try await EvaluationPanels.assign(
            programmeID: input.programme, callID: subject, stageID: input.stageID, evaluatorIDs: input.evaluatorIDs,
            actor: try request.requireAccount(), now: request.now, on: request.db)
        return try await PanelDTO.make(panel, on: request.db).encodeResponse(status: .created, for: request)
    }

    @Sendable func panel(_ request: Request) async throws -> PanelDTO {
        try await PanelDTO.make(
            try await EvaluationPanels.findPanel(request.parameters.get("panelID"), on: request.db), on: request.db)
    }

    @Sendable func consensus(_ request: Request) async throws -> PanelDTO {
        let input = try request.decodeStrictJSON(ConsensusInput.self)
        let panel = try await EvaluationPanels.findPanel(request.parameters.get("panelID"), on: request.db)
        try await EvaluationPanels.openConsensusRound(
            panel, applicationIDs: input.applicationIDs, note: input.note ?? "", account: try request.requireAccount(),
            on: request.db)
        return try await PanelDTO.make(panel, on: request.db)
    }

    @Sendable func finalise(_ request: Request) async throws -> PanelDTO {
        let panel = try await EvaluationPanels.findPanel(request.parameters.get("panelID"), on: request.db)
        _ = try await EvaluationPanels.finalise(
            panel, account: try request.requireAccount(), now: request.now, on: request.db)
        return try await PanelDTO.make(panel, on: request.db)
    }

    struct EvaluatorDTO: Content {
        let id: UUID
        let email: String
        let displayName: String
        let role: String
        let affiliations: [String]
    }

    @Sendable func evaluators(_ request: Request) async throws -> [EvaluatorDTO] {
        let accounts = try await AccountRecord.query(on: request.db).filter(
            \.$role ~~ [Role.evaluator.rawValue, Role.partnerStaff.rawValue]
        )
        .filter(\.$isActive == true).sort(\.$email).all()
        let affiliations = try await EvaluatorAffiliationRecord.query(on: request.db).all()
        return try accounts.map { account in
            let id = try account.requireID()
            return EvaluatorDTO(
                id: id, email: account.email, displayName: account.displayName, role: account.role,
                affiliations: affiliations.filter { $0.accountID == id }.map { "\($0.kind):\($0.value)" }.sorted())
        }
    }

    @Sendable func addAffiliation(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(AffiliationInput.self)
        guard let text = request.parameters.get("accountID"), let id = UUID(uuidString: text),
            let account = try await AccountRecord.find(id, on: request.db),
            [Role.evaluator.rawValue, Role.partnerStaff.rawValue].contains(account.role)
        else { throw AppError.notFound("evaluator") }
        let value: String
        switch input.kind {
        case "region":
            guard try await RegionRecord.find(input.value, on: request.db) != nil else {
                throw AppError.invalid("unknown_region", "No region '\(input.value)'.")
            }
            value = input.value
        case "company":
            guard let number = BusinessRegistrationNumber(input.value) else {
                throw AppError.invalid(
                    "invalid_business_registration_number",
                    "'\(input.value)' is not a valid business registration number.")
            }
            value = number.digits
        default:
            throw AppError.invalid("invalid_kind", "kind is 'region' or 'company'.")
        }
        guard
            try await EvaluatorAffiliationRecord.query(on: request.db).filter(\.$accountID == id).filter(
                \.$kind == input.kind
            ).filter(\.$value == value).count() == 0
        else {
            throw AppError.conflict("duplicate_affiliation", "This affiliation is already recorded.")
        }
        let record = EvaluatorAffiliationRecord()
        record.accountID = id
        record.kind = input.kind
        record.value = value
        try await request.db.transaction { transaction in
            try await record.create(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: try request.requireAccount().auditActor, action: "evaluation.affiliation-added",
                targetType: "account", targetID: id.uuidString, after: ["kind": input.kind, "value": value])
        }
        return Response(status: .created)
    }

    @Sendable func assignments(_ request: Request) async throws -> [AssignmentDTO] {
        let account = try request.requireAccount()
        let records = try await EvaluationAssignmentRecord.query(on: request.db).filter(\.$evaluatorID == account.id)
            .sort(\.$createdAt).all()
        var out: [AssignmentDTO] = []
        let context = AssignmentDTO.PanelContext()
        for record in records {
            out.append(try await AssignmentDTO.make(record, detail: false, context: context, on: request))
        }
        return out
    }

    @Sendable func assignment(_ request: Request) async throws -> AssignmentDTO {
        let record = try await EvaluationPanels.findAssignment(
            request.parameters.get("assignmentID"), for: try request.requireAccount(), on: request.db)
        return try await AssignmentDTO.make(record, detail: true, on: request)
    }

    @Sendable func declaration(_ request: Request) async throws -> AssignmentDTO {
        let input = try request.decodeStrictJSON(DeclarationInput.self)
        let account = try request.requireAccount()
        let record = try await EvaluationPanels.findAssignment(
            request.parameters.get("assignmentID"), for: account, on: request.db)
        try await EvaluationPanels.declare(
            record, conflict: input.conflict, statement: input.statement ?? "", account: account, now: request.now,
            on: request.db)
        return try await AssignmentDTO.make(record, detail: true, on: request)
    }

    @Sendable func scorecard(_ request: Request) async throws -> AssignmentDTO {
        let input = try request.decodeStrictJSON(ScorecardInput.self)
        let account = try request.requireAccount()
        let record = try await EvaluationPanels.findAssignment(
            request.parameters.get("assignmentID"), for: account, on: request.db)
        try await EvaluationPanels.submitScorecard(
            record, card: Scorecard(entries: input.scores), account: account, on: request.db)
        return try await AssignmentDTO.make(record, detail: true, on: request)
    }
}
