import Fluent
import Foundation
import TeukguCore
import Vapor

/// Drafting, saving, submitting and reopening applications, with the rules of the call's window.
enum DesignationApplications {
    static func find(_ id: String?, on database: any Database) async throws -> DesignationApplicationRecord {
        try await DesignationApplicationRecord.find(text: id, on: database, what: "application")
    }

    /// Who may read an application: its region's officials, the ministry, evaluators who declared no
    /// conflict on it, and committee members once it is a candidate. Everyone else gets "not found".
    static func requireReadable(_ application: DesignationApplicationRecord, by account: CurrentAccount, on database: any Database) async throws {
        switch account.role {
        case .ministryAdmin, .ministryOfficer: return
        case .regionalOfficial where account.regionID == application.regionID: return
        case .evaluator, .partnerStaff:
            let cleared = try await EvaluationAssignmentRecord.query(on: database)
                .filter(\.$evaluatorID == account.id).filter(\.$applicationID == application.requireID())
                .filter(\.$status ~~ ["declared-no-conflict", "submitted"]).count()
            if cleared > 0 { return }
        case .committeeMember:
            if try await DesignationProcedureRecord.query(on: database).filter(\.$applicationID == application.requireID()).count() > 0 { return }
        default: break
        }
        throw AppError.notFound("application")
    }

    static func requireOwner(_ application: DesignationApplicationRecord, _ account: CurrentAccount) throws {
        guard account.role == .regionalOfficial, account.regionID == application.regionID else { throw AppError.notFound("application") }
    }

    static func create(call: DesignationCallRecord, input: ApplicationInput, account: CurrentAccount, knownRules: Set<String>, now: Date,
                       on database: any Database) async throws -> DesignationApplicationRecord {
        guard account.role == .regionalOfficial, let regionID = account.regionID else { throw AppError.forbiddenRole }
        guard let region = try await RegionRecord.find(regionID, on: database) else { throw AppError.notFound("region") }
        guard !region.isCapitalRegion else {
            throw AppError(.forbidden, "region_not_eligible", "The capital region (Seoul, Gyeonggi, Incheon) cannot apply for a global innovation special district.")
        }
        guard DesignationCalls.isAccepting(call, now: now) else { throw windowClosed(call, now: now) }
        let level = try applicantLevel(input.applicantLevel, call: call)
        try rejectFormProblems(input.plan, knownRules: knownRules)
        try await AttachableDocuments.validate(input.plan.documentIDs, previously: [], uploader: account.id, on: database)
        let application = DesignationApplicationRecord()
        application.callID = try call.requireID()
        application.regionID = regionID
        application.applicantName = input.applicantName?.trimmed.nilIfEmpty ?? (account.language == "ko" ? region.nameKorean : region.nameEnglish)
        application.applicantLevel = level
        application.status = "draft"
        application.planJSON = try JSONColumn.encode(input.plan)
        application.revision = 1
        application.outcome = "draft"
        application.createdBy = account.id
        try await database.transaction { transaction in
            try await application.create(on: transaction)
            try await saveRevision(application, event: "created", by: account.id, on: transaction)
            try await AuditLog.record(on: transaction, actor: account.auditActor, action: "designation.application-created", targetType: "designation-application",
                                      targetID: try application.requireID().uuidString, after: ["region": regionID, "plan": input.plan.name])
        }
        return application
    }

    /// Saves a new revision of the plan: while a draft in an open window, or when the ministry asked for more.
    static func save(_ application: DesignationApplicationRecord, input: ApplicationInput, account: CurrentAccount, knownRules: Set<String>,
                     now: Date, on database: any Database) async throws {
        try requireOwner(application, account)
        let call = try await DesignationCalls.find(application.callID.uuidString, on: database)
        try requireEditable(application, call: call, now: now)
        try rejectFormProblems(input.plan, knownRules: knownRules)
        let previous = (try? JSONColumn.decode(DistrictPlan.self, application.planJSON).documentIDs) ?? []
        try await AttachableDocuments.validate(input.plan.documentIDs, previously: previous, uploader: account.id, on: database)
        if let name = input.applicantName?.trimmed.nilIfEmpty { application.applicantName = name }
        if input.applicantLevel != nil { application.applicantLevel = try applicantLevel(input.applicantLevel, call: call) }
        application.planJSON = try JSONColumn.encode(input.plan)
        application.revision += 1
        try await database.transaction { transaction in
            try await application.save(on: transaction)
            try await saveRevision(application, event: "saved", by: account.id, on: transaction)
            try await AuditLog.record(on: transaction, actor: account.auditActor, action: "designation.application-saved", targetType: "designation-application",
                                      targetID: try application.requireID().uuidString, after: ["revision": String(application.revision)])
        }
    }

    /// The explicit submit: a complete plan, before the close, answered with a receipt number and time.
    static func submit(_ application: DesignationApplicationRecord, account: CurrentAccount, knownRules: Set<String>, now: Date,
                       on database: any Database) async throws {
        try requireOwner(application, account)
        let call = try await DesignationCalls.find(application.callID.uuidString, on: database)
        try requireEditable(application, call: call, now: now)
        let plan = try JSONColumn.decode(DistrictPlan.self, application.planJSON)
        let problems = plan.submissionProblems(knownRuleIDs: knownRules)
        if let first = problems.first {
            throw AppError(.unprocessableEntity, first.code, problems.map(\.description).joined(separator: " "))
        }
        let resubmission = application.status == "info-requested"
        try await database.transaction { transaction in
            // Touch the call row first: it takes the write lock, so two submissions never draw the same number.
            try await RowLock.take(DesignationCallRecord.schema, id: try call.requireID(), touching: "stage_index", on: transaction)
            if application.receiptNumber == nil {
                let order = try await DesignationApplicationRecord.query(on: transaction)
                    .filter(\.$callID == application.callID).filter(\.$submittedOrder != nil).count() + 1
                application.submittedOrder = order
                application.receiptNumber = String(format: "GID-R%d-%04d", call.round, order)
            }
            application.status = "submitted"
            application.submittedAt = now
            application.infoRequest = nil
            if !resubmission { application.outcome = "submitted" }
            try await application.save(on: transaction)
            try await saveRevision(application, event: resubmission ? "resubmitted" : "submitted", by: account.id, on: transaction)
            try await AuditLog.record(on: transaction, actor: account.auditActor, action: resubmission ? "designation.application-resubmitted" : "designation.application-submitted",
                                      targetType: "designation-application", targetID: try application.requireID().uuidString,
                                      after: ["receipt": application.receiptNumber ?? "", "revision": String(application.revision)])
            if let owner = try await AccountRecord.find(account.id, on: transaction) {
                try await Outbox.write(on: transaction, to: owner, subject: "접수 완료 / Application submitted: \(application.receiptNumber ?? "")",
                                       body: """
                                       「\(plan.name)」 신청서가 제출되었습니다. 접수번호 \(application.receiptNumber ?? ""), 제출 시각 \(Timestamps.seoulMinute(now)).
                                       Your application "\(plan.name)" was submitted. Receipt \(application.receiptNumber ?? ""), at \(Timestamps.seoulMinute(now)).
                                       """, relatedType: "designation-application", relatedID: try application.requireID().uuidString)
            }
        }
    }

    /// The ministry asks for more: editing reopens (even after the close) and every revision stays.
    static func requestInformation(_ application: DesignationApplicationRecord, message: String, account: CurrentAccount, on database: any Database) async throws {
        guard application.status == "submitted" else {
            throw AppError.conflict("not_submitted", "Only a submitted application can be asked for more information.")
        }
        let text = message.trimmed
        guard text.count >= 10, text.count <= 4000 else { throw AppError.invalid("invalid_message", "Say what is needed in 10–4,000 characters.") }
        application.status = "info-requested"
        application.infoRequest = text
        try await database.transaction { transaction in
            try await application.save(on: transaction)
            try await AuditLog.record(on: transaction, actor: account.auditActor, action: "designation.information-requested", targetType: "designation-application",
                                      targetID: try application.requireID().uuidString, after: ["message": text])
            let officials = try await Recipients.officials(ofRegion: application.regionID, on: transaction)
            for official in officials {
                try await Outbox.write(on: transaction, to: official, subject: "보완 요청 / More information requested: \(application.receiptNumber ?? "")",
                                       body: text, relatedType: "designation-application", relatedID: try application.requireID().uuidString)
            }
        }
    }

    static func withdraw(_ application: DesignationApplicationRecord, account: CurrentAccount, on database: any Database) async throws {
        try requireOwner(application, account)
        guard ["draft", "submitted", "info-requested"].contains(application.status), ["draft", "submitted"].contains(application.outcome) else {
            throw AppError.conflict("cannot_withdraw", "An application under evaluation or already decided cannot be withdrawn here.")
        }
        application.status = "withdrawn"
        application.outcome = "withdrawn"
        try await database.transaction { transaction in
            try await application.save(on: transaction)
            try await AuditLog.record(on: transaction, actor: account.auditActor, action: "designation.application-withdrawn", targetType: "designation-application",
                                      targetID: try application.requireID().uuidString)
        }
    }

    static func revisions(_ application: DesignationApplicationRecord, on database: any Database) async throws -> [DesignationRevisionRecord] {
        try await DesignationRevisionRecord.query(on: database).filter(\.$applicationID == application.requireID()).sort(\.$revision).all()
    }

    // MARK: - Rules

    static func isEditable(_ application: DesignationApplicationRecord, call: DesignationCallRecord, now: Date) -> Bool {
        (application.status == "draft" && DesignationCalls.isAccepting(call, now: now)) || application.status == "info-requested"
    }

    private static func requireEditable(_ application: DesignationApplicationRecord, call: DesignationCallRecord, now: Date) throws {
        if application.status == "info-requested" { return }
        if application.status == "submitted" {
            throw AppError.conflict("already_submitted", "This application was submitted (receipt \(application.receiptNumber ?? "")); it can change only if the ministry asks for more information.")
        }
        if application.status == "withdrawn" { throw AppError.conflict("withdrawn", "This application was withdrawn.") }
        guard DesignationCalls.isAccepting(call, now: now) else { throw windowClosed(call, now: now) }
    }

    static func windowClosed(_ call: DesignationCallRecord, now: Date) -> AppError {
        if now < call.opensAt {
            return AppError.conflict("call_not_open", "The call opens at \(Timestamps.seoulMinute(call.opensAt)).")
        }
        return AppError.conflict("call_closed", "The call closed at \(Timestamps.seoulMinute(call.closesAt)); nothing can be submitted or changed now.")
    }

    private static func applicantLevel(_ text: String?, call: DesignationCallRecord) throws -> String {
        let level = text ?? "metropolitan"
        guard level == "metropolitan" || level == "local" else {
            throw AppError.invalid("invalid_applicant_level", "applicantLevel is 'metropolitan' (시·도) or 'local' (시·군·구).")
        }
        if level == "local" && !call.localGovernmentsEligible {
            throw AppError(.forbidden, "applicant_not_eligible", "In this call only metropolitan and provincial governments may apply.")
        }
        return level
    }

    private static func rejectFormProblems(_ plan: DistrictPlan, knownRules: Set<String>) throws {
        let problems = plan.formProblems(knownRuleIDs: knownRules)
        if let first = problems.first {
            throw AppError.invalid(first.code, problems.map(\.description).joined(separator: " "))
        }
        guard plan.name.count <= 200, plan.location.count <= 500, plan.industry.count <= 200, plan.zoneOperators.count <= 500,
              plan.kpis.count <= 100, plan.exemptions.count <= 200 else {
            throw AppError.invalid("plan_too_large", "The plan has more entries or longer texts than a plan may have.")
        }
    }

    private static func saveRevision(_ application: DesignationApplicationRecord, event: String, by account: UUID, on database: any Database) async throws {
        let revision = DesignationRevisionRecord()
        revision.applicationID = try application.requireID()
        revision.revision = application.revision
        revision.planJSON = application.planJSON
        revision.event = event
        revision.savedBy = account
        try await revision.create(on: database)
    }
}
