import Fluent
import Foundation
import TeukguCore
import Vapor

extension GrantPagesController {
    /// Exact to the won: money pages are read against bank statements.
    static func money(_ won: Int64, _ language: String) -> String {
        let grouped = Money(won: won).grouped
        return Strings.pick("\(grouped)원", "KRW \(grouped)", language)
    }

    /// The word for a state, a kind or a step: `grant.status.signed` and the like (a test holds
    /// every one of them to the catalogue in both languages).
    static func word(_ group: String, _ value: String, _ language: String) -> String {
        let key = "\(group).\(value)"
        return Strings.text(key, language)
    }

    static func figure(_ key: String, _ won: Int64, _ language: String) -> MoneyFigure {
        MoneyFigure(label: Strings.text(key, language), amount: money(won, language), won: won)
    }

    /// The amendment form's fields: what was typed after a refusal, else the terms in force.
    static func amendable(_ dto: GrantAgreementDTO, typed: [String: String], language: String) -> Amendable {
        let refused = typed["action"] == "amend"
        func value(_ key: String, _ current: String) -> String { refused ? typed[key] ?? "" : current }
        let rows = (1...3).map { number -> Amendable.Row in
            let instalment = dto.instalments.first { $0.sequence == number }
            return Amendable.Row(
                number: number, milestone: value("milestone\(number)", instalment?.milestone ?? ""),
                amount: value("amount\(number)", instalment.map { String($0.amountWon) } ?? ""),
                due: value("due\(number)", instalment?.due ?? ""), locked: instalment?.state == "approved")
        }
        let plan = GrantBudgetCategory.allCases.map { category -> GrantsHomePage.Option in
            let field = "plan_\(String(describing: category))"
            return .init(
                value: category.rawValue, label: Strings.pick(category.titleKorean, category.titleEnglish, language),
                field: field, typed: value(field, dto.terms.plan[category].map { String($0.won) } ?? ""))
        }
        return Amendable(
            awardWon: value("awardWon", String(dto.terms.award.won)), starts: value("starts", dto.terms.starts.iso),
            ends: value("ends", dto.terms.ends.iso), rows: rows, plan: plan)
    }

    /// This half-year and the three before it, newest first: the periods outcomes are reported for.
    static func periods(around today: CalendarDate) -> [String] {
        var year = today.year
        var half = today.month <= 6 ? 1 : 2
        var found: [String] = []
        for _ in 0..<4 {
            found.append("\(year)-H\(half)")
            if half == 1 {
                half = 2
                year -= 1
            } else {
                half = 1
            }
        }
        return found
    }

    static func renderHome(
        _ request: Request, typed: [String: String], status: HTTPResponseStatus
    ) async throws
        -> Response
    {
        let account = try request.requireAccount()
        let language = request.language
        let agreements = try await GrantAccess.visible(to: account, on: request.db)
        let companies = try await CompanyRecord.query(on: request.db).all().keyedByID()
        let tracks = try await CollaborationTrackRecord.query(on: request.db).all().keyedByID()
        var rows: [GrantsHomePage.Row] = []
        for agreement in agreements {
            let instalments = try await GrantInstalmentRecord.query(on: request.db)
                .filter(\.$agreementID == (try agreement.requireID())).all()
            let figures = try await AgreementFigures.load(agreement, instalments: instalments, on: request.db).0
            rows.append(
                .init(
                    href: Endpoints.grantAgreementPage.link([.agreementID: try agreement.requireID().uuidString]),
                    number: agreement.number, startup: companies[agreement.companyID]?.name ?? "—",
                    track: agreement.trackID.flatMap { tracks[$0]?.name } ?? "—",
                    status: word("grant.status", agreement.status.rawValue, language),
                    state: agreement.status.rawValue,
                    award: money(agreement.status == .draft ? agreement.awardWon : figures.awardWon, language),
                    paid: money(figures.paidWon, language), unspent: money(figures.unspentWon, language)))
        }
        var budgets: [GrantsHomePage.Budget] = []
        var awaiting: [GrantsHomePage.Awaiting] = []
        if account.role.isMinistry || account.role == .operatingOrganisationStaff {
            let operated = tracks.values.filter { account.role.isMinistry || GrantAccess.operates($0, account) }
            let years = Set(operated.map(\.year))
            let calls = try await CollaborationCallRecord.query(on: request.db).sort(\.$year, .descending).all()
                .filter { years.contains($0.year) }
            for call in calls {
                let figures = try await CallBudgetFigures.load(call, on: request.db)
                budgets.append(
                    .init(
                        title: Strings.pick(call.title, call.titleEnglish ?? call.title, language),
                        figures: [
                            figure("grant.budget", figures.budgetWon, language),
                            figure("grant.committed", figures.committedWon, language),
                            figure("grant.paid", figures.paidWon, language),
                            figure("grant.available", figures.availableWon, language),
                        ],
                        tracks: figures.tracks.filter { track in operated.contains { $0.id == track.trackID } }
                            .filter { $0.committedWon > 0 || $0.budgetWon != nil }
                            .map {
                                .init(
                                    name: $0.name, budget: $0.budgetWon.map { money($0, language) } ?? "—",
                                    committed: money($0.committedWon, language),
                                    available: $0.availableWon.map { money($0, language) } ?? "—")
                            }))
                let drafted = Set(
                    try await GrantAgreementRecord.query(on: request.db).filter(\.$callID == (try call.requireID()))
                        .all().map(\.applicationID))
                let selected = try await CollaborationApplicationRecord.query(on: request.db)
                    .filter(\.$callID == (try call.requireID())).all()
                    .filter { $0.outcome == .selected && !drafted.contains($0.id ?? UUID()) }
                for application in selected {
                    guard let trackID = application.assignedTrackID, operated.contains(where: { $0.id == trackID })
                    else { continue }
                    awaiting.append(
                        .init(
                            applicationID: try application.requireID().uuidString,
                            startup: companies[application.companyID]?.name ?? "—",
                            track: tracks[trackID]?.name ?? "—", requested: money(application.requestedWon, language),
                            cap: money(call.grantCapWon, language)))
                }
            }
        }
        let page = GrantsHomePage(
            rows: rows,
            reportsHref: Access.cohortReaders.permits(account.role) ? Endpoints.grantReportsPage.link() : nil,
            budgets: budgets, awaiting: awaiting, draftAction: Endpoints.draftGrantAgreementForm.link(),
            idempotencyKey: UUID().uuidString, today: request.today.iso,
            categories: GrantBudgetCategory.allCases.map {
                // The form's field is named after the case (`plan_overseasExpansion`).
                .init(
                    value: $0.rawValue, label: Strings.pick($0.titleKorean, $0.titleEnglish, language),
                    field: "plan_\(String(describing: $0))", typed: typed["plan_\(String(describing: $0))"] ?? "")
            }, typed: typed)
        return try await request.renderPage("grants-home", titleKey: "grant.title", needsForm: true, page)
            .encodeResponse(status: status, for: request)
    }

    static func renderAgreement(
        _ request: Request, typed: [String: String], status: HTTPResponseStatus
    ) async throws
        -> Response
    {
        let account = try request.requireAccount()
        let language = request.language
        let loaded = try await GrantAccess.load(request.parameters.get("agreementID"), for: account, on: request.db)
        let dto = try await GrantAgreementDTO.load(loaded, viewer: account, on: request.db)
        let company = try await CompanyRecord.find(dto.companyID, on: request.db)
        let isOperator = GrantAccess.canOperate(loaded, account)
        let isStartup = GrantAccess.isTheStartup(loaded, account)
        let running = dto.status == .signed
        func category(_ value: GrantBudgetCategory) -> String {
            Strings.pick(value.titleKorean, value.titleEnglish, language)
        }
        let shares = [
            figure("grant.totalCost", dto.totalCostWon, language),
            MoneyFigure(
                label: Strings.format("grant.governmentShare", language, dto.ratios.governmentPercent),
                amount: money(dto.terms.award.won, language), won: dto.terms.award.won),
            MoneyFigure(
                label: Strings.format("grant.cashShare", language, dto.ratios.cashPercent),
                amount: money(dto.selfCashWon, language), won: dto.selfCashWon),
            MoneyFigure(
                label: Strings.format("grant.inKindShare", language, dto.ratios.inKindPercent),
                amount: money(dto.selfInKindWon, language), won: dto.selfInKindWon),
        ]
        let f = dto.figures
        let page = GrantAgreementPage(
            listHref: Endpoints.grantsHome.link(), number: dto.number,
            status: word("grant.status", dto.status.rawValue, language), state: dto.status.rawValue,
            startup: company?.name ?? "—", track: loaded.track?.name ?? "—",
            period: "\(dto.terms.starts.iso) – \(dto.terms.ends.iso)", projectAccount: dto.projectAccount,
            cap: "\(money(dto.grantCapWon, language)) (\(dto.grantCapCitation))", shares: shares,
            figures: [
                figure("grant.award", f.awardWon, language), figure("grant.scheduled", f.scheduledWon, language),
                figure("grant.payable", f.payableWon, language), figure("grant.paid", f.paidWon, language),
                figure("grant.unspent", f.unspentWon, language), figure("grant.spent", f.spentWon, language),
                figure("grant.clawbackDue", f.clawbackDueWon, language),
                figure("grant.returned", f.returnedWon, language),
            ],
            budget: [
                figure("grant.budget", dto.callBudget.budgetWon, language),
                figure("grant.committed", dto.callBudget.committedWon, language),
                figure("grant.available", dto.callBudget.availableWon, language),
            ],
            instalments: dto.instalments.map { instalment in
                .init(
                    sequence: instalment.sequence, milestone: instalment.milestone,
                    amount: money(instalment.amountWon, language), due: instalment.due, state: instalment.state,
                    stateLabel: word("grant.instalment", instalment.state, language),
                    paid: money(instalment.paidWon, language), payable: money(instalment.payableWon, language),
                    report: instalment.report, reviewNote: instalment.reviewNote,
                    canReport: isStartup && running && ["scheduled", "returned"].contains(instalment.state),
                    canReview: isOperator && running && instalment.state == "reported",
                    canPay: isOperator && (running || dto.status == .terminated) && instalment.payableWon > 0)
            },
            plan: dto.plan.map {
                .init(
                    category: category($0.category), planned: money($0.plannedWon, language),
                    spent: money($0.spentWon, language), remaining: money($0.remainingWon, language))
            },
            spendings: try await dto.spendings.asyncMap {
                .init(
                    id: $0.id.uuidString, category: category($0.category), amount: money($0.amountWon, language),
                    spentOn: $0.spentOn, description: $0.description, state: $0.state,
                    stateLabel: word("grant.spending", $0.state, language), reviewNote: $0.reviewNote,
                    canReview: isOperator && $0.state == "recorded",
                    receipts: try await AttachableDocuments.options(
                        for: account, attached: $0.documentIDs.map(\.uuidString),
                        stored: $0.documentIDs.map(\.uuidString), editing: false, on: request.db))
            },
            reallocations: dto.reallocations.map {
                .init(
                    id: $0.id.uuidString, from: category($0.from), to: category($0.to),
                    amount: money($0.amountWon, language), reason: $0.reason, state: $0.state,
                    stateLabel: word("grant.reallocation", $0.state, language),
                    canDecide: isOperator && $0.state == "requested")
            },
            clawbacks: dto.clawbacks.map {
                .init(
                    id: $0.id.uuidString, amount: money($0.amountWon, language), reason: $0.reason, due: $0.due,
                    dueRule: Strings.pick($0.dueRuleKorean, $0.dueRule, language), state: $0.state,
                    stateLabel: word("grant.clawback", $0.state, language),
                    canRecover: isOperator && $0.state == "due")
            },
            amendments: dto.amendments.map {
                .init(
                    sequence: $0.sequence, reason: $0.reason, oldAward: money($0.oldTerms.award.won, language),
                    newAward: money($0.newTerms.award.won, language), at: $0.at ?? "")
            },
            entries: dto.entries.reversed().map { entry in
                .init(
                    id: entry.id.uuidString, at: entry.at ?? "",
                    kind: word("grant.entry", entry.kind.rawValue, language), from: entry.from, to: entry.to,
                    amount: money(entry.amountWon, language), memo: entry.memo,
                    canReverse: isOperator && dto.status.isRunning
                        && [.payment, .clawback, .recovery].contains(entry.kind)
                        && !dto.entries.contains { $0.reverses == entry.id })
            },
            events: (isOperator ? AgreementStatus.events(from: dto.status).filter { $0 != .sign && $0 != .amend } : [])
                .map {
                    .init(
                        value: $0.rawValue, label: word("grant.event", $0.rawValue, language),
                        needsReason: $0 == .terminate)
                }
                + (isStartup && dto.status == .draft
                    ? [.init(value: "sign", label: Strings.text("grant.event.sign", language), needsReason: false)]
                    : []),
            benefits: dto.benefits.map { benefit in
                .init(
                    kind: word("grant.benefit", benefit.kind.rawValue, language), description: benefit.description,
                    value: benefit.value.map { "\(benefit.currency ?? "") \(Money(won: $0).grouped)" }
                        ?? benefit.sessions.map { Strings.format("grant.sessions", language, $0) } ?? "",
                    providedOn: benefit.providedOn)
            },
            outcomes: dto.outcomes.map { outcome in
                .init(
                    id: outcome.id.uuidString, period: outcome.period, hires: outcome.hires,
                    followOnInvestment: money(outcome.followOnInvestmentWon, language),
                    revenue: money(outcome.revenueWon, language),
                    overseasRevenue: money(outcome.overseasRevenueWon, language),
                    acquisitions: outcome.acquisitions, patents: outcome.patents, partnerPocs: outcome.partnerPocs,
                    state: outcome.state, stateLabel: word("grant.outcome", outcome.state, language),
                    reviewNote: outcome.reviewNote, canReview: isOperator && outcome.state == "reported")
            },
            canRecordBenefit: dto.status != .draft && dto.status != .withdrawn
                && (isOperator || (account.role == .partnerStaff && account.partnerID == loaded.track?.partnerID)),
            canReportOutcome: isStartup && dto.status != .draft && dto.status != .withdrawn,
            benefitKinds: PartnerBenefitKind.allCases.map {
                .init(value: $0.rawValue, label: word("grant.benefit", $0.rawValue, language))
            },
            periods: Self.periods(around: request.today).map { .init(value: $0, label: $0) },
            terminationReason: dto.terminationReason,
            action: Endpoints.grantAgreementActionForm.link([
                .agreementID: dto.id.uuidString
            ]), idempotencyKey: UUID().uuidString, isStartup: isStartup, isOperator: isOperator,
            canSpend: isStartup && running, canClawBack: isOperator && dto.status.isRunning,
            categories: GrantBudgetCategory.allCases.map { .init(value: $0.rawValue, label: category($0)) },
            today: request.today.iso, typed: typed,
            amendment: isOperator && dto.status.allows(.amend)
                ? Self.amendable(dto, typed: typed, language: language) : nil,
            attachable: isStartup
                ? try await AttachableDocuments.options(
                    for: account, attached: [], stored: [], editing: true, on: request.db) : [],
            uploadHref: Endpoints.documentsPage.link())
        return try await request.renderPage(
            "grant-agreement", titleKey: "grant.agreementTitle", title: dto.number, needsForm: true, page
        )
        .encodeResponse(status: status, for: request)
    }
}
