import Fluent
import Foundation
import TeukguCore
import Vapor

/// The application page: the region drafts, saves and submits; everyone else who may read it reads it.
struct ApplicationPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.applicationPage, use: page)
        routes.on(Endpoints.saveApplicationForm, use: save)
        routes.on(Endpoints.submitApplicationForm, use: submit)
        routes.on(Endpoints.withdrawApplicationForm, use: withdraw)
        routes.on(Endpoints.infoRequestForm, use: requestInformation)
    }

    /// The plan as a form: lists are one entry per line, fields separated by "|".
    struct PlanForm: Codable {
        var name: String = ""
        var location: String = ""
        var area: String = ""
        var industry: String = ""
        var periodYears: String = ""
        var operators: String = ""
        var kpis: String = ""
        var exemptionRules: [String]? = nil
        var otherExemptions: String = ""
        var stateWon: String = ""
        var localWon: String = ""
        var privateWon: String = ""
        var safety: String = ""
        var environment: String = ""
        var privacy: String = ""
        var documentIDs: [String]? = nil

        init() {}

        init(_ plan: DistrictPlan) {
            name = plan.name
            location = plan.location
            area = plan.areaSquareKilometres.map { String($0) } ?? ""
            industry = plan.industry
            periodYears = plan.periodYears.map(String.init) ?? ""
            operators = plan.zoneOperators.map {
                "\($0.name) | \(BusinessRegistrationNumber($0.businessRegistrationNumber)?.description ?? $0.businessRegistrationNumber)"
            }.joined(separator: "\n")
            kpis = plan.kpis.map { "\($0.name) | \($0.unit) | \(Self.number($0.target))" }.joined(separator: "\n")
            exemptionRules = plan.exemptions.compactMap(\.ruleID)
            otherExemptions = plan.exemptions.filter { $0.ruleID == nil }.map(\.description).joined(separator: "\n")
            stateWon = plan.financing.stateWon == 0 ? "" : String(plan.financing.stateWon)
            localWon = plan.financing.localWon == 0 ? "" : String(plan.financing.localWon)
            privateWon = plan.financing.privateWon == 0 ? "" : String(plan.financing.privateWon)
            safety = plan.measures.safety
            environment = plan.measures.environment
            privacy = plan.measures.privacy
            documentIDs = plan.documentIDs
        }

        static func number(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        }

        /// The plan, or a 400 naming every field that could not be read (each beside its field).
        func plan(ruleTitles: [String: String]) throws -> DistrictPlan {
            var issues: [FieldIssue] = []
            func lines(_ text: String) -> [[String]] {
                text.split(whereSeparator: \.isNewline).map { $0.split(separator: "|").map { String($0).trimmed } }
                    .filter { !$0.allSatisfy(\.isEmpty) }
            }
            func won(_ text: String, _ field: String, _ korean: String, _ english: String) -> Int64 {
                let digits = text.filter { $0 != "," && !$0.isWhitespace }
                if digits.isEmpty { return 0 }
                guard let value = Int64(digits), value >= 0 else {
                    issues.append(
                        FieldIssue(
                            field: field, korean: "\(korean): 금액은 원 단위의 0 이상 정수로 적어 주세요(예: 1,500,000,000).",
                            english: "\(english): write a whole number of won, 0 or more (e.g. 1,500,000,000)."))
                    return 0
                }
                return value
            }
            var operators: [DistrictPlan.ZoneOperator] = []
            for (index, parts) in lines(self.operators).enumerated() {
                guard parts.count == 2 else {
                    issues.append(
                        FieldIssue(
                            field: "operators",
                            korean: "특구사업자 \(index + 1)번째 줄: ‘이름 | 123-45-67890’ 형식으로 적어 주세요.",
                            english: "Zone operators, line \(index + 1): write it as 'name | 123-45-67890'."))
                    continue
                }
                operators.append(DistrictPlan.ZoneOperator(name: parts[0], businessRegistrationNumber: parts[1]))
            }
            var kpis: [DistrictPlan.KPI] = []
            for (index, parts) in lines(self.kpis).enumerated() {
                guard parts.count == 3, let target = Double(parts[2].filter { $0 != "," }), target.isFinite else {
                    issues.append(
                        FieldIssue(
                            field: "kpis", korean: "성과지표 \(index + 1)번째 줄: ‘이름 | 단위 | 목표’ 형식으로 적어 주세요.",
                            english: "KPIs, line \(index + 1): write it as 'name | unit | target'."))
                    continue
                }
                kpis.append(DistrictPlan.KPI(name: parts[0], unit: parts[1], target: target))
            }
            var exemptions = (exemptionRules ?? []).map {
                DistrictPlan.RequestedExemption(ruleID: $0, description: ruleTitles[$0] ?? $0)
            }
            exemptions += lines(otherExemptions).map {
                DistrictPlan.RequestedExemption(description: $0.joined(separator: " | "))
            }
            let areaText = area.trimmed.replacingOccurrences(of: ",", with: "")
            if !areaText.isEmpty && Double(areaText).map({ $0.isFinite }) != true {
                issues.append(
                    FieldIssue(
                        field: "area", korean: "면적은 km² 단위의 숫자로 적어 주세요(예: 12.5).",
                        english: "Area: write a number of km² (e.g. 12.5)."))
            }
            let periodText = periodYears.trimmed
            if !periodText.isEmpty && Int(periodText) == nil {
                issues.append(
                    FieldIssue(
                        field: "period", korean: "기간은 햇수를 정수로 적어 주세요(1–4).",
                        english: "Period: write a whole number of years (1–4)."))
            }
            let financing = DistrictPlan.Financing(
                stateWon: won(stateWon, "state", "국비", "State"), localWon: won(localWon, "local", "지방비", "Local"),
                privateWon: won(privateWon, "private", "민간", "Private"))
            if !issues.isEmpty { throw AppError(.badRequest, "invalid_plan_form", issues: issues) }
            return DistrictPlan(
                name: name.trimmed, location: location.trimmed, areaSquareKilometres: Double(areaText),
                industry: industry.trimmed,
                periodYears: Int(periodText), zoneOperators: operators, exemptions: exemptions, kpis: kpis,
                financing: financing,
                measures: .init(safety: safety.trimmed, environment: environment.trimmed, privacy: privacy.trimmed),
                documentIDs: documentIDs ?? [])
        }
    }

    struct RuleOption: Encodable {
        let id: String
        let title: String
        let checked: Bool
    }

    /// Loads what the page needs once, then builds its model (`DesignationApplicationPage`).
    static func render(
        _ record: DesignationApplicationRecord, form: PlanForm? = nil, error: String? = nil,
        status: HTTPResponseStatus = .ok,
        for request: Request
    ) async throws -> Response {
        let account = try request.requireAccount()
        let call = try await DesignationCalls.find(record.callID.uuidString, on: request.db)
        let isOwner = DesignationApplications.isOwner(record, account)
        let seesFeedback = isOwner || account.role.isMinistry
        let plan = try JSONColumn.decode(DistrictPlan.self, record.planJSON)
        let editing = isOwner && DesignationApplications.isEditable(record, call: call, now: request.now)
        let records = DesignationApplicationPage.Records(
            application: record, call: call, region: try await RegionRecord.find(record.regionID, on: request.db),
            revisions: seesFeedback ? try await DesignationApplications.revisions(record, on: request.db) : [],
            feedback: seesFeedback
                ? try await StageFeedback.forApplication(
                    try record.requireID(), programme: DesignationEvaluation.shared.id, callID: record.callID,
                    stages: DesignationCalls.stages(of: call), language: request.language, on: request.db)
                : [],
            documents: try await AttachableDocuments.options(
                for: account, attached: form?.documentIDs ?? plan.documentIDs, stored: plan.documentIDs,
                editing: editing, on: request.db),
            rules: NationalRules.entries(request.application, language: request.language).map { ($0.id, $0.title) },
            knownRuleIDs: NationalRules.ids(request.application))
        let page = try DesignationApplicationPage(
            records, viewer: account, now: request.now, language: request.language, form: form, error: error)
        return try await request.renderPage(
            "designation-application", titleKey: "nav.designation", title: page.title, needsForm: true, page
        )
        .encodeResponse(status: status, for: request)
    }

    @Sendable func page(_ request: Request) async throws -> Response {
        let record = try await DesignationApplications.find(request.parameters.get("applicationID"), on: request.db)
        try await DesignationApplications.requireReadable(record, by: try request.requireAccount(), on: request.db)
        return try await Self.render(record, for: request)
    }

    private func ruleTitles(_ request: Request) -> [String: String] {
        Dictionary(
            NationalRules.entries(request.application, language: request.language).map { ($0.id, $0.title) },
            uniquingKeysWith: { first, _ in first })
    }

    /// Runs a form action; a refusal re-renders the page with the message and the typed values.
    private func attempt(
        _ request: Request, _ record: DesignationApplicationRecord, form: PlanForm?, flash: String,
        _ action: () async throws -> Void
    ) async throws -> Response {
        try await request.formAction(
            redirectTo: Endpoints.applicationPage.link([.applicationID: try record.requireID().uuidString]),
            flash: flash,
            rerender: { message, status in
                try await Self.render(record, form: form, error: message, status: status, for: request)
            },
            action)
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let form = try request.decodeForm(PlanForm.self)
        let record = try await DesignationApplications.find(request.parameters.get("applicationID"), on: request.db)
        let account = try request.requireAccount()
        try DesignationApplications.requireOwner(record, account)
        return try await attempt(
            request, record, form: form, flash: Strings.text("text.savedNotSubmittedYet", request.language)
        ) {
            let plan = try form.plan(ruleTitles: ruleTitles(request))
            try await DesignationApplications.save(
                record, input: ApplicationInput(plan: plan), account: account,
                knownRules: NationalRules.ids(request.application), now: request.now, on: request.db)
        }
    }

    /// Submits; when the page's form came with it (its Submit button), what was typed is saved
    /// first, so pressing Submit never discards edits. A bare submit (a script) submits as stored.
    @Sendable func submit(_ request: Request) async throws -> Response {
        struct Presence: Decodable { let name: String? }
        let typed = try request.decodeForm(Presence.self).name != nil ? try request.decodeForm(PlanForm.self) : nil
        let record = try await DesignationApplications.find(request.parameters.get("applicationID"), on: request.db)
        let account = try request.requireAccount()
        try DesignationApplications.requireOwner(record, account)
        return try await attempt(request, record, form: typed, flash: Strings.text("text.submitted", request.language))
        {
            if let typed {
                try await DesignationApplications.save(
                    record, input: ApplicationInput(plan: try typed.plan(ruleTitles: ruleTitles(request))),
                    account: account, knownRules: NationalRules.ids(request.application), now: request.now,
                    on: request.db)
            }
            try await DesignationApplications.submit(
                record, account: account,
                context: SubmissionContext(knownRuleIDs: NationalRules.ids(request.application)), now: request.now,
                on: request.db)
        }
    }

    @Sendable func withdraw(_ request: Request) async throws -> Response {
        struct Empty: Decodable {}
        _ = try request.decodeForm(Empty.self)
        let record = try await DesignationApplications.find(request.parameters.get("applicationID"), on: request.db)
        let account = try request.requireAccount()
        try DesignationApplications.requireOwner(record, account)
        return try await attempt(request, record, form: nil, flash: Strings.text("text.withdrawn", request.language)) {
            try await DesignationApplications.withdraw(record, account: account, on: request.db)
        }
    }

    @Sendable func requestInformation(_ request: Request) async throws -> Response {
        struct Form: Decodable { let message: String }
        let form = try request.decodeForm(Form.self)
        let record = try await DesignationApplications.find(request.parameters.get("applicationID"), on: request.db)
        let account = try request.requireAccount()
        return try await attempt(
            request, record, form: nil, flash: Strings.text("text.moreInformationRequested", request.language)
        ) {
            try await DesignationApplications.requestInformation(
                record, message: form.message, account: account, on: request.db)
        }
    }
}
