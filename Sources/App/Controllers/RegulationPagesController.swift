import Fluent
import RegulationEngine
import TeukguCore
import Vapor

/// "May I do this here?" for everyone: districts, regimes, the step-by-step check and verdicts.
struct RegulationPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.regulationHome, use: home)
        routes.on(Endpoints.regimePage, use: regime)
        routes.on(Endpoints.checkPage, use: checkPage)
        routes.on(Endpoints.checkForm, use: check)
        routes.on(Endpoints.verdictPage, use: verdict)
        routes.on(Endpoints.decisionLogPage, use: log)
        routes.on(Endpoints.statisticsPage, use: statistics)
    }

    struct DistrictLink: Encodable {
        let name: String
        let regime: String
        let check: String
    }

    @Sendable func home(_ request: Request) async throws -> View {
        let language = request.language
        let live = request.application.rulebooks.live
        let links = (live?.snapshot.districts ?? []).map { id -> DistrictLink in
            let title = live?.set.rulebooks.first { $0.scope == .district(id) }?.title
            return DistrictLink(
                name: title?.text(language) ?? id, regime: Endpoints.regimePage.link([.district: id]),
                check: Endpoints.checkPage.link([.district: id]))
        }
        return try await request.renderPage(
            "regulation-home", titleKey: "regulation.title", RegulationHomePage(districts: links))
    }

    @Sendable func regime(_ request: Request) async throws -> View {
        let district = request.parameters.get("district") ?? ""
        let regime = try RegimeView.build(district: district, library: request.application.rulebooks, asOf: nil)
        let titles = (request.application.rulebooks.live?.set.rulebooks ?? []).flatMap(\.rules).map {
            ($0.id, $0.title.text(request.language))
        }
        let page = RegimePage(
            regime: regime, check: Endpoints.checkPage.link([.district: district]),
            json: Endpoints.apiRegulationRegime.link([.district: district]),
            yaml: Endpoints.apiRegulationRegime.link([.district: district], query: ["format": "yaml"]),
            language: request.language,
            ruleTitles: Dictionary(titles, uniquingKeysWith: { first, _ in first }))
        return try await request.renderPage(
            "regime", titleKey: "regulation.title",
            title: Strings.pick(regime.titleKorean, regime.titleEnglish, request.language), page)
    }

    struct Field: Encodable {
        let path: String
        let label: String
        let help: String?
        let kind: String
        let options: [Option]
        let value: String
        /// The answer as the reader says it: the choice's words, yes or no, a number with its unit.
        let shown: String
        /// A number's unit, written after the input.
        let unit: String?
        let minimum: String?
    }

    struct Option: Encodable {
        let value: String
        let label: String
    }

    /// The first step asks what the activity is and who does it; the engine then names what else it needs.
    static let firstQuestions = ["activity.kind", "company.isZoneOperator"]

    @Sendable func checkPage(_ request: Request) async throws -> Response {
        let district = request.parameters.get("district") ?? ""
        let all = (try? request.query.get(String.self, at: "all")) == "1"
        return try await renderCheck(
            request, district: district, answers: [:], asking: all ? nil : Self.firstQuestions, asOf: request.today.iso,
            error: nil, status: .ok)
    }

    private func renderCheck(
        _ request: Request, district: String, answers: [String: String], asking: [String]?, asOf: String,
        error: String?, status: HTTPResponseStatus, step: String? = nil
    ) async throws -> Response {
        guard let live = request.application.rulebooks.live, live.snapshot.districts.contains(district) else {
            throw AppError(.notFound, "unknown_district", "No rulebook covers district '\(district)'.")
        }
        let language = request.language
        let declarations = live.snapshot.factDeclarations(district: district)
        let books = live.set.rulebooks.filter { $0.scope == .national || $0.scope == .district(district) }
        func field(_ declaration: FactDeclaration) -> Field {
            let kind: String
            var options: [String] = []
            switch declaration.type {
            case .enumeration(let values):
                kind = "select"
                options = values
            case .bool: kind = "bool"
            case .number: kind = "number"
            case .date: kind = "date"
            case .list: kind = "text"
            case .string:
                options = FactHints.values(for: declaration.path, in: books)
                kind = options.isEmpty ? "text" : "select"
            }
            let value = answers[declaration.path] ?? ""
            var unit: String?
            if case .number(let declared) = declaration.type { unit = declared.map { Strings.unit($0, language) } }
            let shown: String =
                switch kind {
                case "bool": Strings.text(value == "true" ? "tpl.check.yes" : "tpl.check.no", language)
                case "select": declaration.choiceLabel(value).text(language)
                default: unit.map { value + " " + $0 } ?? value
                }
            return Field(
                path: declaration.path, label: declaration.label.text(language), help: declaration.help?.text(language),
                kind: kind,
                options: options.map { Option(value: $0, label: declaration.choiceLabel($0).text(language)) },
                value: value, shown: shown, unit: unit,
                minimum: declaration.minimum.map { $0.formatted(.number.grouping(.never)) })
        }
        let asked = declarations.filter { declaration in
            guard answers[declaration.path] == nil else { return false }
            return asking.map { $0.contains(declaration.path) } ?? true
        }
        let answered = declarations.filter { answers[$0.path] != nil }
        let title = books.first { $0.scope == .district(district) }?.title.text(language) ?? district
        let intro =
            answers.isEmpty
            ? Strings.text("text.startWithWhatYouWantTo", language)
            : Strings.text("text.toDecideTheRulesNeedThese", language)
        let page = CheckPage(
            district: district, districtName: title, action: Endpoints.checkForm.link([.district: district]),
            asOf: asOf,
            fields: asked.map(field), answered: answered.map(field),
            showAll: Endpoints.checkPage.link([.district: district], query: ["all": "1"]), intro: intro, error: error,
            step: step)
        return try await request.renderPage("check", titleKey: "regulation.title", title: title, needsForm: true, page)
            .encodeResponse(status: status, for: request)
    }

    @Sendable func check(_ request: Request) async throws -> Response {
        let district = request.parameters.get("district") ?? ""
        var form = try request.decodeForm([String: String].self)
        form["csrf"] = nil
        let continuing = Self.continuedStep(request, named: form.removeValue(forKey: Self.stepField))
        let asOfText = form.removeValue(forKey: "asOf") ?? request.today.iso
        guard let live = request.application.rulebooks.live, live.snapshot.districts.contains(district) else {
            throw AppError(.notFound, "unknown_district", "No rulebook covers district '\(district)'.")
        }
        let answers = form.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let asOf = CalendarDate(iso: asOfText) else {
            return try await renderCheck(
                request, district: district, answers: answers, asking: nil, asOf: asOfText,
                error: Strings.text("text.giveTheDateAsYyyyMm", request.language), status: .badRequest,
                step: continuing?.uuidString.lowercased())
        }
        let declarations = Dictionary(
            live.snapshot.factDeclarations(district: district).map { ($0.path, $0) },
            uniquingKeysWith: { first, _ in first })
        var facts: [String: FactValue] = [:]
        for (path, text) in answers {
            guard let declaration = declarations[path] else { continue }
            guard let value = Self.value(text, type: declaration.type), Self.withinBounds(value, declaration) else {
                // Ask the faulty question again rather than carrying the bad answer forward.
                var kept = answers
                kept[path] = nil
                return try await renderCheck(
                    request, district: district, answers: kept, asking: [path], asOf: asOfText,
                    error: Strings.text("text.checkThisAnswer", request.language)
                        + declaration.label.text(request.language), status: .badRequest,
                    step: continuing?.uuidString.lowercased())
            }
            facts[path] = value
        }
        let account = request.account
        try await RegulationCheck.limitAnonymous(request)
        let companyID = try RegulationCheck.company(for: account, asked: nil)
        let answer: RegulationCheck.Answer
        do {
            answer = try await RegulationCheck.run(
                EvaluationRequest(district: district, asOf: asOf, facts: facts), channel: "page",
                account: account, companyID: companyID, app: request.application, continuing: continuing)
        } catch let error as AppError where error.status.code < 500 {
            return try await renderCheck(
                request, district: district, answers: answers, asking: nil, asOf: asOfText,
                error: ErrorTexts.message(for: error, language: request.language),
                status: error.status, step: continuing?.uuidString.lowercased())
        }
        if answer.decision.outcome == .indeterminate {
            let step = answer.record.id.uuidString.lowercased()
            request.session.data[Self.stepSessionKey] = step
            return try await renderCheck(
                request, district: district, answers: answers, asking: answer.decision.missingFacts.map(\.path),
                asOf: asOfText, error: nil, status: .ok, step: step)
        }
        request.session.data[Self.stepSessionKey] = nil
        return request.redirect(to: Endpoints.verdictPage.link([.decisionID: answer.record.id.uuidString.lowercased()]))
    }

    static let stepField = "_step"
    static let stepSessionKey = "regulation.step"

    /// The earlier step this submission continues: the form names it and this session was shown it,
    /// so nobody can mark another visitor's check as continued.
    static func continuedStep(_ request: Request, named: String?) -> UUID? {
        guard let named, request.hasSessionCookie, request.session.data[stepSessionKey] == named else { return nil }
        return UUID(uuidString: named)
    }

    static func withinBounds(_ value: FactValue, _ declaration: FactDeclaration) -> Bool {
        guard let minimum = declaration.minimum, case .number(let number) = value else { return true }
        return number >= minimum
    }

    static func value(_ text: String, type: FactType) -> FactValue? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch type {
        case .number: return Double(trimmed.replacingOccurrences(of: ",", with: "")).map(FactValue.number)
        case .bool: return trimmed == "true" ? .bool(true) : (trimmed == "false" ? .bool(false) : nil)
        case .date: return CalendarDate(iso: trimmed).map(FactValue.date)
        case .list: return .list(trimmed.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) })
        case .enumeration(let values): return values.contains(trimmed) ? .string(trimmed) : nil
        case .string: return .string(trimmed)
        }
    }

    @Sendable func verdict(_ request: Request) async throws -> View {
        guard let id = request.parameters.get("decisionID", as: UUID.self),
            let record = try await RegulationDecisionRecord.find(id, on: request.db),
            let document = DecisionDocument.parse(record.decision)
        else { throw AppError.notFound("decision") }
        let version = try await RulebookVersionRecord.find(record.versionID, on: request.db)?.number ?? 0
        let page = VerdictPage(
            document: document, id: id, version: version, decidedAt: record.decidedAt, language: request.language,
            permalink: request.publicBaseURL + Endpoints.verdictPage.link([.decisionID: id.uuidString.lowercased()]),
            again: Endpoints.checkPage.link([.district: record.district]),
            rulebooks: request.application.rulebooks.compiled(versionID: record.versionID)?.set.rulebooks ?? [],
            certifications: try await record.companyID.asyncMap {
                try await Certifications.list(company: $0, on: request.db)
            })
        return try await request.renderPage("verdict", titleKey: "regulation.verdict", page)
    }
}
