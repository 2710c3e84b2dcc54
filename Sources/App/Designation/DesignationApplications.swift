import Fluent
import Foundation
import TeukguCore
import Vapor

/// District designation's declaration for the shared application component: a region's plan,
/// receipts numbered per round, every revision kept, and the plan's own completeness rules.
enum DesignationApplications: ApplicationProgramme {
    typealias Record = DesignationApplicationRecord
    typealias Call = DesignationCallRecord

    static let auditPrefix = "designation"
    static let recordType = "designation-application"
    static let withdrawalNeedsOpenCall = false

    static func receiptNumber(call: DesignationCallRecord, order: Int) -> String {
        String(format: "GID-R%d-%04d", call.round, order)
    }

    static func isOwner(_ application: DesignationApplicationRecord, _ account: CurrentAccount) -> Bool {
        account.role == .regionalOfficial && account.regionID == application.regionID
    }

    /// Evaluators who declared no conflict on it, and committee members once it is a candidate.
    static func mayAlsoRead(
        _ application: DesignationApplicationRecord, by account: CurrentAccount, on database: any Database
    ) async throws -> Bool {
        switch account.role {
        case .evaluator, .partnerStaff:
            return try await EvaluationAssignmentRecord.query(on: database)
                .filter(\.$evaluatorID == account.id).filter(\.$applicationID == application.requireID())
                .filter(\.$status ~~ AssignmentStatus.cleared).count() > 0
        case .committeeMember:
            return try await DesignationProcedureRecord.query(on: database).filter(
                \.$applicationID == application.requireID()
            ).count() > 0
        default:
            return false
        }
    }

    static func submissionRefusal(
        _ application: DesignationApplicationRecord, call: DesignationCallRecord, account: CurrentAccount,
        context: SubmissionContext, on database: any Database
    ) async throws -> AppError? {
        let plan = try JSONColumn.decode(DistrictPlan.self, application.planJSON)
        return PlanProblemText.refusal(
            plan.submissionProblems(knownRuleIDs: context.knownRuleIDs), status: .unprocessableEntity)
    }

    static func title(of application: DesignationApplicationRecord, on database: any Database) async throws -> String {
        (try? JSONColumn.decode(DistrictPlan.self, application.planJSON).name) ?? application.applicantName
    }

    static func applicantAccounts(
        of application: DesignationApplicationRecord, on database: any Database
    ) async throws -> [AccountRecord] {
        try await Recipients.officials(ofRegion: application.regionID, on: database)
    }

    /// Every change keeps the plan as it stood, so a request for more information never loses what was submitted.
    static func recordChange(
        _ application: DesignationApplicationRecord, change: ApplicationChange, by account: UUID,
        on database: any Database
    ) async throws {
        guard change != .withdrawn, change != .informationRequested else { return }
        let revision = DesignationRevisionRecord()
        revision.applicationID = try application.requireID()
        revision.revision = application.revision
        revision.planJSON = application.planJSON
        revision.event = change.rawValue
        revision.savedBy = account
        try await revision.create(on: database)
    }

    // MARK: - What differs: the region, the applicant level and the plan

    static func create(
        call: DesignationCallRecord, input: ApplicationInput, account: CurrentAccount, knownRules: Set<String>,
        now: Date,
        on database: any Database
    ) async throws -> DesignationApplicationRecord {
        guard account.role == .regionalOfficial, let regionID = account.regionID else { throw AppError.forbiddenRole }
        guard let region = try await RegionRecord.find(regionID, on: database) else {
            throw AppError.notFound("region")
        }
        guard !region.isCapitalRegion else {
            throw AppError(
                .forbidden, "region_not_eligible",
                "The capital region (Seoul, Gyeonggi, Incheon) cannot apply for a global innovation special district.")
        }
        guard call.isAccepting(now: now) else { throw call.windowClosedError(now: now) }
        let level = try applicantLevel(input.applicantLevel, call: call)
        try rejectFormProblems(input.plan, knownRules: knownRules)
        try await AttachableDocuments.validate(
            input.plan.documentIDs, previously: [], uploader: account.id, on: database)
        let application = DesignationApplicationRecord()
        application.callID = try call.requireID()
        application.regionID = regionID
        application.applicantName =
            input.applicantName?.trimmed.nilIfEmpty
            ?? Strings.pick(region.nameKorean, region.nameEnglish, account.language)
        application.applicantLevel = level
        application.planJSON = try JSONColumn.encode(input.plan)
        application.revision = 1
        application.createdBy = account.id
        try await insertDraft(
            application, account: account, details: ["region": regionID, "plan": input.plan.name], on: database)
        return application
    }

    /// Saves a new revision of the plan: while a draft in an open window, or when the ministry asked for more.
    static func save(
        _ application: DesignationApplicationRecord, input: ApplicationInput, account: CurrentAccount,
        knownRules: Set<String>,
        now: Date, on database: any Database
    ) async throws {
        try requireOwner(application, account)
        let call = try await findCall(of: application, on: database)
        try requireEditable(application, call: call, now: now)
        try rejectFormProblems(input.plan, knownRules: knownRules)
        let previous = (try? JSONColumn.decode(DistrictPlan.self, application.planJSON).documentIDs) ?? []
        try await AttachableDocuments.validate(
            input.plan.documentIDs, previously: previous, uploader: account.id, on: database)
        if let name = input.applicantName?.trimmed.nilIfEmpty { application.applicantName = name }
        if input.applicantLevel != nil {
            application.applicantLevel = try applicantLevel(input.applicantLevel, call: call)
        }
        application.planJSON = try JSONColumn.encode(input.plan)
        application.revision += 1
        try await storeEdits(
            application, account: account, details: ["revision": String(application.revision)], on: database)
    }

    static func revisions(
        _ application: DesignationApplicationRecord, on database: any Database
    ) async throws -> [DesignationRevisionRecord] {
        try await DesignationRevisionRecord.query(on: database).filter(\.$applicationID == application.requireID())
            .sort(\.$revision).all()
    }

    private static func applicantLevel(_ text: String?, call: DesignationCallRecord) throws -> String {
        let level = text ?? "metropolitan"
        guard level == "metropolitan" || level == "local" else {
            throw AppError.invalid(
                "invalid_applicant_level", "applicantLevel is 'metropolitan' (시·도) or 'local' (시·군·구).")
        }
        if level == "local" && !call.localGovernmentsEligible {
            throw AppError(
                .forbidden, "applicant_not_eligible",
                "In this call only metropolitan and provincial governments may apply.")
        }
        return level
    }

    private static func rejectFormProblems(_ plan: DistrictPlan, knownRules: Set<String>) throws {
        if let refusal = PlanProblemText.refusal(plan.formProblems(knownRuleIDs: knownRules)) { throw refusal }
        guard plan.name.count <= 200, plan.location.count <= 500, plan.industry.count <= 200,
            plan.zoneOperators.count <= 500,
            plan.kpis.count <= 100, plan.exemptions.count <= 200,
            [plan.measures.safety, plan.measures.environment, plan.measures.privacy].allSatisfy({ $0.count <= 10_000 })
        else {
            throw AppError.invalid("plan_too_large", "The plan has more entries or longer texts than a plan may have.")
        }
    }
}
