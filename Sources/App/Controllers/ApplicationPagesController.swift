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

        /// The plan, or a 400 naming the line that could not be read.
        func plan(ruleTitles: [String: String]) throws -> DistrictPlan {
            func lines(_ text: String) -> [[String]] {
                text.split(whereSeparator: \.isNewline).map { $0.split(separator: "|").map { String($0).trimmed } }
                    .filter { !$0.allSatisfy(\.isEmpty) }
            }
            func won(_ text: String, _ field: String) throws -> Int64 {
                let digits = text.filter { $0 != "," && !$0.isWhitespace }
                if digits.isEmpty { return 0 }
                guard let value = Int64(digits) else {
                    throw AppError.invalid("invalid_amount", "\(field): write a whole number of won.")
                }
                return value
            }
            let operators = try lines(self.operators).map { parts -> DistrictPlan.ZoneOperator in
                guard parts.count == 2 else {
                    throw AppError.invalid("invalid_line", "Zone operators: write each as 'name | 123-45-67890'.")
                }
                return DistrictPlan.ZoneOperator(name: parts[0], businessRegistrationNumber: parts[1])
            }
            let kpis = try lines(self.kpis).map { parts -> DistrictPlan.KPI in
                guard parts.count == 3, let target = Double(parts[2].filter { $0 != "," }) else {
                    throw AppError.invalid("invalid_line", "KPIs: write each as 'name | unit | target'.")
                }
                return DistrictPlan.KPI(name: parts[0], unit: parts[1], target: target)
            }
            var exemptions = (exemptionRules ?? []).map {
                DistrictPlan.RequestedExemption(ruleID: $0, description: ruleTitles[$0] ?? $0)
            }
            exemptions += lines(otherExemptions).map {
                DistrictPlan.RequestedExemption(description: $0.joined(separator: " | "))
            }
            let areaText = area.trimmed
            guard areaText.isEmpty || Double(areaText) != nil else {
                throw AppError.invalid("invalid_area", "Area: write a number of km².")
            }
            let periodText = periodYears.trimmed
            guard periodText.isEmpty || Int(periodText) != nil else {
                throw AppError.invalid("invalid_period", "Period: write a whole number of years.")
            }
            return DistrictPlan(
                name: name.trimmed, location: location.trimmed, areaSquareKilometres: Double(areaText),
                industry: industry.trimmed,
                periodYears: Int(periodText), zoneOperators: operators, exemptions: exemptions, kpis: kpis,
                financing: .init(
                    stateWon: try won(stateWon, "State"), localWon: try won(localWon, "Local"),
                    privateWon: try won(privateWon, "Private")),
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

    @Sendable func submit(_ request: Request) async throws -> Response {
        struct Empty: Decodable {}
        _ = try request.decodeForm(Empty.self)
        let record = try await DesignationApplications.find(request.parameters.get("applicationID"), on: request.db)
        let account = try request.requireAccount()
        try DesignationApplications.requireOwner(record, account)
        return try await attempt(request, record, form: nil, flash: Strings.text("text.submitted", request.language)) {
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
