import Foundation
import TeukguCore

/// The page of one designation application: its state in words, the plan, the stage feedback, and
/// (for its region while it may change) the form. Built from records loaded once by the controller;
/// it reads no database and embeds no API type, so what it shows is testable from plain values.
struct DesignationApplicationPage: Encodable {
    /// The application as the page shows it: words, not stored codes.
    struct Application: Encodable {
        /// The lifecycle state, for the template's choice of banner (`draft`, `submitted`, …).
        let state: String
        let statusText: String
        let outcomeText: String
        let applicantName: String
        let applicantLevelText: String
        let regionName: String
        let receiptNumber: String?
        let submittedAt: String
        let revision: Int
        let infoRequest: String?
        let plan: DistrictPlan
        let missingForSubmission: [String]
        let feedback: [StageFeedback]
    }

    struct RuleOption: Encodable {
        let id: String
        let title: String
        let checked: Bool
    }

    /// What the controller loaded for the page.
    struct Records {
        let application: DesignationApplicationRecord
        let call: DesignationCallRecord
        let region: RegionRecord?
        let revisions: [DesignationRevisionRecord]
        let feedback: [StageFeedback]
        let documents: [AttachableDocuments.Option]
        let rules: [(id: String, title: String)]
        let knownRuleIDs: Set<String>
    }

    let callTitle: String
    let callHref: String
    let application: Application
    let title: String
    let form: ApplicationPagesController.PlanForm
    let rules: [RuleOption]
    let isOwner: Bool
    let isMinistry: Bool
    let showForm: Bool
    /// The region may withdraw what nothing has been decided about.
    let canWithdraw: Bool
    /// The ministry may ask for more on a submitted application.
    let canRequestInformation: Bool
    let saveAction: String
    let submitAction: String
    let withdrawAction: String
    let infoAction: String
    let closesAt: String
    let error: String?
    let financingTotal: String
    let revisions: [String]
    let documents: [AttachableDocuments.Option]
    let uploadHref: String

    init(
        _ records: Records, viewer: CurrentAccount, now: Date, language: String,
        form typed: ApplicationPagesController.PlanForm?, error: String?
    ) throws {
        let record = records.application
        let plan = try JSONColumn.decode(DistrictPlan.self, record.planJSON)
        let stages = (try? DesignationCalls.stages(of: records.call)) ?? []
        let id = try record.requireID().uuidString
        isOwner = DesignationApplications.isOwner(record, viewer)
        isMinistry = viewer.role.isMinistry
        let editable = DesignationApplications.isEditable(record, call: records.call, now: now)
        application = Application(
            state: record.status.rawValue, statusText: record.status.text(language),
            outcomeText: record.outcome.text(language, stages: stages), applicantName: record.applicantName,
            applicantLevelText: Strings.text("applicantLevel.\(record.applicantLevel)", language),
            regionName: records.region.map { Strings.pick($0.nameKorean, $0.nameEnglish, language) } ?? record.regionID,
            receiptNumber: record.receiptNumber, submittedAt: Timestamps.seoulMinute(record.submittedAt),
            revision: record.revision, infoRequest: record.infoRequest, plan: plan,
            missingForSubmission: record.status == .submitted
                ? []
                : plan.submissionProblems(knownRuleIDs: records.knownRuleIDs).map {
                    PlanProblemText.issue($0).text(language)
                },
            feedback: records.feedback)
        title = plan.name.isEmpty ? Strings.text("text.districtApplication", language) : plan.name
        callTitle = records.call.title(language)
        callHref = Endpoints.callPage.link([.callID: record.callID.uuidString])
        form = typed ?? ApplicationPagesController.PlanForm(plan)
        let chosen = Set(form.exemptionRules ?? [])
        rules = records.rules.map { RuleOption(id: $0.id, title: $0.title, checked: chosen.contains($0.id)) }
        showForm = isOwner && editable
        canWithdraw = isOwner && record.status.allows(.withdraw) && record.outcome.isUndecided
        canRequestInformation = isMinistry && record.status.allows(.requestInformation)
        saveAction = Endpoints.saveApplicationForm.link([.applicationID: id])
        submitAction = Endpoints.submitApplicationForm.link([.applicationID: id])
        withdrawAction = Endpoints.withdrawApplicationForm.link([.applicationID: id])
        infoAction = Endpoints.infoRequestForm.link([.applicationID: id])
        closesAt = Timestamps.seoulMinute(records.call.closesAt)
        self.error = error
        financingTotal = Money(won: plan.financing.totalWon).text(language: language)
        revisions =
            isOwner || isMinistry
            ? records.revisions.map {
                let event = Strings.text("revision.\($0.event)", language)
                return "r\($0.revision) · \(event) · \(Timestamps.seoulMinute($0.savedAt))"
            } : []
        documents = records.documents
        uploadHref = Endpoints.documentsPage.link()
    }
}
