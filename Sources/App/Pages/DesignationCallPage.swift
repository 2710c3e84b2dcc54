import Fluent
import Foundation
import TeukguCore
import Vapor

/// What one call's page shows, depending on who looks.
struct CallPage: Encodable {
    struct StageView: Encodable {
        let id: String
        let title: String
        let threshold: String
        let advance: String
        let criteria: [String]
        let panelHref: String?
        let isCurrent: Bool
        let finalised: Bool
    }

    struct ApplicationRow: Encodable {
        let href: String
        let receipt: String
        let region: String
        let name: String
        let status: String
        let outcome: String
        let submittedAt: String
    }

    struct EvaluatorOption: Encodable {
        let id: String
        let label: String
    }

    let call: DesignationPagesController.CallRow
    let description: String
    let cap: Int
    let policy: String
    let eligibility: String
    let stages: [StageView]
    let isMinistry: Bool
    let isRegional: Bool
    let regionEligible: Bool
    let applications: [ApplicationRow]
    let startAction: String
    let windowAction: String
    let closesAtValue: String
    let panelAction: String
    let currentStageID: String?
    /// The current stage's name, for the panel form's heading (never its stored id).
    let currentStageTitle: String?
    /// While the call accepts applications the panel cannot be formed yet: when it can.
    let panelOpensAt: String?
    let evaluators: [EvaluatorOption]
    let selectionHref: String?
    let applicationsCSV: String
    let scoresCSV: String

    static func build(_ call: DesignationCallRecord, for request: Request) async throws -> CallPage {
        let language = request.language
        let callID = try call.requireID()
        let account = request.account
        let stages = try DesignationCalls.stages(of: call)
        let policy = try JSONColumn.decode(BalancePolicy.self, call.balanceJSON)
        let isMinistry = account?.role.isMinistry == true
        let isRegional = account?.role == .regionalOfficial
        let panels = try await EvaluationPanelRecord.query(on: request.db).filter(
            \.$programme == DesignationEvaluation.shared.id
        ).filter(\.$callID == callID).all()
        var applications: [ApplicationRow] = []
        if isMinistry || isRegional {
            var query = DesignationApplicationRecord.query(on: request.db).filter(\.$callID == callID)
            if isRegional { query = query.filter(\.$regionID == (account?.regionID ?? "")) }
            for record in try await query.sort(\.$submittedOrder).all() where isRegional || record.submittedAt != nil {
                let plan = try JSONColumn.decode(DistrictPlan.self, record.planJSON)
                applications.append(
                    ApplicationRow(
                        href: Endpoints.applicationPage.link([.applicationID: try record.requireID().uuidString]),
                        receipt: record.receiptNumber ?? "—",
                        region: record.regionID,
                        name: plan.name.isEmpty ? Strings.text("form.untitled", request.language) : plan.name,
                        status: record.status.text(request.language),
                        outcome: record.outcome.text(request.language, stages: stages),
                        submittedAt: Timestamps.seoulMinute(record.submittedAt)))
            }
        }
        var regionEligible = false
        if isRegional, let regionID = account?.regionID,
            let region = try await RegionRecord.find(regionID, on: request.db)
        {
            regionEligible = !region.isCapitalRegion
        }
        var evaluators: [EvaluatorOption] = []
        if isMinistry {
            evaluators = try await AccountRecord.query(on: request.db).filter(\.$role == Role.evaluator.rawValue)
                .filter(\.$isActive == true).sort(\.$email).all()
                .map { EvaluatorOption(id: try $0.requireID().uuidString, label: "\($0.displayName) <\($0.email)>") }
        }
        let current = call.status == .evaluating || call.status == .accepting ? stages[safe: call.stageIndex]?.id : nil
        let panelFormable =
            (call.status == .accepting && request.now >= call.closesAt) || call.status == .evaluating
        return CallPage(
            call: try DesignationPagesController.row(call, request: request),
            description: call.description(request.language),
            cap: call.cap,
            policy: Strings.pick(policy.summaryKorean, policy.summaryEnglish, language),
            eligibility: call.localGovernmentsEligible
                ? Strings.text("text.regionsAndCityCountyDistrictGovernments", request.language)
                : Strings.text("text.metropolitanAndProvincialGovernmentsCapitalRegion", request.language),
            stages: stages.enumerated().map { index, stage in
                let panel = panels.first { $0.stageID == stage.id }
                return StageView(
                    id: stage.id, title: Strings.pick(stage.titleKorean, stage.titleEnglish, language),
                    threshold: String(format: "%.0f", stage.passThreshold),
                    advance: stage.advanceCount.map(String.init) ?? "—",
                    criteria: stage.criteria.map {
                        "\(Strings.pick($0.titleKorean, $0.titleEnglish, language)) (\($0.weight))"
                    },
                    panelHref: isMinistry
                        ? panel.flatMap { $0.id.map { Endpoints.panelPage.link([.panelID: $0.uuidString]) } } : nil,
                    isCurrent: call.status == .evaluating && index == call.stageIndex,
                    finalised: panel?.status == .finalised)
            },
            isMinistry: isMinistry, isRegional: isRegional, regionEligible: regionEligible, applications: applications,
            startAction: Endpoints.startApplicationForm.link([.callID: callID.uuidString]),
            windowAction: Endpoints.callWindowForm.link([.callID: callID.uuidString]),
            closesAtValue: Timestamps.formValue(call.closesAt),
            panelAction: Endpoints.formPanelForm.link([.callID: callID.uuidString]),
            currentStageID: panelFormable ? current : nil,
            currentStageTitle: panelFormable
                ? stages[safe: call.stageIndex].map { Strings.pick($0.titleKorean, $0.titleEnglish, language) } : nil,
            panelOpensAt: isMinistry && call.status == .accepting && !panelFormable
                ? Timestamps.seoulMinute(call.closesAt) : nil,
            evaluators: evaluators,
            selectionHref: isMinistry && call.status.hasSelection
                ? Endpoints.selectionPage.link([.callID: callID.uuidString]) : nil,
            applicationsCSV: Endpoints.apiApplicationsCSV.link([.callID: callID.uuidString]),
            scoresCSV: Endpoints.apiScoresCSV.link([.callID: callID.uuidString]))
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
