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

    @Sendable func panelPage(_ request: Request) async throws -> View {
        struct Row: Encodable {
            let applicationID: String
            let label: String
            let mean: String
            let spread: String
            let outlier: Bool
            let scores: [String]
        }
        struct PanelPage: Encodable {
            let panel: PanelDTO
            let stageTitle: String
            let callHref: String
            let rows: [Row]
            let consensusAction: String
            let finaliseAction: String
            let labels: [String: String]
            let open: Bool
        }
        let record = try await EvaluationPanels.findPanel(request.parameters.get("panelID"), on: request.db)
        let dto = try await PanelDTO.make(record, on: request.db)
        let (programme, stage, index) = try await EvaluationPanels.stage(of: record, on: request.db)
        let entrants = try await programme.entrants(callID: record.callID, stageIndex: index, on: request.db)
        let labels = Dictionary(
            entrants.map { ($0.applicationID.uuidString, $0.label) }, uniquingKeysWith: { first, _ in first })
        let rows = dto.applications.map { application in
            Row(
                applicationID: application.applicationID.uuidString,
                label: labels[application.applicationID.uuidString] ?? application.applicationID.uuidString,
                mean: application.mean.map { String(format: "%.2f", $0) } ?? "—",
                spread: String(format: "%.2f", application.spread),
                outlier: application.hasOutliers,
                scores: application.scores.map {
                    "\($0.evaluator): \(String(format: "%.2f", $0.total))\($0.isOutlier ? " ⚠" : "") (r\($0.round))"
                })
        }
        let id = try record.requireID().uuidString
        return try await request.renderPage(
            "evaluation-panel", titleKey: "nav.designation",
            title: Strings.pick(stage.titleKorean, stage.titleEnglish, request.language),
            needsForm: true,
            PanelPage(
                panel: dto, stageTitle: Strings.pick(stage.titleKorean, stage.titleEnglish, request.language),
                callHref: Endpoints.callPage.link([.callID: record.callID.uuidString]), rows: rows,
                consensusAction: Endpoints.consensusForm.link([.panelID: id]),
                finaliseAction: Endpoints.finaliseForm.link([.panelID: id]),
                labels: labels, open: record.status == .scoring))
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

    struct AssignmentPage: Encodable {
        let dto: AssignmentDTO
        let statusText: String
        let planName: String
        let declareAction: String
        let scoreAction: String
        let canDeclare: Bool
        let canScore: Bool
        let criteria: [CriterionRow]
        let error: String?
    }

    struct CriterionRow: Encodable {
        let id: String
        let title: String
        let weight: Int
        let score: String
        let justification: String
    }

    static func render(
        _ record: EvaluationAssignmentRecord, error: String? = nil, status: HTTPResponseStatus = .ok,
        for request: Request
    ) async throws -> Response {
        let dto = try await AssignmentDTO.make(record, detail: true, on: request)
        let id = dto.id.uuidString
        let criteria = (dto.criteria ?? []).map { criterion in
            CriterionRow(
                id: criterion.id, title: Strings.pick(criterion.titleKorean, criterion.titleEnglish, request.language),
                weight: criterion.weight,
                score: dto.myScorecard?.entries[criterion.id].map { String(format: "%g", $0.score) } ?? "",
                justification: dto.myScorecard?.entries[criterion.id]?.justification ?? "")
        }
        let page = AssignmentPage(
            dto: dto, statusText: statusText(dto.status, request.language),
            planName: dto.disclosure.dropFirst().first ?? "",
            declareAction: Endpoints.declarationForm.link([.assignmentID: id]),
            scoreAction: Endpoints.scorecardForm.link([.assignmentID: id]),
            canDeclare: dto.status == .awaitingDeclaration, canScore: dto.status == .declaredNoConflict,
            criteria: criteria, error: error)
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
                    record, error: Strings.text("text.scoresAreNumbersFrom0To", request.language),
                    status: .badRequest, for: request)
            }
            entries[criterion] = Scorecard.Entry(score: score, justification: fields["why_" + criterion] ?? "")
        }
        return try await request.formAction(
            redirectTo: Endpoints.assignmentPage.link([.assignmentID: try record.requireID().uuidString]),
            flash: Strings.text("text.scorecardSubmitted", request.language),
            rerender: { message, status in try await Self.render(record, error: message, status: status, for: request) }
        ) {
            try await EvaluationPanels.submitScorecard(
                record, card: Scorecard(entries: entries), account: account, on: request.db)
        }
    }
}
