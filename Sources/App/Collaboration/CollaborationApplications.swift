import Fluent
import Foundation
import TeukguCore
import Vapor

/// A startup's application: one per company per call, track choices by the call's mode, the
/// requested amount within the cap, an explicit submit with a receipt, nothing editable after the close.
enum CollaborationApplications {
    static func find(_ id: String?, on database: any Database) async throws -> CollaborationApplicationRecord {
        try await CollaborationApplicationRecord.find(text: id, on: database, what: "application")
    }

    /// The company's members, the ministry, and staff of a track the application chose (partner or
    /// operating organisation) may read it; evaluators read it through their assignments.
    static func requireReadable(_ application: CollaborationApplicationRecord, by account: CurrentAccount, on database: any Database) async throws {
        switch account.role {
        case .ministryAdmin, .ministryOfficer: return
        case .companyMember where account.companyID == application.companyID: return
        case .partnerStaff, .operatingOrganisationStaff:
            let choices = try JSONColumn.decode([UUID].self, application.choicesJSON)
            let tracks = choices.isEmpty ? [] : try await CollaborationTrackRecord.query(on: database).filter(\.$id ~~ choices).all()
            if application.submittedAt != nil && tracks.contains(where: { CollaborationTracks.isOwnTrack($0, account) }) { return }
        case .evaluator:
            let cleared = try await EvaluationAssignmentRecord.query(on: database).filter(\.$evaluatorID == account.id)
                .filter(\.$applicationID == application.requireID()).filter(\.$status ~~ ["declared-no-conflict", "submitted"]).count()
            if cleared > 0 { return }
        default: break
        }
        throw AppError.notFound("application")
    }

    static func requireOwner(_ application: CollaborationApplicationRecord, _ account: CurrentAccount) throws {
        guard account.role == .companyMember, account.companyID == application.companyID else { throw AppError.notFound("application") }
    }

    static func create(call: CollaborationCallRecord, input: CollaborationApplicationInput, account: CurrentAccount, now: Date,
                       on database: any Database) async throws -> CollaborationApplicationRecord {
        let company = try await CompanyProfiles.own(account, on: database)
        guard CollaborationCalls.isAccepting(call, now: now) else { throw windowClosed(call, now: now) }
        let callID = try call.requireID()
        guard try await CollaborationApplicationRecord.query(on: database).filter(\.$callID == callID).filter(\.$companyID == company.requireID()).count() == 0 else {
            throw AppError.conflict("already_applied", "Your company already has an application to this call; one per company.")
        }
        let application = CollaborationApplicationRecord()
        application.callID = callID
        application.companyID = try company.requireID()
        application.choicesJSON = "[]"
        application.plan = ""
        application.requestedWon = 0
        application.documentsJSON = "[]"
        application.status = "draft"
        application.outcome = "draft"
        application.createdBy = account.id
        try await apply(input, to: application, call: call, uploader: account.id, on: database)
        try await database.transaction { transaction in
            try await application.create(on: transaction)
            try await AuditLog.record(on: transaction, actor: account.auditActor, action: "collaboration.application-created", targetType: "collaboration-application",
                                      targetID: try application.requireID().uuidString, after: ["company": company.name])
        }
        return application
    }

    static func save(_ application: CollaborationApplicationRecord, input: CollaborationApplicationInput, account: CurrentAccount, now: Date,
                     on database: any Database) async throws {
        try requireOwner(application, account)
        let call = try await CollaborationCalls.find(application.callID.uuidString, on: database)
        try requireEditable(application, call: call, now: now)
        try await apply(input, to: application, call: call, uploader: account.id, on: database)
        try await database.transaction { transaction in
            try await application.save(on: transaction)
            try await AuditLog.record(on: transaction, actor: account.auditActor, action: "collaboration.application-saved", targetType: "collaboration-application",
                                      targetID: try application.requireID().uuidString, after: ["requested": String(application.requestedWon)])
        }
    }

    static func submit(_ application: CollaborationApplicationRecord, account: CurrentAccount, now: Date, on database: any Database) async throws {
        try requireOwner(application, account)
        let call = try await CollaborationCalls.find(application.callID.uuidString, on: database)
        try requireEditable(application, call: call, now: now)
        let company = try await CompanyProfiles.own(account, on: database)
        let problems = try await submissionProblems(application, call: call, company: company, on: database)
        guard problems.isEmpty else { throw AppError(.unprocessableEntity, "application_incomplete", problems.joined(separator: " ")) }
        try await database.transaction { transaction in
            // The call row's lock keeps receipt numbers unique under concurrent submissions.
            try await RowLock.take(CollaborationCallRecord.schema, id: application.callID, touching: "max_choices", on: transaction)
            let order = try await CollaborationApplicationRecord.query(on: transaction).filter(\.$callID == application.callID)
                .filter(\.$submittedOrder != nil).count() + 1
            application.submittedOrder = order
            application.receiptNumber = String(format: "GCP-%d-%05d", call.year, order)
            application.status = "submitted"
            application.outcome = "submitted"
            application.submittedAt = now
            try await application.save(on: transaction)
            try await AuditLog.record(on: transaction, actor: account.auditActor, action: "collaboration.application-submitted", targetType: "collaboration-application",
                                      targetID: try application.requireID().uuidString, after: ["receipt": application.receiptNumber ?? ""])
            if let owner = try await AccountRecord.find(account.id, on: transaction) {
                try await Outbox.write(on: transaction, to: owner, subject: "접수 완료 / Application submitted: \(application.receiptNumber ?? "")",
                                       body: "\(company.name): 접수번호 \(application.receiptNumber ?? ""), \(Timestamps.seoulMinute(now)). Receipt \(application.receiptNumber ?? ""), at \(Timestamps.seoulMinute(now)).",
                                       relatedType: "collaboration-application", relatedID: try application.requireID().uuidString)
            }
        }
    }

    static func withdraw(_ application: CollaborationApplicationRecord, account: CurrentAccount, on database: any Database) async throws {
        try requireOwner(application, account)
        guard application.outcome == "draft" || application.outcome == "submitted" else {
            throw AppError.conflict("cannot_withdraw", "A decided application cannot be withdrawn here.")
        }
        let call = try await CollaborationCalls.find(application.callID.uuidString, on: database)
        guard call.status == "accepting" else { throw AppError.conflict("cannot_withdraw", "Applications under evaluation cannot be withdrawn here; ask the operating organisation.") }
        application.status = "withdrawn"
        application.outcome = "withdrawn"
        try await database.transaction { transaction in
            try await application.save(on: transaction)
            try await AuditLog.record(on: transaction, actor: account.auditActor, action: "collaboration.application-withdrawn", targetType: "collaboration-application",
                                      targetID: try application.requireID().uuidString)
        }
    }

    /// What still stops a submission: the plan, the choices, the amount, the company's eligibility.
    static func submissionProblems(_ application: CollaborationApplicationRecord, call: CollaborationCallRecord, company: CompanyRecord,
                                   on database: any Database) async throws -> [String] {
        var problems: [String] = []
        if application.plan.trimmed.count < 20 { problems.append("Describe the collaboration plan (at least 20 characters).") }
        let choices = try JSONColumn.decode([UUID].self, application.choicesJSON)
        if choices.isEmpty { problems.append("Choose a track.") }
        if choices.count > call.maxChoices { problems.append("This call takes at most \(call.maxChoices) track choice(s).") }
        if application.requestedWon <= 0 { problems.append("Give the amount requested.") }
        let eligibility = try JSONColumn.decode(CollaborationEligibility.self, call.eligibilityJSON)
        if let founded = CalendarDate(iso: company.foundedOn) {
            problems += eligibility.problems(foundedOn: founded, sector: company.sector, on: CalendarDate(instant: call.closesAt)).map(\.description)
        } else {
            problems.append("Give the company's founding date in its profile.")
        }
        return problems
    }

    static func isEditable(_ application: CollaborationApplicationRecord, call: CollaborationCallRecord, now: Date) -> Bool {
        application.status == "draft" && CollaborationCalls.isAccepting(call, now: now)
    }

    private static func requireEditable(_ application: CollaborationApplicationRecord, call: CollaborationCallRecord, now: Date) throws {
        if application.status == "submitted" {
            throw AppError.conflict("already_submitted", "This application was submitted (receipt \(application.receiptNumber ?? "")) and can no longer change.")
        }
        if application.status == "withdrawn" { throw AppError.conflict("withdrawn", "This application was withdrawn.") }
        guard CollaborationCalls.isAccepting(call, now: now) else { throw windowClosed(call, now: now) }
    }

    static func windowClosed(_ call: CollaborationCallRecord, now: Date) -> AppError {
        now < call.opensAt
            ? AppError.conflict("call_not_open", "The call opens at \(Timestamps.seoulMinute(call.opensAt)).")
            : AppError.conflict("call_closed", "The call closed at \(Timestamps.seoulMinute(call.closesAt)); nothing can be submitted or changed now.")
    }

    /// Validates and copies the fields given; the amount above the cap is refused, never trimmed.
    private static func apply(_ input: CollaborationApplicationInput, to application: CollaborationApplicationRecord, call: CollaborationCallRecord,
                              uploader: UUID, on database: any Database) async throws {
        if let choices = input.choices {
            guard Set(choices).count == choices.count else { throw AppError.invalid("duplicate_choice", "Each track may be chosen once.") }
            guard choices.count <= call.maxChoices else {
                throw AppError.invalid("too_many_choices", call.choiceMode == "single" ? "This call takes one track per application."
                                                                                       : "Choose at most \(call.maxChoices) tracks, best first.")
            }
            let tracks = choices.isEmpty ? [] : try await CollaborationTrackRecord.query(on: database).filter(\.$id ~~ choices).filter(\.$year == call.year).all()
            guard tracks.count == choices.count else { throw AppError.invalid("unknown_track", "Every choice must be a track of the \(call.year) programme.") }
            application.choicesJSON = try JSONColumn.encode(choices)
        }
        if let plan = input.plan {
            guard plan.count <= 20_000 else { throw AppError.invalid("plan_too_long", "Keep the plan under 20,000 characters.") }
            application.plan = plan.trimmed
        }
        if let amount = input.requestedWon {
            guard amount >= 0 else { throw AppError.invalid("invalid_amount", "The requested amount cannot be negative.") }
            guard amount <= call.grantCapWon else {
                throw AppError(.unprocessableEntity, "amount_over_cap",
                               "The requested \(Money(won: amount).text(language: "en")) is above the cap of \(Money(won: call.grantCapWon).text(language: "en")) (\(call.grantCapCitation)).")
            }
            application.requestedWon = amount
        }
        if let documents = input.documentIDs {
            let previous = try JSONColumn.decode([UUID].self, application.documentsJSON).map(\.uuidString)
            try await AttachableDocuments.validate(documents.map(\.uuidString), previously: previous, uploader: uploader, on: database)
            application.documentsJSON = try JSONColumn.encode(documents)
        }
    }
}
