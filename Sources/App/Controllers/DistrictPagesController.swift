import Fluent
import Foundation
import TeukguCore
import Vapor

/// A district in operation: its period, operators, plan changes and annual evaluations, with the
/// region's and the ministry's forms.
struct DistrictPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.districtPage, use: page)
        routes.on(Endpoints.planChangeForm, use: planChange)
        routes.on(Endpoints.planChangeDecisionForm, use: decideChange)
        routes.on(Endpoints.extensionForm, use: extend)
        routes.on(Endpoints.dedesignationForm, use: dedesignate)
        routes.on(Endpoints.selfEvaluationForm, use: selfEvaluate)
        routes.on(Endpoints.panelEvaluationForm, use: panelEvaluate)
    }

    /// Loads the district once, then builds its model (`DistrictPage`).
    @Sendable func page(_ request: Request) async throws -> View {
        let (record, district) = try await DistrictOperations.viewWithRecord(
            request.parameters.get("districtID"), request)
        let regime = try? RegimeView.build(
            district: district.id, library: request.application.rulebooks, asOf: request.today)
        let page = DistrictPage(
            district, record: record, regime: regime,
            region: try await RegionRecord.find(district.regionID, on: request.db), viewer: request.account,
            today: request.today, language: request.language)
        return try await request.renderPage(
            "district", titleKey: "nav.districts", title: page.name, needsForm: true, page)
    }

    private func back(_ request: Request, _ district: DistrictRecord) throws -> Response {
        request.redirect(to: Endpoints.districtPage.link([.districtID: try district.requireID()]))
    }

    @Sendable func planChange(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let kind: String
            let description: String
            let add: String?
            let remove: String?
        }
        let form = try request.decodeForm(Form.self)
        let (district, operation) = try await DistrictOperations.find(
            request.parameters.get("districtID"), on: request.db)
        let add = try (form.add ?? "").split(whereSeparator: \.isNewline).map { line -> DistrictPlan.ZoneOperator in
            let parts = line.split(separator: "|").map { String($0).trimmed }
            guard parts.count == 2 else {
                throw AppError.invalid("invalid_line", "Write each new operator as 'name | 123-45-67890'.")
            }
            return DistrictPlan.ZoneOperator(name: parts[0], businessRegistrationNumber: parts[1])
        }
        let remove = (form.remove ?? "").split(whereSeparator: { $0.isNewline || $0 == "," }).map { String($0).trimmed }
            .filter { !$0.isEmpty }
        try await DistrictOperations.fileChange(
            PlanChangeInput(kind: form.kind, description: form.description, addOperators: add, removeOperators: remove),
            district: district, operation: operation, account: try request.requireAccount(), today: request.today,
            on: request.db)
        return try back(request, district)
    }

    @Sendable func decideChange(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let approve: String
            let reason: String
        }
        let form = try request.decodeForm(Form.self)
        guard let number = request.parameters.get("number").flatMap(Int.init) else {
            throw AppError.notFound("plan change")
        }
        let (district, operation) = try await DistrictOperations.find(
            request.parameters.get("districtID"), on: request.db)
        try await DistrictOperations.decideChange(
            number: number, PlanChangeDecisionInput(approve: form.approve == "yes", reason: form.reason),
            district: district,
            operation: operation, account: try request.requireAccount(), today: request.today, on: request.db)
        return try back(request, district)
    }

    @Sendable func extend(_ request: Request) async throws -> Response {
        struct Form: Decodable { let months: Int }
        let form = try request.decodeForm(Form.self)
        let (district, operation) = try await DistrictOperations.find(
            request.parameters.get("districtID"), on: request.db)
        try await DistrictOperations.extend(
            ExtensionInput(years: nil, months: form.months, reason: nil), district: district, operation: operation,
            account: try request.requireAccount(), today: request.today, on: request.db)
        return try back(request, district)
    }

    @Sendable func dedesignate(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let on: String
            let reason: String
        }
        let form = try request.decodeForm(Form.self)
        let (district, operation) = try await DistrictOperations.find(
            request.parameters.get("districtID"), on: request.db)
        try await DistrictOperations.dedesignate(
            DedesignationInput(on: form.on, reason: form.reason), district: district, operation: operation,
            account: try request.requireAccount(), on: request.db)
        return try back(request, district)
    }

    /// KPI actuals arrive as `actual_<index>` beside the KPI list the page showed.
    @Sendable func selfEvaluate(_ request: Request) async throws -> Response {
        let fields = try request.decodeForm([String: String].self)
        let (district, operation) = try await DistrictOperations.find(
            request.parameters.get("districtID"), on: request.db)
        let kpis = try JSONColumn.decode([DistrictPlan.KPI].self, operation.kpisJSON)
        guard let year = fields["year"].flatMap({ Int($0) }), let score = fields["selfScore"].flatMap({ Double($0) })
        else {
            throw AppError.invalid("invalid_form", "Give the year and a self-evaluation score.")
        }
        var actuals: [SelfEvaluationInput.Actual] = []
        for (index, kpi) in kpis.enumerated() {
            guard let text = fields["actual_\(index)"]?.trimmed, !text.isEmpty else { continue }
            guard let value = Double(text) else {
                throw AppError.invalid("invalid_actual", "'\(kpi.name)': write a number.")
            }
            actuals.append(.init(name: kpi.name, actual: value))
        }
        try await DistrictOperations.selfEvaluate(
            SelfEvaluationInput(year: year, actuals: actuals, selfScore: score, comment: fields["comment"]),
            district: district, operation: operation, account: try request.requireAccount(), today: request.today,
            on: request.db)
        return try back(request, district)
    }

    @Sendable func panelEvaluate(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let year: Int
            let score: Double
            let comment: String?
        }
        let form = try request.decodeForm(Form.self)
        let (district, _) = try await DistrictOperations.find(request.parameters.get("districtID"), on: request.db)
        try await DistrictOperations.panelEvaluate(
            PanelEvaluationInput(year: form.year, score: form.score, comment: form.comment), district: district,
            account: try request.requireAccount(), today: request.today, on: request.db)
        return try back(request, district)
    }
}
