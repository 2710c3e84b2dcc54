import Fluent
import Foundation
import TeukguCore
import Vapor

/// Collaboration pages: calls and tracks for everyone, track curation for partners, profiles and
/// applications for startups, panels and selection for officers.
struct CollaborationPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.collaborationHome, use: home)
        routes.on(Endpoints.collaborationCallPage, use: callPage)
        routes.on(Endpoints.trackPage, use: trackPage)
        routes.on(Endpoints.trackForm, use: saveTrack)
        routes.on(Endpoints.trackPanelForm, use: formPanel)
        routes.on(Endpoints.profilePage, use: profilePage)
        routes.on(Endpoints.profileForm, use: saveProfile)
        routes.on(Endpoints.startCollaborationApplicationForm, use: startApplication)
        routes.on(Endpoints.collaborationApplicationPage, use: applicationPage)
        routes.on(Endpoints.saveCollaborationApplicationForm, use: saveApplication)
        routes.on(Endpoints.submitCollaborationApplicationForm, use: submitApplication)
        routes.on(Endpoints.withdrawCollaborationApplicationForm, use: withdrawApplication)
        routes.on(Endpoints.matchingPage, use: matchingPage)
        routes.on(Endpoints.confirmMatchingForm, use: confirmMatching)
    }

    struct CallRow: Encodable {
        let href: String
        let year: Int
        let title: String
        let window: String
        let status: String
        let mode: String
        let cap: String
        let accepting: Bool
    }

    static func row(_ call: CollaborationCallRecord, _ request: Request) throws -> CallRow {
        CallRow(
            href: Endpoints.collaborationCallPage.link([.callID: try call.requireID().uuidString]), year: call.year,
            title: call.title(request.language),
            window: "\(Timestamps.seoulMinute(call.opensAt)) – \(Timestamps.seoulMinute(call.closesAt))",
            status: call.status.text(request.language),
            mode: call.choiceMode == "single"
                ? Strings.text("text.singleTrack", request.language)
                : Strings.format("collaboration.rankedChoice", request.language, call.maxChoices),
            cap: Money(won: call.grantCapWon).text(language: request.language),
            accepting: CollaborationCalls.isAccepting(call, now: request.now))
    }

    struct TrackRow: Encodable {
        let href: String
        let name: String
        let partner: String
        let year: Int
        let capacity: Int
        let focus: String
        let organisation: String
        let own: Bool
    }

    static func trackRows(_ tracks: [CollaborationTrackRecord], _ request: Request) async throws -> [TrackRow] {
        let dtos = try await TrackDTO.make(tracks, on: request.db)
        return zip(tracks, dtos).map { track, dto in
            TrackRow(
                href: Endpoints.trackPage.link([.trackID: dto.id.uuidString]), name: dto.name, partner: dto.partnerName,
                year: dto.year,
                capacity: dto.capacity, focus: dto.sectorFocus, organisation: dto.organisationName ?? "—",
                own: request.account.map { CollaborationTracks.isOwnTrack(track, $0) && !$0.role.isMinistry } ?? false)
        }
    }

    @Sendable func home(_ request: Request) async throws -> View {
        let calls = try await CollaborationCallRecord.query(on: request.db).sort(\.$year, .descending).all().map {
            try Self.row($0, request)
        }
        let tracks = try await CollaborationTrackRecord.query(on: request.db).sort(\.$year, .descending).sort(\.$name)
            .all()
        let rows = try await Self.trackRows(tracks, request)
        let years = Dictionary(grouping: rows, by: \.year).sorted { $0.key > $1.key }.map {
            CollaborationHomePage.YearGroup(
                year: $0.key, tracks: $0.value, places: $0.value.reduce(0) { $0 + $1.capacity })
        }
        let names = try await PartnerRecord.query(on: request.db).all().keyedByID(\.name)
        let partnerYears = CollaborationHomePage.partnerYears(
            try await PartnerListingRecord.query(on: request.db).all(), names: names, language: request.language)
        return try await request.renderPage(
            "collaboration-home", titleKey: "nav.collaboration",
            CollaborationHomePage(calls: calls, years: years, partnerYears: partnerYears))
    }

    /// Loads the call, its tracks, the company's application and (for the ministry) its panels once.
    @Sendable func callPage(_ request: Request) async throws -> View {
        let call = try await CollaborationCalls.find(request.parameters.get("callID"), on: request.db)
        let callID = try call.requireID()
        let tracks = try await CollaborationCalls.tracks(of: call, on: request.db)
        var mine: CollaborationApplicationRecord?
        var company: CompanyRecord?
        if let account = request.account, account.role == .companyMember, let companyID = account.companyID {
            mine = try await CollaborationApplicationRecord.query(on: request.db).filter(\.$callID == callID)
                .filter(\.$companyID == companyID).first()
            company = try await CompanyRecord.find(companyID, on: request.db)
        }
        var panels: [(panel: EvaluationPanelRecord, track: String)] = []
        if request.account?.role.isMinistry == true {
            let names = tracks.keyedByID(\.name)
            panels = try await EvaluationPanelRecord.query(on: request.db)
                .filter(\.$programme == CollaborationEvaluation.shared.id).filter(\.$callID ~~ tracks.compactMap(\.id))
                .all().map { ($0, names[$0.callID] ?? "") }
        }
        let page = try CollaborationCallPage(
            call, row: try Self.row(call, request), tracks: try await Self.trackRows(tracks, request), panels: panels,
            myApplication: mine, company: company, viewer: request.account, language: request.language)
        return try await request.renderPage(
            "collaboration-call", titleKey: "nav.collaboration", title: call.title(request.language), needsForm: true,
            page)
    }

    /// Loads the track, its applications (for its own staff) and the panel form's evaluators once.
    @Sendable func trackPage(_ request: Request) async throws -> View {
        let track = try await CollaborationTracks.find(request.parameters.get("trackID"), on: request.db)
        let summary = try await TrackDTO.make([track], on: request.db)[0]
        let account = request.account
        let own = account.map { CollaborationTracks.isOwnTrack(track, $0) } ?? false
        let applicants = own ? try await CollaborationTracks.applications(choosing: track, request) : nil
        var stage: EvaluationStage?
        var evaluators: [AccountRecord] = []
        if account?.role.isMinistry == true,
            let call = try await CollaborationCallRecord.query(on: request.db).filter(\.$year == track.year).first(),
            call.status == .evaluating || (call.status == .accepting && request.now >= call.closesAt)
        {
            stage = try CollaborationCalls.stages(of: call)[safe: track.stageIndex]
            evaluators = try await AccountRecord.query(on: request.db).filter(\.$isActive == true)
                .group(.or) { $0.filter(\.$role == Role.evaluator.rawValue).filter(\.$partnerID == track.partnerID) }
                .sort(\.$email).all()
                .filter { $0.role == Role.evaluator.rawValue || $0.role == Role.partnerStaff.rawValue }
        }
        let page = try CollaborationTrackPage(
            track, summary: summary, applicants: applicants, stage: stage, evaluators: evaluators, viewer: account,
            language: request.language)
        return try await request.renderPage(
            "collaboration-track", titleKey: "nav.collaboration", title: page.track.name, needsForm: true, page)
    }

    @Sendable func saveTrack(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let description: String?
            let offer: String?
            let sectorFocus: String?
        }
        let form = try request.decodeForm(Form.self)
        let track = try await CollaborationTracks.find(request.parameters.get("trackID"), on: request.db)
        try await CollaborationTracks.update(
            track, TrackInput(sectorFocus: form.sectorFocus, description: form.description, offer: form.offer),
            account: try request.requireAccount(), on: request.db)
        Flashes.set(Strings.text("text.trackPageSaved", request.language), on: request)
        return request.redirect(to: Endpoints.trackPage.link([.trackID: try track.requireID().uuidString]))
    }

    @Sendable func formPanel(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let stageID: String
            let evaluatorIDs: [UUID]?
        }
        let form = try request.decodeForm(Form.self)
        let track = try await CollaborationTracks.find(request.parameters.get("trackID"), on: request.db)
        let panel = try await EvaluationPanels.assign(
            programmeID: CollaborationEvaluation.shared.id, callID: try track.requireID(), stageID: form.stageID,
            evaluatorIDs: form.evaluatorIDs ?? [], actor: try request.requireAccount(), now: request.now, on: request.db
        )
        return request.redirect(to: Endpoints.panelPage.link([.panelID: try panel.requireID().uuidString]))
    }

    /// Loads the company, its applications and their calls once.
    @Sendable func profilePage(_ request: Request) async throws -> View {
        let company = try await CompanyProfiles.own(try request.requireAccount(), on: request.db)
        let applications = try await CollaborationApplicationRecord.query(on: request.db)
            .filter(\.$companyID == company.requireID()).all()
        let callIDs = Array(Set(applications.map(\.callID)))
        let calls =
            callIDs.isEmpty
            ? [:] : try await CollaborationCallRecord.query(on: request.db).filter(\.$id ~~ callIDs).all().keyedByID()
        let page = try CompanyProfilePage(company, applications: applications, calls: calls, language: request.language)
        return try await request.renderPage("collaboration-profile", titleKey: "nav.profile", needsForm: true, page)
    }

    @Sendable func saveProfile(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let name: String?
            let businessRegistrationNumber: String?
            let foundedOn: String?
            let sector: String?
            let employees: String?
            let revenueWon: String?
        }
        let form = try request.decodeForm(Form.self)
        let account = try request.requireAccount()
        let company = try await CompanyProfiles.own(account, on: request.db)
        func int<T: FixedWidthInteger>(_ text: String?, _ field: String) throws -> T? {
            guard let text = text?.filter({ $0 != "," }).trimmed, !text.isEmpty else { return nil }
            guard let value = T(text) else {
                throw AppError.invalid("invalid_number", "\(field): write a whole number.")
            }
            return value
        }
        try await CompanyProfiles.update(
            company,
            ProfileInput(
                name: form.name, businessRegistrationNumber: form.businessRegistrationNumber?.nilIfEmpty,
                foundedOn: form.foundedOn?.nilIfEmpty, sector: form.sector,
                employees: try int(form.employees, "Employees"),
                revenueWon: try int(form.revenueWon, "Revenue")),
            account: account, today: request.today, on: request.db)
        Flashes.set(Strings.text("text.profileSaved", request.language), on: request)
        return request.redirect(to: Endpoints.profilePage.link())
    }

    @Sendable func startApplication(_ request: Request) async throws -> Response {
        struct Empty: Decodable {}
        _ = try request.decodeForm(Empty.self)
        let call = try await CollaborationCalls.find(request.parameters.get("callID"), on: request.db)
        let record = try await CollaborationApplications.create(
            call: call, input: CollaborationApplicationInput(), account: try request.requireAccount(),
            now: request.now, on: request.db)
        return request.redirect(
            to: Endpoints.collaborationApplicationPage.link([.applicationID: try record.requireID().uuidString]))
    }

    /// Loads what the page needs once, then builds its model (`CollaborationApplicationPage`).
    static func renderApplication(
        _ record: CollaborationApplicationRecord, typed: CollaborationApplicationPage.Typed? = nil,
        error: String? = nil, status: HTTPResponseStatus = .ok, for request: Request
    ) async throws -> Response {
        let account = try request.requireAccount()
        let visible = try await CollaborationApplicationDTO.make(record, for: request)
        let call = try await CollaborationCalls.find(record.callID.uuidString, on: request.db)
        let stored = visible.documentIDs.map(\.uuidString)
        let isOwner = CollaborationApplications.isOwner(record, account)
        let records = CollaborationApplicationPage.Records(
            application: record, visible: visible, call: call,
            tracks: try await CollaborationCalls.tracks(of: call, on: request.db),
            documents: try await AttachableDocuments.options(
                for: account, attached: typed?.documents ?? stored, stored: stored,
                editing: isOwner && visible.editable, on: request.db),
            submissionIssues: isOwner && record.status == .draft
                ? try await CollaborationApplications.submissionProblems(
                    record, call: call, company: try await CompanyProfiles.own(account, on: request.db),
                    on: request.db) : [])
        let page = try CollaborationApplicationPage(
            records, viewer: account, now: request.now, language: request.language, typed: typed, error: error)
        return try await request.renderPage(
            "collaboration-application", titleKey: "nav.collaboration", title: page.application.company,
            needsForm: true, page
        )
        .encodeResponse(status: status, for: request)
    }

    @Sendable func applicationPage(_ request: Request) async throws -> Response {
        let record = try await CollaborationApplications.find(request.parameters.get("applicationID"), on: request.db)
        try await CollaborationApplications.requireReadable(record, by: try request.requireAccount(), on: request.db)
        return try await Self.renderApplication(record, for: request)
    }

    /// Runs a form action; a refusal shows the page again with what was typed (`typed`).
    private func attempt(
        _ request: Request, _ record: CollaborationApplicationRecord, typed: CollaborationApplicationPage.Typed? = nil,
        flash: String, _ action: () async throws -> Void
    ) async throws -> Response {
        try await request.formAction(
            redirectTo: Endpoints.collaborationApplicationPage.link([.applicationID: try record.requireID().uuidString]
            ), flash: flash,
            rerender: { message, status in
                try await Self.renderApplication(record, typed: typed, error: message, status: status, for: request)
            },
            action)
    }

    /// The application's form as sent: every field kept for a refusal, every unreadable field named.
    private static func typedApplication(_ fields: [String: String]) -> CollaborationApplicationPage.Typed {
        CollaborationApplicationPage.Typed(
            choices: (0..<3).map { fields["choice\($0)"] ?? "" }, plan: fields["plan"] ?? "",
            requestedWon: fields["requestedWon"] ?? "",
            documents: fields.filter { $0.key.hasPrefix("document_") }.map(\.value).sorted())
    }

    private static func input(_ typed: CollaborationApplicationPage.Typed) throws -> CollaborationApplicationInput {
        var issues: [FieldIssue] = []
        let choices = typed.choices.enumerated().compactMap { index, text -> UUID? in
            guard let text = text.nilIfEmpty else { return nil }
            guard let id = UUID(uuidString: text) else {
                issues.append(
                    FieldIssue(
                        field: "choice\(index)", korean: "트랙을 목록에서 골라 주세요.", english: "Choose tracks from the list."))
                return nil
            }
            return id
        }
        let amountText = typed.requestedWon.filter { $0 != "," && !$0.isWhitespace }
        let amount = amountText.isEmpty ? 0 : Int64(amountText)
        if amount == nil || amount! < 0 {
            issues.append(
                FieldIssue(
                    field: "amount", korean: "신청 금액은 원 단위의 0 이상 정수로 적어 주세요(예: 150,000,000).",
                    english: "Write the amount as a whole number of won, 0 or more (e.g. 150,000,000)."))
        }
        let documents = typed.documents.compactMap { text -> UUID? in
            guard let id = UUID(uuidString: text) else {
                issues.append(
                    FieldIssue(
                        field: "documents", korean: "문서를 목록에서 골라 주세요.", english: "Choose documents from the list."))
                return nil
            }
            return id
        }.sorted { $0.uuidString < $1.uuidString }
        if !issues.isEmpty { throw AppError(.badRequest, "invalid_application_form", issues: issues) }
        return CollaborationApplicationInput(
            choices: choices, plan: typed.plan, requestedWon: amount ?? 0, documentIDs: documents)
    }

    @Sendable func saveApplication(_ request: Request) async throws -> Response {
        let typed = Self.typedApplication(try request.decodeForm([String: String].self))
        let record = try await CollaborationApplications.find(request.parameters.get("applicationID"), on: request.db)
        let account = try request.requireAccount()
        try CollaborationApplications.requireOwner(record, account)
        return try await attempt(
            request, record, typed: typed, flash: Strings.text("text.savedNotSubmittedYet", request.language)
        ) {
            try await CollaborationApplications.save(
                record, input: try Self.input(typed), account: account, now: request.now, on: request.db)
        }
    }

    /// Submits; with the page's form (its Submit button) what was typed is saved first, so pressing
    /// Submit never discards edits. A bare submit (a script) submits what is stored.
    @Sendable func submitApplication(_ request: Request) async throws -> Response {
        let fields = try request.decodeForm([String: String].self)
        let typed = fields["plan"] != nil ? Self.typedApplication(fields) : nil
        let record = try await CollaborationApplications.find(request.parameters.get("applicationID"), on: request.db)
        let account = try request.requireAccount()
        try CollaborationApplications.requireOwner(record, account)
        return try await attempt(request, record, typed: typed, flash: Strings.text("text.submitted", request.language))
        {
            if let typed {
                try await CollaborationApplications.save(
                    record, input: try Self.input(typed), account: account, now: request.now, on: request.db)
            }
            try await CollaborationApplications.submit(record, account: account, now: request.now, on: request.db)
        }
    }

    @Sendable func withdrawApplication(_ request: Request) async throws -> Response {
        struct Empty: Decodable {}
        _ = try request.decodeForm(Empty.self)
        let record = try await CollaborationApplications.find(request.parameters.get("applicationID"), on: request.db)
        let account = try request.requireAccount()
        try CollaborationApplications.requireOwner(record, account)
        return try await attempt(request, record, flash: Strings.text("text.withdrawn", request.language)) {
            try await CollaborationApplications.withdraw(record, account: account, on: request.db)
        }
    }

    @Sendable func matchingPage(_ request: Request) async throws -> View {
        let call = try await CollaborationCalls.find(request.parameters.get("callID"), on: request.db)
        let report = try await CollaborationMatching.report(for: call, on: request.db)
        return try await request.renderPage(
            "collaboration-selection", titleKey: "nav.collaboration", title: call.title(request.language),
            needsForm: true,
            CollaborationMatchingPage(
                call: try Self.row(call, request), report: report,
                action: Endpoints.confirmMatchingForm.link([.callID: try call.requireID().uuidString]),
                korean: Language.isKorean(request.language),
                grants: Money(won: report.grantsWon).text(language: request.language),
                budget: Money(won: report.budgetWon).text(language: request.language)))
    }

    @Sendable func confirmMatching(_ request: Request) async throws -> Response {
        struct Empty: Decodable {}
        _ = try request.decodeForm(Empty.self)
        let call = try await CollaborationCalls.find(request.parameters.get("callID"), on: request.db)
        _ = try await CollaborationMatching.confirm(call, account: try request.requireAccount(), on: request.db)
        Flashes.set(Strings.text("text.selectionConfirmed", request.language), on: request)
        return request.redirect(to: Endpoints.matchingPage.link([.callID: try call.requireID().uuidString]))
    }
}
