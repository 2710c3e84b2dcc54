import Fluent
import Foundation
import TeukguCore

/// The shared application component: written once, used by every programme through its
/// `ApplicationProgramme` declaration (`DesignationApplications`, `CollaborationApplications`).
extension ApplicationProgramme {
    static func find(_ id: String?, on database: any Database) async throws -> Record {
        try await Record.find(text: id, on: database, what: "application")
    }

    static func findCall(of application: Record, on database: any Database) async throws -> Call {
        try await Call.find(text: application.callID.uuidString, on: database, what: "call")
    }

    /// The ministry and the owner read every application; others as the programme allows. Everyone
    /// else gets "not found", so ids reveal nothing.
    static func requireReadable(
        _ application: Record, by account: CurrentAccount, on database: any Database
    ) async throws {
        if account.role.isMinistry || isOwner(application, account) { return }
        if try await mayAlsoRead(application, by: account, on: database) { return }
        throw AppError.notFound("application")
    }

    static func requireOwner(_ application: Record, _ account: CurrentAccount) throws {
        guard isOwner(application, account) else { throw AppError.notFound("application") }
    }

    /// Whether the owner may change it now: a draft in an open window, or reopened by the ministry.
    static func isEditable(_ application: Record, call: Call, now: Date) -> Bool {
        application.status == .informationRequested || (application.status == .draft && call.isAccepting(now: now))
    }

    static func requireEditable(_ application: Record, call: Call, now: Date) throws {
        switch application.status {
        case .informationRequested: return
        case .submitted:
            throw AppError.conflict(
                "already_submitted",
                "This application was submitted (receipt \(application.receiptNumber ?? "")); "
                    + "it can change only if the ministry asks for more information.")
        case .withdrawn: throw AppError.conflict("withdrawn", "This application was withdrawn.")
        case .draft: guard call.isAccepting(now: now) else { throw call.windowClosedError(now: now) }
        }
    }

    /// Stores a new draft (the caller has filled it in and checked the window and the input).
    static func insertDraft(
        _ application: Record, account: CurrentAccount, details: [String: String], on database: any Database
    ) async throws {
        application.status = .draft
        application.outcome = .draft
        try await database.transaction { transaction in
            try await application.create(on: transaction)
            try await recordChange(application, change: .created, by: account.id, on: transaction)
            try await audit(application, .created, account: account, details: details, on: transaction)
        }
    }

    /// Stores the owner's edits (the caller has applied the input after `requireEditable`).
    static func storeEdits(
        _ application: Record, account: CurrentAccount, details: [String: String], on database: any Database
    ) async throws {
        _ = try transition(application, .save)
        try await database.transaction { transaction in
            try await application.save(on: transaction)
            try await recordChange(application, change: .saved, by: account.id, on: transaction)
            try await audit(application, .saved, account: account, details: details, on: transaction)
        }
    }

    /// The explicit submit: complete, inside the window (or answering a request for more information),
    /// answered with a receipt number and time and a confirmation in the outbox.
    static func submit(
        _ application: Record, account: CurrentAccount, context: SubmissionContext = .init(), now: Date,
        on database: any Database
    ) async throws {
        try requireOwner(application, account)
        let call = try await findCall(of: application, on: database)
        try requireEditable(application, call: call, now: now)
        if let refusal = try await submissionRefusal(
            application, call: call, account: account, context: context, on: database)
        {
            throw refusal
        }
        let resubmission = application.status == .informationRequested
        let next = try transition(application, .submit)
        try await database.transaction { transaction in
            // Rewriting the call row takes its write lock, so two submissions never draw the same number.
            try await RowLock.take(Call.schema, id: try call.requireID(), touching: Call.lockColumn, on: transaction)
            if application.receiptNumber == nil {
                let order = try await Record.receiptCount(callID: application.callID, on: transaction) + 1
                application.submittedOrder = order
                application.receiptNumber = receiptNumber(call: call, order: order)
            }
            application.status = next
            application.submittedAt = now
            application.infoRequest = nil
            if !resubmission { application.outcome = .submitted }
            try await application.save(on: transaction)
            let change: ApplicationChange = resubmission ? .resubmitted : .submitted
            try await recordChange(application, change: change, by: account.id, on: transaction)
            try await audit(
                application, change, account: account, details: ["receipt": application.receiptNumber ?? ""],
                on: transaction)
            if let owner = try await AccountRecord.find(account.id, on: transaction) {
                let receipt = application.receiptNumber ?? ""
                let name = try await title(of: application, on: transaction)
                try await Outbox.write(
                    on: transaction, to: owner, subject: "접수 완료 / Application submitted: \(receipt)",
                    body: """
                        「\(name)」 신청서가 제출되었습니다. 접수번호 \(receipt), 제출 시각 \(Timestamps.seoulMinute(now)).
                        Your application "\(name)" was submitted. Receipt \(receipt), at \(Timestamps.seoulMinute(now)).
                        """, relatedType: recordType, relatedID: try application.requireID().uuidString)
            }
        }
    }

    /// The ministry asks for more: editing reopens (even after the close) and the applicant hears of it.
    static func requestInformation(
        _ application: Record, message: String, account: CurrentAccount, on database: any Database
    ) async throws {
        guard application.status == .submitted else {
            throw AppError.conflict("not_submitted", "Only a submitted application can be asked for more information.")
        }
        let text = message.trimmed
        guard text.count >= 10, text.count <= 4000 else {
            throw AppError.invalid("invalid_message", "Say what is needed in 10–4,000 characters.")
        }
        application.status = try transition(application, .requestInformation)
        application.infoRequest = text
        try await database.transaction { transaction in
            try await application.save(on: transaction)
            try await audit(
                application, .informationRequested, account: account, details: ["message": text], on: transaction)
            for recipient in try await applicantAccounts(of: application, on: transaction) {
                try await Outbox.write(
                    on: transaction, to: recipient,
                    subject: "보완 요청 / More information requested: \(application.receiptNumber ?? "")",
                    body: text, relatedType: recordType, relatedID: try application.requireID().uuidString)
            }
        }
    }

    /// The applicant withdraws an application nothing has been decided about yet.
    static func withdraw(_ application: Record, account: CurrentAccount, on database: any Database) async throws {
        try requireOwner(application, account)
        guard application.status.allows(.withdraw), application.outcome.isUndecided else {
            throw AppError.conflict(
                "cannot_withdraw", "An application under evaluation or already decided cannot be withdrawn here.")
        }
        if withdrawalNeedsOpenCall {
            let call = try await findCall(of: application, on: database)
            guard call.status == .accepting else {
                throw AppError.conflict(
                    "cannot_withdraw",
                    "Applications under evaluation cannot be withdrawn here; ask the operating organisation.")
            }
        }
        application.status = try transition(application, .withdraw)
        application.outcome = .withdrawn
        try await database.transaction { transaction in
            try await application.save(on: transaction)
            try await recordChange(application, change: .withdrawn, by: account.id, on: transaction)
            try await audit(application, .withdrawn, account: account, details: [:], on: transaction)
        }
    }

    private static func transition(_ application: Record, _ event: ApplicationStatus.Event) throws -> ApplicationStatus
    {
        do {
            return try application.status.applying(event)
        } catch {
            throw AppError.conflict(error.code, error.description)
        }
    }

    private static func audit(
        _ application: Record, _ change: ApplicationChange, account: CurrentAccount, details: [String: String],
        on database: any Database
    ) async throws {
        let action =
            change == .created || change == .saved || change == .submitted || change == .resubmitted
                || change == .withdrawn
            ? "application-\(change.rawValue)" : change.rawValue
        try await AuditLog.record(
            on: database, actor: account.auditActor, action: "\(auditPrefix).\(action)", targetType: recordType,
            targetID: try application.requireID().uuidString, after: details.isEmpty ? nil : details)
    }
}
