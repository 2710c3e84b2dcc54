import Fluent
import TeukguCore
import Vapor

/// The public pages for parameters, holidays and the deadline calculator, with admin forms.
struct LegalTimeController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.parametersPage, use: parametersPage)
        routes.on(Endpoints.addParameterVersionForm, use: addVersion)
        routes.on(Endpoints.holidaysPage, use: holidaysPage)
        routes.on(Endpoints.addHolidayForm, use: addHoliday)
        routes.on(Endpoints.deleteHolidayForm, use: deleteHoliday)
        routes.on(Endpoints.deadlinePage, use: deadlinePage)
        routes.on(Endpoints.computeDeadlineForm, use: computeDeadline)
    }

    @Sendable func parametersPage(_ request: Request) async throws -> View {
        let page = ParametersPage(
            try await LegalTimeStore.catalog(on: request.db), viewer: request.account, today: request.today,
            language: request.language, error: try? request.query.get(String.self, at: "error"))
        return try await request.renderPage("parameters", titleKey: "nav.parameters", page)
    }

    @Sendable func addVersion(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let unit: String
            let amount: Int64
            let effectiveFrom: String
            let law: String
            let article: String
            let note: String?
        }
        let form = try request.decodeForm(Form.self)
        let input = NewParameterVersionInput(
            unit: form.unit, amount: form.amount, effectiveFrom: form.effectiveFrom, law: form.law,
            article: form.article, amendment: nil, amendmentDate: nil, note: form.note)
        let (value, from, citation) = try input.validated()
        _ = try await LegalTimeStore.addVersion(
            key: request.parameters.get("key") ?? "", value: value, effectiveFrom: from, citation: citation,
            actor: try request.requireAccount().auditActor, today: request.today, on: request.db)
        Flashes.set(Strings.text("text.versionAdded", request.language), on: request)
        return request.redirect(to: Endpoints.parametersPage.link())
    }

    @Sendable func holidaysPage(_ request: Request) async throws -> View {
        let page = HolidaysPage(
            try await HolidayRecord.query(on: request.db).all(),
            coveredYears: Set(try await HolidayYearRecord.query(on: request.db).all().compactMap(\.id)),
            viewer: request.account, language: request.language)
        return try await request.renderPage("holidays", titleKey: "nav.holidays", page)
    }

    @Sendable func addHoliday(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let date: String
            let nameKorean: String
            let nameEnglish: String
            let kind: String
            let completesYear: String?
        }
        let form = try request.decodeForm(Form.self)
        _ = try await HolidayEditing.add(
            NewHolidayInput(
                date: form.date, nameKorean: form.nameKorean, nameEnglish: form.nameEnglish,
                kind: form.kind, completesYear: form.completesYear == "on"),
            actor: try request.requireAccount().auditActor, on: request.db)
        Flashes.set(form.date, on: request)
        return request.redirect(to: Endpoints.holidaysPage.link())
    }

    @Sendable func deleteHoliday(_ request: Request) async throws -> Response {
        struct Empty: Decodable {}
        _ = try request.decodeForm(Empty.self)
        try await HolidayEditing.remove(
            date: request.parameters.get("date") ?? "", actor: try request.requireAccount().auditActor, on: request.db)
        return request.redirect(to: Endpoints.holidaysPage.link())
    }

    struct DeadlineForm: Codable {
        var start: String = ""
        var startTime: String? = nil
        var amount: Int? = 30
        var unit: String = "days"
        var rule: String = "civil-act"
        var pauseFrom: String? = nil
        var pauseTo: String? = nil
        var asOf: String? = nil
    }

    @Sendable func deadlinePage(_ request: Request) async throws -> View {
        var form = DeadlineForm()
        form.start = request.today.iso
        return try await request.renderPage(
            "deadline", titleKey: "nav.deadline", needsForm: true,
            DeadlinePage(form: form, action: Endpoints.computeDeadlineForm.link(), clock: nil, error: nil))
    }

    @Sendable func computeDeadline(_ request: Request) async throws -> Response {
        let form = try request.decodeForm(DeadlineForm.self)
        var pauses: [[String: String?]] = []
        if let from = form.pauseFrom?.nilIfEmpty { pauses.append(["from": from, "to": form.pauseTo?.nilIfEmpty]) }
        let input = LegalClockInput(
            start: form.start, startTime: form.startTime?.nilIfEmpty, length: [form.unit: form.amount ?? 0],
            rule: form.rule, pauses: pauses, asOf: form.asOf?.nilIfEmpty)
        do {
            let spec = try input.spec()
            let asOf = try input.asOfDate(default: request.today)
            let result = try LegalClock(holidays: try await LegalTimeStore.holidays(on: request.db)).compute(
                spec, asOf: asOf)
            let page = DeadlinePage(
                form: form, action: Endpoints.computeDeadlineForm.link(),
                clock: ClockView(result: result, asOf: asOf, language: request.language), error: nil)
            return try await request.renderPage("deadline", titleKey: "nav.deadline", needsForm: true, page)
                .encodeResponse(for: request)
        } catch {
            let mapped = TeukguErrorMiddleware.classify(error)
            guard mapped.status.code < 500 else { throw error }
            let page = DeadlinePage(
                form: form, action: Endpoints.computeDeadlineForm.link(), clock: nil,
                error: ErrorTexts.message(for: mapped, language: request.language))
            return try await request.renderPage("deadline", titleKey: "nav.deadline", needsForm: true, page)
                .encodeResponse(status: mapped.status, for: request)
        }
    }
}
