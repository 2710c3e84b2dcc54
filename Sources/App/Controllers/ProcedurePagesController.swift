import Fluent
import Foundation
import TeukguCore
import Vapor

/// The statutory procedure pages: every candidate with its clocks, and the steps recorded one by one.
struct ProcedurePagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.proceduresPage, use: list)
        routes.on(Endpoints.procedurePage, use: page)
        routes.on(Endpoints.procedureActionForm, use: act)
    }

    struct Row: Encodable {
        let href: String
        let title: String
        let region: String
        let step: String
        let decisionDue: String
        let overdue: Bool
        let district: String?
    }

    @Sendable func list(_ request: Request) async throws -> View {
        let account = try request.requireAccount()
        var query = DesignationProcedureRecord.query(on: request.db)
        if account.role == .regionalOfficial { query = query.filter(\.$regionID == (account.regionID ?? "")) }
        let rules = try await DesignationProcedures.rules(on: request.db)
        let definition = rules.definition
        let rows = try await query.sort(\.$title).all().map { record -> Row in
            let dto = try ProcedureDTO(record, rules: rules, today: request.today)
            let step = definition.step(ProcedureStepID(rawValue: dto.currentStep) ?? .plan)
            return Row(
                href: Endpoints.procedurePage.link([.procedureID: dto.id.uuidString]), title: dto.title,
                region: dto.regionID,
                step: Strings.pick(step.titleKorean, step.titleEnglish, request.language),
                decisionDue: dto.decisionClock?.due ?? "—",
                overdue: dto.decisionOverdue,
                district: dto.districtID.map { Endpoints.districtPage.link([.districtID: $0]) })
        }.sorted { $0.overdue && !$1.overdue }
        return try await request.renderPage("procedures", titleKey: "nav.procedures", rows)
    }

    /// Loads the record's rules and region once, then builds the page's model (`ProcedurePage`).
    static func render(
        _ record: DesignationProcedureRecord, error: String? = nil, status: HTTPResponseStatus = .ok,
        for request: Request
    ) async throws -> Response {
        let page = try ProcedurePage(
            record, region: try await RegionRecord.find(record.regionID, on: request.db),
            rules: try await DesignationProcedures.rules(on: request.db), viewer: request.account, today: request.today,
            language: request.language, error: error)
        return try await request.renderPage(
            "procedure", titleKey: "nav.procedures", title: page.title, needsForm: true, page
        ).encodeResponse(status: status, for: request)
    }

    @Sendable func page(_ request: Request) async throws -> Response {
        let record = try await DesignationProcedures.find(request.parameters.get("procedureID"), on: request.db)
        try DesignationProcedures.requireReadable(record, by: try request.requireAccount())
        return try await Self.render(record, for: request)
    }

    @Sendable func act(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let action: String
            let to: String?
            let date: String?
            let note: String?
            let announcedOn: String?
            let heldOn: String?
            let members: String?
            let present: String?
            let inFavour: String?
            let reason: String?
        }
        let form = try request.decodeForm(Form.self)
        let record = try await DesignationProcedures.find(request.parameters.get("procedureID"), on: request.db)
        func number(_ text: String?) -> Int? { text.flatMap { Int($0.trimmed) } }
        let input = ProcedureActionInput(
            action: form.action, to: form.to?.nilIfEmpty, date: form.date?.nilIfEmpty, note: form.note,
            announcedOn: form.announcedOn?.nilIfEmpty, heldOn: form.heldOn?.nilIfEmpty, members: number(form.members),
            present: number(form.present), inFavour: number(form.inFavour), reason: form.reason)
        let account = try request.requireAccount()
        return try await request.formAction(
            redirectTo: Endpoints.procedurePage.link([.procedureID: try record.requireID().uuidString]),
            rerender: { message, status in try await Self.render(record, error: message, status: status, for: request) }
        ) {
            try await DesignationProcedures.apply(
                input, to: record, account: account, today: request.today, on: request.db)
        }
    }
}
