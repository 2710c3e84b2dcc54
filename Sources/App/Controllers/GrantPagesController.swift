import Fluent
import Foundation
import TeukguCore
import Vapor

/// Grant agreements as pages. Every form carries a fresh idempotency key, so a double click or a
/// resubmitted page moves no money twice; a refused form comes back with what was typed.
struct GrantPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.grantsHome, use: home)
        routes.on(Endpoints.draftGrantAgreementForm, use: draft)
        routes.on(Endpoints.grantAgreementPage, use: show)
        routes.on(Endpoints.grantAgreementActionForm, use: act)
        routes.on(Endpoints.grantReportsPage, use: reports)
    }

    @Sendable func reports(_ request: Request) async throws -> View {
        let account = try request.requireAccount()
        let year = try ApiGrantController.reportYear(request)
        let report = try await GrantCohortReport.load(year: year, for: account, on: request.db)
        let years = Set(try await CollaborationTrackRecord.query(on: request.db).all().map(\.year)).union([year])
        return try await request.renderPage(
            "grant-reports", titleKey: "grant.reportsTitle",
            GrantReportsPage(report, years: years.sorted(by: >), language: request.language))
    }

    @Sendable func home(_ request: Request) async throws -> Response {
        try await Self.renderHome(request, typed: [:], status: .ok)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await Self.renderAgreement(request, typed: [:], status: .ok)
    }

    /// Every field a grant form may send; each action reads the ones it needs.
    struct ActionForm: Decodable {
        var action: String?
        var idempotencyKey: String?
        var reason: String?
        var number: String?
        var amountWon: String?
        var report: String?
        var note: String?
        var category: String?
        var spentOn: String?
        var description: String?
        var from: String?
        var to: String?
        var decision: String?
        var source: String?
        var recordID: String?
        /// Receipts or report documents: the startup's own uploads.
        var documentIDs: [String]?
        // Benefits and outcomes.
        var kind: String?
        var value: String?
        var currency: String?
        var sessions: String?
        var providedOn: String?
        var period: String?
        var hires: String?
        var followOnInvestmentWon: String?
        var revenueWon: String?
        var overseasRevenueWon: String?
        var acquisitions: String?
        var patents: String?
        var partnerPocs: String?
        // The draft's fields.
        var applicationID: String?
        var awardWon: String?
        var starts: String?
        var ends: String?
        var milestone1: String?
        var amount1: String?
        var due1: String?
        var milestone2: String?
        var amount2: String?
        var due2: String?
        var milestone3: String?
        var amount3: String?
        var due3: String?
        var bankName: String?
        var accountHolder: String?
        var accountNumber: String?
        var plan_personnel: String?
        var plan_materials: String?
        var plan_outsourcing: String?
        var plan_equipment: String?
        var plan_activities: String?
        var plan_overseasExpansion: String?
        var plan_intellectualProperty: String?

        /// What was typed, to show again on a refusal (never the account number).
        var typed: [String: String] {
            let mirror = Mirror(reflecting: self)
            var values: [String: String] = [:]
            for child in mirror.children {
                guard let label = child.label, label != "accountNumber", label != "idempotencyKey",
                    let value = child.value as? String?, let value
                else { continue }
                values[label] = value
            }
            return values
        }

        func won(_ text: String?, _ field: String) throws -> Int64 {
            let cleaned = (text ?? "").replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
            guard let value = Int64(cleaned), value >= 0, value <= Money.maximumWon else {
                throw AppError(
                    .unprocessableEntity, "invalid_amount",
                    issues: [
                        .init(field: field, korean: "금액은 원 단위 정수로 적습니다.", english: "Write the amount in whole won.")
                    ])
            }
            return value
        }

        func count(_ text: String?, _ field: String) throws -> Int {
            let value = try won(text?.isEmpty == false ? text : "0", field)
            guard value <= 100_000 else { throw AppError.invalid("invalid_count", "\(field) is at most 100,000.") }
            return Int(value)
        }

        /// The terms typed into a draft or an amendment form.
        func termsInput() throws -> AgreementTermsInput {
            var instalments: [InstalmentInput] = []
            for (index, row) in [(milestone1, amount1, due1), (milestone2, amount2, due2), (milestone3, amount3, due3)]
                .enumerated()
            where !(row.0 ?? "").isEmpty || !(row.1 ?? "").isEmpty {
                instalments.append(
                    .init(milestone: row.0 ?? "", amountWon: try won(row.1, "amount\(index + 1)"), due: row.2 ?? ""))
            }
            var plan: [String: Int64] = [:]
            let lines: [(GrantBudgetCategory, String?)] = [
                (.personnel, plan_personnel), (.materials, plan_materials), (.outsourcing, plan_outsourcing),
                (.equipment, plan_equipment), (.activities, plan_activities),
                (.overseasExpansion, plan_overseasExpansion), (.intellectualProperty, plan_intellectualProperty),
            ]
            for (category, text) in lines where !(text ?? "").isEmpty {
                let amount = try won(text, "plan_\(category)")
                if amount > 0 { plan[category.rawValue] = amount }
            }
            return AgreementTermsInput(
                awardWon: try won(awardWon, "awardWon"), starts: starts ?? "", ends: ends ?? "",
                instalments: instalments, plan: plan)
        }

        func draftInput() throws -> AgreementDraftInput {
            guard let applicationID = applicationID.flatMap(UUID.init(uuidString:)) else {
                throw AppError.notFound("application")
            }
            return AgreementDraftInput(
                applicationID: applicationID, terms: try termsInput(), bankName: bankName ?? "",
                accountHolder: accountHolder ?? "", accountNumber: accountNumber ?? "")
        }
    }

    @Sendable func draft(_ request: Request) async throws -> Response {
        let form = try request.decodeForm(ActionForm.self)
        let account = try request.requireAccount()
        let now = request.now
        return try await request.formAction(
            flash: Strings.text("grant.drafted", request.language),
            rerender: { _, status in try await Self.renderHome(request, typed: form.typed, status: status) }
        ) {
            let input = try form.draftInput()
            let outcome = try await IdempotentWrites.perform(
                key: form.idempotencyKey, caller: account.id, fingerprint: request.idempotencyFingerprint, now: now,
                on: request.db, groupCommit: request.application.sqliteGroupCommit
            ) { database in
                try await GrantAgreements.draft(input, by: account, now: now, on: database).requireID()
            }
            let id = try JSONDecoder().decode(UUID.self, from: outcome.body)
            return Endpoints.grantAgreementPage.link([.agreementID: id.uuidString])
        }
    }

    @Sendable func act(_ request: Request) async throws -> Response {
        let form = try request.decodeForm(ActionForm.self)
        let account = try request.requireAccount()
        let loaded = try await GrantAccess.load(request.parameters.get("agreementID"), for: account, on: request.db)
        let (now, today) = (request.now, request.today)
        let page = Endpoints.grantAgreementPage.link([.agreementID: try loaded.agreement.requireID().uuidString])
        return try await request.formAction(
            flash: Strings.text("grant.stepTaken", request.language),
            rerender: { _, status in try await Self.renderAgreement(request, typed: form.typed, status: status) }
        ) {
            let perform = try Self.action(form, loaded: loaded, account: account, now: now, today: today)
            _ = try await IdempotentWrites.perform(
                key: form.idempotencyKey, caller: account.id, fingerprint: request.idempotencyFingerprint, now: now,
                on: request.db, groupCommit: request.application.sqliteGroupCommit, perform)
            return page
        }
    }

    static func documents(_ ids: [String]?) throws -> [UUID] {
        try (ids ?? []).map { text in
            guard let id = UUID(uuidString: text) else {
                throw AppError.invalid("unknown_document", "No such document.")
            }
            return id
        }
    }

    /// The service call a form's `action` names, ready to run inside the idempotent transaction.
    static func action(
        _ form: ActionForm, loaded: GrantAccess.Loaded, account: CurrentAccount, now: Date, today: CalendarDate
    ) throws -> @Sendable (any Database) async throws -> String {
        let action = form.action ?? ""
        if let event = AgreementStatus.Event(rawValue: action) {
            let input = AgreementEventInput(
                event: event, reason: form.reason, terms: event == .amend ? try form.termsInput() : nil)
            return { database in
                try await GrantAgreements.step(input, on: loaded, by: account, now: now, today: today, on: database)
                    .status.rawValue
            }
        }
        let sequence = Int(form.number ?? "") ?? 0
        switch action {
        case "report", "approve", "return", "pay":
            let event = InstalmentEventInput.Event(rawValue: action) ?? .report
            let amount = (form.amountWon ?? "").isEmpty ? nil : try form.won(form.amountWon, "amountWon")
            let input = InstalmentEventInput(
                event: event, report: form.report, note: form.note, amountWon: amount,
                documentIDs: try Self.documents(form.documentIDs))
            return { database in
                try await GrantInstalments.step(
                    input, sequence: sequence, on: loaded, by: account, now: now, on: database
                )
                .state
            }
        case "spend":
            guard let category = GrantBudgetCategory(rawValue: form.category ?? "") else {
                throw AppError.invalid("invalid_category", "Choose a budget category.")
            }
            let input = SpendingInput(
                category: category, amountWon: try form.won(form.amountWon, "spendAmount"), spentOn: form.spentOn ?? "",
                description: form.description ?? "", documentIDs: try Self.documents(form.documentIDs))
            return { database in
                try await GrantSpending.record(input, on: loaded, by: account, now: now, today: today, on: database)
                    .state
            }
        case "review-spending":
            let input = SpendingReviewInput(
                decision: form.decision == "reject" ? .reject : .accept, note: form.note)
            let id = form.recordID
            return { database in
                try await GrantSpending.review(
                    input, spendingID: id, on: loaded, by: account, now: now, today: today, on: database
                ).state
            }
        case "reallocate":
            guard let from = GrantBudgetCategory(rawValue: form.from ?? ""),
                let to = GrantBudgetCategory(rawValue: form.to ?? "")
            else { throw AppError.invalid("invalid_category", "Choose both budget categories.") }
            let input = ReallocationInput(
                from: from, to: to, amountWon: try form.won(form.amountWon, "reallocateAmount"),
                reason: form.reason ?? "")
            return { database in
                try await GrantSpending.requestReallocation(input, on: loaded, by: account, now: now, on: database)
                    .state
            }
        case "decide-reallocation":
            let input = ReallocationDecisionInput(
                decision: form.decision == "refuse" ? .refuse : .approve, note: form.note)
            let id = form.recordID
            return { database in
                try await GrantSpending.decideReallocation(
                    input, reallocationID: id, on: loaded, by: account, now: now, on: database
                ).state
            }
        case "clawback":
            let input = ClawbackInput(
                source: form.source == "misspent" ? .misspent : .unspent,
                amountWon: try form.won(form.amountWon, "clawbackAmount"), reason: form.reason ?? "")
            return { database in
                try await GrantClawbacks.open(input, on: loaded, by: account, now: now, today: today, on: database)
                    .state
            }
        case "recover":
            let id = form.recordID
            return { database in
                try await GrantClawbacks.recover(clawbackID: id, on: loaded, by: account, now: now, on: database).state
            }
        case "reverse":
            let id = form.recordID
            let reason = form.reason ?? ""
            return { database in
                _ = try await GrantClawbacks.reverse(
                    entryID: id, reason: reason, on: loaded, by: account, now: now, on: database)
                return "reversed"
            }
        case "benefit":
            guard let kind = PartnerBenefitKind(rawValue: form.kind ?? "") else {
                throw AppError.invalid("invalid_kind", "Choose the kind of benefit.")
            }
            let input = BenefitInput(
                kind: kind, description: form.description ?? "",
                value: (form.value ?? "").isEmpty ? nil : try form.won(form.value, "value"),
                currency: (form.currency ?? "").isEmpty ? nil : form.currency,
                sessions: (form.sessions ?? "").isEmpty ? nil : try form.count(form.sessions, "sessions"),
                providedOn: form.providedOn ?? "")
            return { database in
                try await GrantOutcomes.recordBenefit(input, on: loaded, by: account, now: now, on: database).kind
                    .rawValue
            }
        case "outcome":
            let input = OutcomeInput(
                period: form.period ?? "", hires: try form.count(form.hires, "hires"),
                followOnInvestmentWon: try form.won(
                    form.followOnInvestmentWon?.nilIfEmpty ?? "0", "followOnInvestmentWon"),
                revenueWon: try form.won(form.revenueWon?.nilIfEmpty ?? "0", "revenueWon"),
                overseasRevenueWon: try form.won(form.overseasRevenueWon?.nilIfEmpty ?? "0", "overseasRevenueWon"),
                acquisitions: try form.count(form.acquisitions, "acquisitions"),
                patents: try form.count(form.patents, "patents"),
                partnerPocs: try form.count(form.partnerPocs, "partnerPocs"))
            return { database in
                try await GrantOutcomes.report(input, on: loaded, by: account, now: now, on: database).state
            }
        case "review-outcome":
            let input = OutcomeReviewInput(decision: form.decision == "return" ? .sendBack : .confirm, note: form.note)
            let id = form.recordID
            return { database in
                try await GrantOutcomes.review(input, outcomeID: id, on: loaded, by: account, now: now, on: database)
                    .state
            }
        default:
            throw AppError.invalid("unknown_action", "Unknown action '\(action)'.")
        }
    }
}
