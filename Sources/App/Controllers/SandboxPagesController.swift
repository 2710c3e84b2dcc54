import Fluent
import Foundation
import TeukguCore
import Vapor

/// Sandbox cases as pages: each party's queue, filing, and one case with its clock and next steps.
struct SandboxPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.sandboxHome, use: home)
        routes.on(Endpoints.fileSandboxCaseForm, use: file)
        routes.on(Endpoints.sandboxCasePage, use: show)
        routes.on(Endpoints.sandboxEventForm, use: step)
        routes.on(Endpoints.sandboxPolicyForm, use: policy)
        routes.on(Endpoints.certificationForm, use: certification)
    }

    @Sendable func certification(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let scheme: String?
            let scope: String?
            let issuer: String?
            let number: String?
            let validFrom: String?
            let validUntil: String?
        }
        let form = try request.decodeForm(Form.self)
        let account = try request.requireAccount()
        return try await request.formAction(
            redirectTo: Endpoints.sandboxHome.link() + "#certifications",
            flash: Strings.text("sandbox.stepTaken", request.language),
            rerender: { _, status in try await Self.renderHome(request, typed: .init(), status: status) }
        ) {
            _ = try await Certifications.file(
                CertificationInput(
                    scheme: form.scheme ?? "", scope: form.scope ?? "", issuer: form.issuer ?? "",
                    number: form.number ?? "", validFrom: form.validFrom ?? "", validUntil: form.validUntil ?? "",
                    documentID: nil),
                by: account, now: request.now, on: request.db)
        }
    }

    @Sendable func policy(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let insurer: String?
            let number: String?
            let from: String?
            let until: String?
            let deathWon: String?
            let injuryWon: String?
            let disabilityWon: String?
            let propertyWon: String?
        }
        let form = try request.decodeForm(Form.self)
        return try await Self.actOnCase(request) { record, account in
            func won(_ text: String?, _ field: String) throws -> Int64 {
                guard let value = Int64((text ?? "").replacingOccurrences(of: ",", with: "").trimmed) else {
                    throw AppError.invalid("invalid_amount", "Write \(field) as a whole number of won.")
                }
                return value
            }
            try await SandboxPolicies.file(
                PolicyInput(
                    insurer: form.insurer ?? "", number: form.number ?? "", from: form.from ?? "",
                    until: form.until ?? "", deathWon: try won(form.deathWon, "the death cover"),
                    injuryWon: try won(form.injuryWon, "the injury cover"),
                    disabilityWon: try won(form.disabilityWon, "the disability cover"),
                    propertyWon: try won(form.propertyWon, "the property cover")),
                on: record, by: account, now: request.now, database: request.db)
        }
    }

    @Sendable func home(_ request: Request) async throws -> Response {
        try await Self.renderHome(request, typed: .init(), status: .ok)
    }

    static func renderHome(
        _ request: Request, typed: SandboxHomePage.Typed, status: HTTPResponseStatus
    ) async throws -> Response {
        let account = try request.requireAccount()
        let language = request.language
        // The names and the filing form's choices: read as plain columns, not records.
        let districts = try await DistrictNames.all(on: request.db)
        let names = Dictionary(
            districts.map { ($0.id ?? "", Strings.pick($0.nameKorean, $0.nameEnglish, language)) },
            uniquingKeysWith: { first, _ in first })
        // What waits on the reader, soonest due first (the 10 most urgent: the counts above them say
        // how many more), and every case 20 a page. A page people open all day stays light.
        let counts = try await SandboxQueue.waitingCounts(to: account, today: request.today, on: request.db)
        let waiting = try await SandboxQueue.page(
            to: account, waiting: true, page: 1, perPage: 10, counted: counts, on: request.db)
        let pagination = Pagination(
            request: request,
            total: try await SandboxQueue.count(to: account, waiting: false, on: request.db), perPage: 20)
        let all = try await SandboxQueue.page(
            to: account, waiting: false, page: pagination.page, perPage: pagination.perPage,
            knownTotal: pagination.total, on: request.db
        ).entries
        // Each row shows the due day stored on its case, so a page of rows costs no clock work.
        func rows(_ records: [SandboxQueueEntry]) -> [SandboxCaseRow] {
            records.map { record in
                let due = record.dueOn.flatMap(CalendarDate.init(iso:))
                var row = SandboxCaseRow(
                    record, districtName: names[record.districtID] ?? record.districtID,
                    due: record.status == .awaitingSupplement
                        ? Strings.text("text.pausedSupplementation", language) : due?.iso ?? "—",
                    language: language)
                if let due {
                    let left = request.today.days(until: due)
                    row.daysLeft = left
                    if left < 0 {
                        row.urgency = "expired"
                        row.urgencyText = Strings.format("clock.daysOverdue", language, -left)
                    } else if left <= 7 {
                        row.urgency = "paused"
                        row.urgencyText = Strings.format(left == 1 ? "clock.dayLeft" : "clock.daysLeft", language, left)
                    }
                }
                return row
            }
        }
        let waitingRows = rows(waiting.entries)
        let certifications =
            account.companyID == nil ? [] : try await Certifications.list(company: account.companyID!, on: request.db)
        let deadlines = try await Self.deadlines(owedBy: account, request: request)
        let page = SandboxHomePage(
            waiting: SandboxCaseTable(waitingRows), waitingTotal: waiting.total, deadlines: deadlines,
            cases: SandboxCaseTable(rows(all)),
            pagination: pagination,
            dueSoon: counts.dueSoon + deadlines.filter(\.isDueSoon).count,
            overdue: counts.overdue + deadlines.filter(\.isOverdue).count,
            canFile: account.role == .companyMember && account.companyID != nil,
            fileAction: Endpoints.fileSandboxCaseForm.link(),
            kinds: SandboxCaseKind.allCases.map {
                .init(
                    value: $0.rawValue, label: Strings.pick($0.titleKorean, $0.titleEnglish, language),
                    selected: typed.kind == $0.rawValue)
            },
            districts: districts.map {
                .init(value: $0.id ?? "", label: names[$0.id ?? ""] ?? "", selected: typed.districtID == $0.id)
            },
            typed: typed,
            attachable: account.role == .companyMember
                ? try await AttachableDocuments.options(
                    for: account, attached: typed.documentIDs, stored: [], editing: true, on: request.db)
                : [],
            uploadHref: Endpoints.documentsPage.link(),
            certifications: certifications.map {
                .init(
                    scheme: $0.scheme, scope: $0.scope, issuer: $0.issuer, number: $0.number,
                    validity: "\($0.validFrom) – \($0.validUntil)")
            },
            certificationAction: Endpoints.certificationForm.link())
        return try await request.renderPage("sandbox-home", titleKey: "nav.sandbox", needsForm: true, page)
            .encodeResponse(status: status, for: request)
    }

    @Sendable func file(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let kind: String?
            let districtID: String?
            let title: String?
            let activity: String?
            let question: String?
            let documentIDs: [String]?
            let outsideZoneParticipation: String?
        }
        let form = try request.decodeForm(Form.self)
        let typed = SandboxHomePage.Typed(
            kind: form.kind ?? "", districtID: form.districtID ?? "", title: form.title ?? "",
            activity: form.activity ?? "", question: form.question ?? "", documentIDs: form.documentIDs ?? [],
            outsideZoneParticipation: form.outsideZoneParticipation ?? "")
        let account = try request.requireAccount()
        return try await request.formAction(
            flash: Strings.text("sandbox.filed", request.language),
            rerender: { _, status in try await Self.renderHome(request, typed: typed, status: status) }
        ) {
            guard let kind = SandboxCaseKind(rawValue: typed.kind) else {
                throw AppError(
                    .badRequest, "invalid_sandbox_case",
                    issues: [
                        FieldIssue(field: "kind", korean: "신청 종류를 고르세요.", english: "Choose what you are filing.")
                    ])
            }
            let record = try await SandboxCases.file(
                SandboxFilingInput(
                    kind: kind, districtID: typed.districtID, title: typed.title, activity: typed.activity,
                    question: typed.question, documentIDs: try CaseDocuments.ids(typed.documentIDs),
                    outsideZoneParticipation: typed.outsideZoneParticipation),
                account: account, now: request.now, on: request.db)
            return Endpoints.sandboxCasePage.link([.caseID: try record.requireID().uuidString])
        }
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let record = try await SandboxCases.find(request.parameters.get("caseID"), on: request.db)
        return try await Self.renderCase(record, request: request, status: .ok)
    }

    static func renderCase(
        _ record: SandboxCaseRecord, request: Request, status: HTTPResponseStatus
    ) async throws -> Response {
        let account = try request.requireAccount()
        let language = request.language
        let context = try await SandboxCaseContext.load(record, viewer: account, today: request.today, on: request.db)
        let dto = try SandboxCaseDTO(context, viewer: account, today: request.today)
        let events = context.events
        let clocks = context.clocks
        let district = try await DistrictRecord.find(record.districtID, on: request.db)
        let nationalRules = (request.application.rulebooks.live?.set.rulebooks ?? []).filter { $0.scope == .national }
            .flatMap(\.rules)
        let ruleTitle = Dictionary(
            nationalRules.map { ($0.id, $0.title.text(language)) }, uniquingKeysWith: { first, _ in first })
        let converts = dto.allowedEvents.contains(SandboxCaseStatus.Event.convertToPermit.rawValue)
        let canGrant = dto.allowedEvents.contains(SandboxCaseStatus.Event.grant.rawValue) || converts
        let granted = record.status == .granted || record.status == .inUse
        let shortfalls = context.shortfalls
        let compensationAgreed = SandboxCompensation.agreedPlan(in: events)
        let ownCompany = account.role == .companyMember && account.companyID == record.companyID
        // A conversion grants a temporary permit, so the permit's longest validity bounds it.
        let latest =
            canGrant
            ? try? await SandboxGrants.latestValidDay(
                record, kind: converts ? .temporaryPermit : record.kind, grantDay: request.today, on: request.db)
            : nil
        let company = try await CompanyRecord.find(record.companyID, on: request.db)
        let documents = try await CaseDocuments.load(
            [record.documentsJSON] + events.map(\.documentsJSON), on: request.db)
        let page = SandboxCasePage(
            number: record.number, kind: Strings.pick(record.kind.titleKorean, record.kind.titleEnglish, language),
            filingCitation: CitationWords.text(record.kind.filingCitation, language), title: record.title,
            company: company?.name ?? "—",
            district: district.map { Strings.pick($0.nameKorean, $0.nameEnglish, language) } ?? record.districtID,
            status: record.status.text(language), state: record.status.rawValue, activity: record.activity,
            question: record.question, filedOn: Timestamps.seoulMinute(record.filedAt), notifiedOn: record.notifiedOn,
            answer: record.status == .deemedNoPermitNeeded
                ? Strings.text("sandbox.deemedAnswer", language) : record.answer,
            answeredOn: record.answeredOn,
            clock: clocks.answer.map { ClockView(result: $0, asOf: request.today, language: language) },
            committeeClock: clocks.committee.map { ClockView(result: $0, asOf: request.today, language: language) },
            history: events.map {
                .init(
                    on: $0.onDay, event: Self.stepWords($0.event, language),
                    actor: Self.actorWords($0.actorLabel, language),
                    note: $0.note, documents: documents.links($0.documentsJSON))
            },
            actions: dto.allowedEvents.map { .init(value: $0, label: Self.stepWords($0, language)) },
            action: Endpoints.sandboxEventForm.link([.caseID: try record.requireID().uuidString]),
            listHref: Endpoints.sandboxHome.link(),
            needsDay: dto.allowedEvents.contains(SandboxCaseStatus.Event.notify.rawValue),
            canExtend: dto.allowedEvents.contains(SandboxCaseStatus.Event.extendReview.rawValue)
                || dto.allowedEvents.contains(SandboxCaseStatus.Event.extendValidity.rawValue),
            ministries: dto.ministries.map {
                .init(
                    name: $0.name,
                    answer: Self.answerWords($0.answer?.rawValue ?? "awaited", language),
                    answeredOn: $0.answeredOn, note: $0.note)
            },
            canRecordAnswer: dto.allowedEvents.contains(SandboxCaseStatus.Event.recordMinistryAnswer.rawValue)
                && dto.ministries.contains { $0.answer == nil },
            unansweredMinistries: dto.ministries.filter { $0.answer == nil }.map {
                .init(value: $0.name, label: $0.name)
            },
            answerChoices: CompetentMinistry.Answer.allCases.filter { $0.fits(record.kind) }.map {
                .init(value: $0.rawValue, label: Self.answerWords($0.rawValue, language))
            },
            answersConflict: CompetentMinistries.conflict(record),
            today: request.today.iso,
            grant: dto.validUntil.map { until in
                .init(
                    rules: (dto.grantExempts ?? []).map { id in ruleTitle[id].map { "\($0) (\(id))" } ?? id },
                    validity: "\(dto.validFrom ?? "") – \(until)"
                        + (dto.openUntilRevision ? Strings.text("sandbox.untilRevision", language) : ""),
                    conditions: dto.grantConditions ?? [])
            }, canGrant: canGrant,
            nationalRules: canGrant ? nationalRules.map { .init(value: $0.id, label: $0.title.text(language)) } : [],
            latestValidDay: latest?.iso,
            policies: dto.policies.map {
                .init(
                    insurer: $0.insurer, number: $0.number, period: "\($0.from) – \($0.until)",
                    cover: Strings.format(
                        "sandbox.policyCover", language, Money(won: $0.deathWon).grouped,
                        Money(won: $0.injuryWon).grouped, Money(won: $0.disabilityWon).grouped,
                        Money(won: $0.propertyWon).grouped))
            },
            shortfalls: compensationAgreed == nil
                ? shortfalls.map { Strings.pick($0.korean, $0.english, language) } : [],
            compensationPlan: compensationAgreed.map {
                Strings.format("sandbox.compensationAgreed", language, $0.iso)
                    + " (" + CitationWords.text(SandboxCompensation.citation, language) + ")"
            },
            showsInsurance: granted,
            canFilePolicy: granted && account.role == .companyMember && account.companyID == record.companyID,
            policyAction: Endpoints.sandboxPolicyForm.link([.caseID: try record.requireID().uuidString]),
            revisionPlanDue: SandboxValidity.revisionPlanDue(
                record, events: events, catalog: context.catalog)?.iso,
            resultsReportDue: granted
                ? SandboxValidity.resultsReportDue(record, catalog: context.catalog)?
                    .iso
                : nil,
            related: try await Self.relatedCase(record, language, on: request.db),
            outsideZoneParticipation: record.outsideZoneParticipation,
            deadlines: context.deadlines.map {
                SandboxDeadlineRow($0, of: record, today: request.today, language: language)
            },
            showsClaims: record.validFrom != nil && SandboxClaimSteps.mayRead(record, account),
            claims: try context.claims.map {
                SandboxClaimRow($0, caseID: try record.requireID(), company: ownCompany, language: language)
            },
            claimAction: ownCompany && record.validFrom != nil
                ? Endpoints.sandboxClaimForm.link([.caseID: try record.requireID().uuidString]) : nil,
            documents: documents.links(record.documentsJSON),
            attachable: dto.allowedEvents.isEmpty
                ? []
                : try await AttachableDocuments.options(
                    for: account, attached: [], stored: [], editing: true, on: request.db),
            uploadHref: Endpoints.documentsPage.link())
        return try await request.renderPage(
            "sandbox-case", titleKey: "nav.sandbox", title: record.number, needsForm: true, page
        )
        .encodeResponse(status: status, for: request)
    }

    /// The deadlines the account's side owes: a company on its own cases, the ministry the revision
    /// plans; the other parties owe none on granted cases.
    static func deadlines(
        owedBy account: CurrentAccount, request: Request
    ) async throws -> [SandboxDeadlineRow] {
        let owner: SandboxDeadline.Owner
        var records: [SandboxCaseRecord]
        switch account.role {
        case .companyMember:
            owner = .company
            // Only granted cases owe these; a company has few of them.
            records = try await SandboxCaseRecord.query(on: request.db)
                .filter(\.$companyID == (account.companyID ?? UUID())).filter(\.$validFrom != nil).all()
        case let role where role.isMinistry:
            owner = .ministry
            let asked = try await SandboxCaseEventRecord.query(on: request.db)
                .filter(\.$event == SandboxCaseStatus.Event.requestRevision.rawValue).all().map(\.caseID)
            records =
                asked.isEmpty
                ? [] : try await SandboxCaseRecord.query(on: request.db).filter(\.$id ~~ Array(Set(asked))).all()
        default:
            return []
        }
        // Most parties owe none of these, and then the parameters need not be read at all.
        guard !records.isEmpty else { return [] }
        let catalog = try await LegalTimeStore.catalog(on: request.db)
        return try await SandboxDeadlines.of(records, catalog: catalog, today: request.today, on: request.db)
            .filter { $0.deadline.owner == owner }
            .map { SandboxDeadlineRow($0.deadline, of: $0.record, today: request.today, language: request.language) }
            .sorted { $0.daysLeft < $1.daysLeft }
    }

    /// A converted permit links back to its exemption, and the exemption forward to its permit.
    static func relatedCase(
        _ record: SandboxCaseRecord, _ language: String, on database: any Database
    ) async throws -> SandboxCasePage.RelatedCase? {
        let link = { (other: SandboxCaseRecord, key: String) in
            SandboxCasePage.RelatedCase(
                label: Strings.text(key, language), number: other.number,
                href: Endpoints.sandboxCasePage.link([.caseID: other.id?.uuidString ?? ""]))
        }
        if let from = record.convertedFromID, let exemption = try await SandboxCaseRecord.find(from, on: database) {
            return link(exemption, "sandbox.convertedFrom")
        }
        guard record.kind == .demonstrationExemption else { return nil }
        return try await SandboxCaseRecord.query(on: database).filter(\.$convertedFromID == record.requireID())
            .first().map { link($0, "sandbox.convertedTo") }
    }

    /// Who took a step: a person's label, the legal clock, or the demo data.
    static func actorWords(_ label: String, _ language: String) -> String {
        switch label {
        case AuditLog.Actor.system.label: Strings.text("sandbox.byTheClock", language)
        case SandboxSeed.demoActor.label: Strings.text("sandbox.byDemo", language)
        default: label
        }
    }

    /// Runs a form's action on the case the path names: a case the reader may not see answers 404,
    /// a refusal shows the case page again as stored (not as the refused action would have left
    /// it), and success returns to the case.
    static func actOnCase(
        _ request: Request, _ action: (SandboxCaseRecord, CurrentAccount) async throws -> Void
    ) async throws -> Response {
        let record = try await SandboxCases.find(request.parameters.get("caseID"), on: request.db)
        let account = try request.requireAccount()
        try await SandboxCases.requireReadable(record, by: account, on: request.db)
        let path = Endpoints.sandboxCasePage.link([.caseID: try record.requireID().uuidString])
        return try await request.formAction(
            redirectTo: path, flash: Strings.text("sandbox.stepTaken", request.language),
            rerender: { _, status in
                let fresh = try await SandboxCases.find(record.id?.uuidString, on: request.db)
                return try await Self.renderCase(fresh, request: request, status: status)
            }
        ) { try await action(record, account) }
    }

    /// A competent ministry's answer in the reader's words (`sandbox.ministryAnswer.<answer>`).
    static func answerWords(_ answer: String, _ language: String) -> String {
        let key = "sandbox.ministryAnswer." + answer
        return Strings.text(key, language)
    }

    /// A step of the case in the reader's words (`sandbox.event.<event>`).
    static func stepWords(_ event: String, _ language: String) -> String {
        let key = "sandbox.event." + event
        return Strings.text(key, language)
    }

    @Sendable func step(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let event: String?
            let note: String?
            let on: String?
            let days: String?
            let exempts: [String]?
            let validUntil: String?
            let conditions: String?
            let documentIDs: [String]?
            let ministries: String?
            let ministry: String?
            let answer: String?
        }
        let form = try request.decodeForm(Form.self)
        return try await Self.actOnCase(request) { record, account in
            guard let event = form.event.flatMap(SandboxCaseStatus.Event.init(rawValue:)) else {
                throw AppError.invalid("invalid_event", "Choose a step.")
            }
            let setsTerms = event == .grant || event == .convertToPermit
            let days = try form.days?.trimmed.nilIfEmpty.map { text -> Int in
                guard let days = Int(text) else {
                    throw AppError.invalid("invalid_extension", "Write the extension as a whole number of days.")
                }
                return days
            }
            try await SandboxCases.act(
                SandboxEventInput(
                    event: event, note: form.note, on: form.on?.nilIfEmpty, days: days,
                    documentIDs: try CaseDocuments.ids(form.documentIDs),
                    exempts: setsTerms ? form.exempts : nil,
                    validUntil: setsTerms ? form.validUntil?.nilIfEmpty : nil,
                    conditions: setsTerms
                        ? form.conditions?.split(whereSeparator: \.isNewline).map(String.init) : nil,
                    ministries: event == .notify
                        ? form.ministries?.split(whereSeparator: \.isNewline).map(String.init) : nil,
                    ministry: event == .recordMinistryAnswer ? form.ministry : nil,
                    answer: event == .recordMinistryAnswer ? form.answer : nil),
                on: record, by: account, now: request.now, app: request.application, database: request.db)
        }
    }
}

/// The documents a case page links to: those filed with the case and attached to its steps, by
/// name, read once for the whole page.
struct CaseDocuments {
    let names: [UUID: String]

    static func load(_ columns: [String], on database: any Database) async throws -> CaseDocuments {
        let ids = Set(columns.flatMap { (try? JSONColumn.decode([UUID].self, $0)) ?? [] })
        guard !ids.isEmpty else { return CaseDocuments(names: [:]) }
        let records = try await DocumentRecord.query(on: database).filter(\.$id ~~ Array(ids)).all()
        return CaseDocuments(
            names: Dictionary(
                records.compactMap { record in record.id.map { ($0, record.displayName) } },
                uniquingKeysWith: { first, _ in first }))
    }

    func links(_ column: String) -> [SandboxCasePage.DocumentLink] {
        ((try? JSONColumn.decode([UUID].self, column)) ?? []).compactMap { id in
            names[id].map {
                SandboxCasePage.DocumentLink(
                    name: $0, href: Endpoints.downloadDocument.link([.documentID: id.uuidString]))
            }
        }
    }

    /// The form's checked documents as ids; anything that is not an id is refused.
    static func ids(_ values: [String]?) throws -> [UUID]? {
        guard let values, !values.isEmpty else { return nil }
        return try values.map { text in
            guard let id = UUID(uuidString: text) else {
                throw AppError.invalid("invalid_document", "'\(text.prefix(40))' is not a document.")
            }
            return id
        }
    }
}
