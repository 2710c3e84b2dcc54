import Fluent
import Foundation
import TeukguCore
import Vapor

/// Designation pages: the calls, one call for each party, opening calls, forming panels, selection.
struct DesignationPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.designationHome, use: home)
        routes.on(Endpoints.openCallForm, use: openCall)
        routes.on(Endpoints.callPage, use: callPage)
        routes.on(Endpoints.callWindowForm, use: changeWindow)
        routes.on(Endpoints.startApplicationForm, use: startApplication)
        routes.on(Endpoints.formPanelForm, use: formPanel)
        routes.on(Endpoints.selectionPage, use: selectionPage)
        routes.on(Endpoints.confirmSelectionForm, use: confirmSelection)
    }

    struct CallRow: Encodable {
        let title: String
        let href: String
        let round: Int
        let window: String
        let status: String
        let accepting: Bool
        let funnel: String?
    }

    /// The values of the open-a-call form: defaults, or what was sent when it was refused.
    struct OpenCallForm: Encodable {
        let round: String
        let title: String
        let titleEnglish: String
        let description: String
        let descriptionEnglish: String
        let opensAt: String
        let closesAt: String
        let cap: String
        let maxPerRegion: String
        let preferRegionsWithoutDistrict: Bool
        let localGovernmentsEligible: Bool
        let stages: StageFormFields
    }

    @Sendable func home(_ request: Request) async throws -> View {
        try await Self.renderHome(request, form: nil, error: nil)
    }

    static func renderHome(_ request: Request, form: OpenCallForm?, error: String?) async throws -> View {
        let calls = try await DesignationCallRecord.query(on: request.db).sort(\.$round, .descending).all()
        let rows = try calls.map { try Self.row($0, request: request) }
        let defaults = OpenCallForm(
            round: String((calls.map(\.round).max() ?? 0) + 1), title: "", titleEnglish: "", description: "",
            descriptionEnglish: "",
            opensAt: Timestamps.formValue(request.now),
            closesAt: Timestamps.formValue(request.now.addingTimeInterval(30 * 86_400)),
            cap: "3", maxPerRegion: "1", preferRegionsWithoutDistrict: true, localGovernmentsEligible: true,
            stages: StageFormFields(StandardStages.designation))
        return try await request.renderPage(
            "designation-home", titleKey: "nav.designation", needsForm: true,
            DesignationHomePage(
                calls: rows, canOpen: request.account?.role.isMinistry == true,
                openAction: Endpoints.openCallForm.link(),
                form: form ?? defaults, error: error))
    }

    static func row(_ call: DesignationCallRecord, request: Request) throws -> CallRow {
        let funnel = try call.funnelJSON.map { try JSONColumn.decode(CallFunnel.self, $0) }
        return CallRow(
            title: call.title(request.language),
            href: Endpoints.callPage.link([.callID: try call.requireID().uuidString]),
            round: call.round,
            window: "\(Timestamps.seoulMinute(call.opensAt)) – \(Timestamps.seoulMinute(call.closesAt))",
            status: call.status.text(request.language), accepting: DesignationCalls.isAccepting(call, now: request.now),
            funnel: funnel.map { "\($0.governments)/\($0.projects) → \($0.writtenPassed) → \($0.candidates)" })
    }

    /// The page form: the call, its balance policy and its stages (the standard ones to start
    /// from, editable, with spare rows). A refusal comes back on the same page with what was typed.
    @Sendable func openCall(_ request: Request) async throws -> Response {
        let fields = try request.decodeForm([String: String].self)
        func text(_ key: String) -> String { fields[key] ?? "" }
        let sent = OpenCallForm(
            round: text("round"), title: text("title"), titleEnglish: text("titleEnglish"),
            description: text("description"), descriptionEnglish: text("descriptionEnglish"), opensAt: text("opensAt"),
            closesAt: text("closesAt"), cap: text("cap"), maxPerRegion: text("maxPerRegion"),
            preferRegionsWithoutDistrict: fields["preferRegionsWithoutDistrict"] == "on",
            localGovernmentsEligible: fields["localGovernmentsEligible"] == "on",
            stages: StageFormFields(fields: fields))
        return try await request.formAction(
            flash: Strings.text("text.theCallIsOpen", request.language),
            rerender: { message, status in
                try await Self.renderHome(request, form: sent, error: message).encodeResponse(
                    status: status, for: request)
            }
        ) {
            guard let round = Int(sent.round.trimmed) else {
                throw AppError.invalid("invalid_round", "The round must be a whole number.")
            }
            guard let cap = Int(sent.cap.trimmed) else {
                throw AppError.invalid("invalid_cap", "The cap must be a whole number.")
            }
            let limitText = sent.maxPerRegion.trimmed
            guard limitText.isEmpty || Int(limitText) != nil else {
                throw AppError.invalid("invalid_balance", "At most per region must be a whole number, or empty.")
            }
            // A form without stage fields (a script written for the earlier page) gets the standard stages.
            let stages =
                fields.keys.contains { $0.hasPrefix("s0_") }
                ? try StageFormFields.read(fields) : StandardStages.designation
            let input = CallInput(
                round: round, title: sent.title, titleEnglish: sent.titleEnglish.nilIfEmpty,
                description: sent.description.nilIfEmpty, descriptionEnglish: sent.descriptionEnglish.nilIfEmpty,
                opensAt: sent.opensAt,
                closesAt: sent.closesAt,
                localGovernmentsEligible: sent.localGovernmentsEligible, cap: cap, stages: stages,
                balance: BalancePolicy(
                    maxPerRegion: Int(limitText), preferRegionsWithoutDistrict: sent.preferRegionsWithoutDistrict))
            let call = try await DesignationCalls.open(
                input, actor: try request.requireAccount().auditActor, on: request.db)
            return Endpoints.callPage.link([.callID: try call.requireID().uuidString])
        }
    }

    @Sendable func callPage(_ request: Request) async throws -> View {
        let call = try await DesignationCalls.find(request.parameters.get("callID"), on: request.db)
        return try await Self.renderCall(call, for: request)
    }

    static func renderCall(_ call: DesignationCallRecord, for request: Request) async throws -> View {
        try await request.renderPage(
            "designation-call", titleKey: "nav.designation", title: call.title(request.language), needsForm: true,
            try await CallPage.build(call, for: request))
    }

    /// A refused form on the call page shows the call page again with the refusal at its top.
    private func onCallPage(
        _ call: DesignationCallRecord, _ request: Request, flash: @escaping () -> String?,
        _ action: () async throws -> String
    ) async throws -> Response {
        try await request.formAction(
            flash: nil,
            rerender: { _, status in
                try await Self.renderCall(call, for: request).encodeResponse(status: status, for: request)
            }
        ) {
            let path = try await action()
            if let message = flash() { Flashes.set(message, on: request) }
            return path
        }
    }

    @Sendable func changeWindow(_ request: Request) async throws -> Response {
        struct Form: Decodable { let closesAt: String }
        let form = try request.decodeForm(Form.self)
        let call = try await DesignationCalls.find(request.parameters.get("callID"), on: request.db)
        return try await onCallPage(
            call, request,
            flash: {
                Strings.format("text.closingTimeChanged", request.language, Timestamps.seoulMinute(call.closesAt))
            }
        ) {
            try await DesignationCalls.changeWindow(
                call, closesAt: form.closesAt, actor: try request.requireAccount().auditActor, now: request.now,
                on: request.db)
            return Endpoints.callPage.link([.callID: try call.requireID().uuidString])
        }
    }

    @Sendable func startApplication(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let applicantName: String?
            let applicantLevel: String?
            let name: String?
        }
        let form = try request.decodeForm(Form.self)
        let call = try await DesignationCalls.find(request.parameters.get("callID"), on: request.db)
        let input = ApplicationInput(
            applicantName: form.applicantName, applicantLevel: form.applicantLevel?.nilIfEmpty,
            plan: DistrictPlan(name: form.name ?? ""))
        let record = try await DesignationApplications.create(
            call: call, input: input, account: try request.requireAccount(),
            knownRules: NationalRules.ids(request.application), now: request.now, on: request.db)
        return request.redirect(to: Endpoints.applicationPage.link([.applicationID: try record.requireID().uuidString]))
    }

    @Sendable func formPanel(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let stageID: String
            let evaluatorIDs: [UUID]?
        }
        let form = try request.decodeForm(Form.self)
        let call = try await DesignationCalls.find(request.parameters.get("callID"), on: request.db)
        return try await onCallPage(call, request, flash: { Strings.text("text.panelFormed", request.language) }) {
            let panel = try await EvaluationPanels.assign(
                programmeID: DesignationEvaluation.shared.id, callID: try call.requireID(), stageID: form.stageID,
                evaluatorIDs: form.evaluatorIDs ?? [], actor: try request.requireAccount(), now: request.now,
                on: request.db)
            return Endpoints.panelPage.link([.panelID: try panel.requireID().uuidString])
        }
    }

    @Sendable func selectionPage(_ request: Request) async throws -> View {
        let call = try await DesignationCalls.find(request.parameters.get("callID"), on: request.db)
        let proposal = try await DesignationSelection.proposal(for: call, today: request.today, on: request.db)
        return try await request.renderPage(
            "designation-selection", titleKey: "designation.selection", needsForm: true,
            DesignationSelectionPage(
                call: try Self.row(call, request: request),
                callHref: Endpoints.callPage.link([.callID: try call.requireID().uuidString]), proposal: proposal,
                action: Endpoints.confirmSelectionForm.link([.callID: try call.requireID().uuidString]),
                korean: Language.isKorean(request.language)))
    }

    @Sendable func confirmSelection(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let chosen: [UUID]?
            let reason: String?
        }
        let form = try request.decodeForm(Form.self)
        let call = try await DesignationCalls.find(request.parameters.get("callID"), on: request.db)
        _ = try await DesignationSelection.confirm(
            call: call, chosen: form.chosen ?? [], reason: form.reason, account: try request.requireAccount(),
            today: request.today, on: request.db)
        Flashes.set(Strings.text("text.candidatesConfirmedTheirStatutoryProceduresHave", request.language), on: request)
        return request.redirect(to: Endpoints.proceduresPage.link())
    }
}

/// Words for statuses, in the page's language.
