import Fluent
import Foundation
import TeukguCore
import Vapor

/// Evaluation pages: the ministry's panel view, and each evaluator's assignments (declare, then score).
struct EvaluationPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.panelPage, use: panelPage)
        routes.on(Endpoints.consensusForm, use: consensus)
        routes.on(Endpoints.finaliseForm, use: finalise)
        routes.on(Endpoints.assignmentsPage, use: assignmentsPage)
        routes.on(Endpoints.assignmentPage, use: assignmentPage)
        routes.on(Endpoints.declarationForm, use: declare)
        routes.on(Endpoints.scorecardForm, use: score)
    }

    /// Loads the panel, its stage and its entrants once, then builds the page's model.
    @Sendable func panelPage(_ request: Request) async throws -> View {
        let record = try await EvaluationPanels.findPanel(request.parameters.get("panelID"), on: request.db)
        let dto = try await PanelDTO.make(record, on: request.db)
        let (programme, stage, index) = try await EvaluationPanels.stage(of: record, on: request.db)
        let entrants = try await programme.entrants(callID: record.callID, stageIndex: index, on: request.db)
        let labels = Dictionary(entrants.map { ($0.applicationID, $0.label) }, uniquingKeysWith: { first, _ in first })
        // A collaboration panel belongs to a track (its `callID` is the track's id), not to a call.
        let isTrack = programme.id == CollaborationEvaluation.shared.id
        let callHref =
            isTrack
            ? Endpoints.trackPage.link([.trackID: record.callID.uuidString])
            : Endpoints.callPage.link([.callID: record.callID.uuidString])
        let page = try EvaluationPanelPage(
            dto, record: record, stage: stage, labels: labels, callHref: callHref, language: request.language)
        return try await request.renderPage(
            "evaluation-panel", titleKey: isTrack ? "nav.collaboration" : "nav.designation", title: page.stageTitle,
            needsForm: true, page)
    }

    @Sendable func consensus(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let applicationIDs: [UUID]?
            let note: String?
        }
        let form = try request.decodeForm(Form.self)
        let panel = try await EvaluationPanels.findPanel(request.parameters.get("panelID"), on: request.db)
        try await EvaluationPanels.openConsensusRound(
            panel, applicationIDs: form.applicationIDs ?? [], note: form.note ?? "",
            account: try request.requireAccount(), on: request.db)
        return request.redirect(to: Endpoints.panelPage.link([.panelID: try panel.requireID().uuidString]))
    }

    @Sendable func finalise(_ request: Request) async throws -> Response {
        struct Empty: Decodable {}
        _ = try request.decodeForm(Empty.self)
        let panel = try await EvaluationPanels.findPanel(request.parameters.get("panelID"), on: request.db)
        _ = try await EvaluationPanels.finalise(
            panel, account: try request.requireAccount(), now: request.now, on: request.db)
        Flashes.set(Strings.text("text.stageFinalised", request.language), on: request)
        return request.redirect(to: Endpoints.callPage.link([.callID: panel.callID.uuidString]))
    }

    @Sendable func assignmentsPage(_ request: Request) async throws -> View {
        struct Row: Encodable {
            let href: String
            let stage: String
            let who: String
            let status: String
        }
        let account = try request.requireAccount()
        let records = try await EvaluationAssignmentRecord.query(on: request.db).filter(\.$evaluatorID == account.id)
            .sort(\.$createdAt, .descending).all()
        var rows: [Row] = []
        let context = AssignmentDTO.PanelContext()
        for record in records {
            let dto = try await AssignmentDTO.make(record, detail: false, context: context, on: request)
            rows.append(
                Row(
                    href: Endpoints.assignmentPage.link([.assignmentID: dto.id.uuidString]), stage: dto.stageTitle,
                    who: dto.disclosure.prefix(2).joined(separator: " — "),
                    status: Self.statusText(dto.status, request.language)))
        }
        return try await request.renderPage("evaluation-assignments", titleKey: "nav.assignments", rows)
    }

    static func statusText(_ status: AssignmentStatus, _ language: String) -> String {
        status.text(language)
    }

    /// Loads the assignment once, then builds the page's model (`EvaluationAssignmentPage`).
    static func render(
        _ record: EvaluationAssignmentRecord, error: String? = nil, typed: [String: String] = [:],
        status: HTTPResponseStatus = .ok, for request: Request
    ) async throws -> Response {
        let assignment = try await AssignmentDTO.make(record, detail: true, on: request)
        let page = EvaluationAssignmentPage(assignment, language: request.language, error: error, typed: typed)
        return try await request.renderPage(
            "evaluation-assignment", titleKey: "nav.assignments", title: page.planName, needsForm: true, page
        )
        .encodeResponse(status: status, for: request)
    }

    @Sendable func assignmentPage(_ request: Request) async throws -> Response {
        let record = try await EvaluationPanels.findAssignment(
            request.parameters.get("assignmentID"), for: try request.requireAccount(), on: request.db)
        return try await Self.render(record, for: request)
    }

    @Sendable func declare(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let conflict: String
            let statement: String?
        }
        let form = try request.decodeForm(Form.self)
        let account = try request.requireAccount()
        let record = try await EvaluationPanels.findAssignment(
            request.parameters.get("assignmentID"), for: account, on: request.db)
        guard form.conflict == "yes" || form.conflict == "no" else {
            throw AppError.invalid("invalid_form", "Choose whether you have a conflict.")
        }
        return try await request.formAction(
            redirectTo: Endpoints.assignmentPage.link([.assignmentID: try record.requireID().uuidString]),
            rerender: { message, status in try await Self.render(record, error: message, status: status, for: request) }
        ) {
            try await EvaluationPanels.declare(
                record, conflict: form.conflict == "yes", statement: form.statement ?? "", account: account,
                now: request.now, on: request.db)
        }
    }

    /// Score fields arrive as `score_<criterion>` and `why_<criterion>`.
    @Sendable func score(_ request: Request) async throws -> Response {
        let account = try request.requireAccount()
        let record = try await EvaluationPanels.findAssignment(
            request.parameters.get("assignmentID"), for: account, on: request.db)
        let fields = try request.decodeForm([String: String].self)
        var entries: [String: Scorecard.Entry] = [:]
        for (key, value) in fields where key.hasPrefix("score_") {
            let criterion = String(key.dropFirst("score_".count))
            guard let score = Double(value.trimmed) else {
                return try await Self.render(
                    record, error: Strings.text("text.scoresAreNumbersFrom0To", request.language), typed: fields,
                    status: .badRequest, for: request)
            }
            entries[criterion] = Scorecard.Entry(score: score, justification: fields["why_" + criterion] ?? "")
        }
        return try await request.formAction(
            redirectTo: Endpoints.assignmentPage.link([.assignmentID: try record.requireID().uuidString]),
            flash: Strings.text("text.scorecardSubmitted", request.language),
            // A refused scorecard comes back with every score and justification as typed.
            rerender: { message, status in
                try await Self.render(record, error: message, typed: fields, status: status, for: request)
            }
        ) {
            try await EvaluationPanels.submitScorecard(
                record, card: Scorecard(entries: entries), account: account, on: request.db)
        }
    }
}
