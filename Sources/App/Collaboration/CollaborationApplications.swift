import Fluent
import Foundation
import TeukguCore
import Vapor

/// A startup's application: one per company per call, track choices by the call's mode, the
/// requested amount within the cap, an explicit submit with a receipt, nothing editable after the close.
enum CollaborationApplications: ApplicationProgramme {
    typealias Record = CollaborationApplicationRecord
    typealias Call = CollaborationCallRecord

    static let auditPrefix = "collaboration"
    static let recordType = "collaboration-application"
    /// Once evaluation starts, the operating organisation handles a withdrawal.
    static let withdrawalNeedsOpenCall = true

    static func receiptNumber(call: CollaborationCallRecord, order: Int) -> String {
        String(format: "GCP-%d-%05d", call.year, order)
    }

    static func isOwner(_ application: CollaborationApplicationRecord, _ account: CurrentAccount) -> Bool {
        account.role == .companyMember && account.companyID == application.companyID
    }

    /// Staff of a track the application chose (partner or operating organisation) once it is
    /// submitted; evaluators through their assignments once they declared no conflict.
    static func mayAlsoRead(
        _ application: CollaborationApplicationRecord, by account: CurrentAccount, on database: any Database
    ) async throws -> Bool {
        switch account.role {
        case .partnerStaff, .operatingOrganisationStaff:
            guard application.submittedAt != nil else { return false }
            let choices = try JSONColumn.decode([UUID].self, application.choicesJSON)
            let tracks =
                choices.isEmpty
                ? [] : try await CollaborationTrackRecord.query(on: database).filter(\.$id ~~ choices).all()
            return tracks.contains(where: { CollaborationTracks.isOwnTrack($0, account) })
        case .evaluator:
            return try await EvaluationAssignmentRecord.query(on: database).filter(\.$evaluatorID == account.id)
                .filter(\.$applicationID == application.requireID()).filter(\.$status ~~ AssignmentStatus.cleared)
                .count() > 0
        default:
            return false
        }
    }

    static func submissionRefusal(
        _ application: CollaborationApplicationRecord, call: CollaborationCallRecord, account: CurrentAccount,
        context: SubmissionContext, on database: any Database
    ) async throws -> AppError? {
        let company = try await CompanyProfiles.own(account, on: database)
        let problems = try await submissionProblems(application, call: call, company: company, on: database)
        return problems.isEmpty ? nil : AppError(.unprocessableEntity, "application_incomplete", issues: problems)
    }

    static func title(of application: CollaborationApplicationRecord, on database: any Database) async throws -> String
    {
        try await CompanyRecord.find(application.companyID, on: database)?.name ?? ""
    }

    static func applicantAccounts(
        of application: CollaborationApplicationRecord, on database: any Database
    ) async throws -> [AccountRecord] {
        try await Recipients.members(ofCompany: application.companyID, on: database)
    }

    // MARK: - What differs: one per company, track choices, the amount within the cap

    static func create(
        call: CollaborationCallRecord, input: CollaborationApplicationInput, account: CurrentAccount, now: Date,
        on database: any Database
    ) async throws -> CollaborationApplicationRecord {
        let company = try await CompanyProfiles.own(account, on: database)
        guard call.isAccepting(now: now) else { throw call.windowClosedError(now: now) }
        let callID = try call.requireID()
        guard
            try await CollaborationApplicationRecord.query(on: database).filter(\.$callID == callID).filter(
                \.$companyID == company.requireID()
            ).count() == 0
        else {
            throw AppError.conflict(
                "already_applied", "Your company already has an application to this call; one per company.")
        }
        let application = CollaborationApplicationRecord()
        application.callID = callID
        application.companyID = try company.requireID()
        application.choicesJSON = "[]"
        application.plan = ""
        application.requestedWon = 0
        application.documentsJSON = "[]"
        application.createdBy = account.id
        try await apply(input, to: application, call: call, uploader: account.id, on: database)
        try await insertDraft(application, account: account, details: ["company": company.name], on: database)
        return application
    }

    static func save(
        _ application: CollaborationApplicationRecord, input: CollaborationApplicationInput, account: CurrentAccount,
        now: Date,
        on database: any Database
    ) async throws {
        try requireOwner(application, account)
        let call = try await findCall(of: application, on: database)
        try requireEditable(application, call: call, now: now)
        try await apply(input, to: application, call: call, uploader: account.id, on: database)
        try await storeEdits(
            application, account: account, details: ["requested": String(application.requestedWon)], on: database)
    }

    /// What still stops a submission: the plan, the choices, the amount, the company's eligibility;
    /// each with the form field it concerns and a sentence in both languages.
    static func submissionProblems(
        _ application: CollaborationApplicationRecord, call: CollaborationCallRecord, company: CompanyRecord,
        on database: any Database
    ) async throws -> [FieldIssue] {
        var problems: [FieldIssue] = []
        if application.plan.trimmed.count < 20 {
            problems.append(
                FieldIssue(
                    field: "plan", korean: "협업 계획을 20자 이상 적어 주세요.",
                    english: "Describe the collaboration plan (at least 20 characters)."))
        }
        let choices = try JSONColumn.decode([UUID].self, application.choicesJSON)
        if choices.isEmpty {
            problems.append(FieldIssue(field: "choice0", korean: "트랙을 골라 주세요.", english: "Choose a track."))
        }
        if choices.count > call.maxChoices {
            problems.append(
                FieldIssue(
                    field: "choice0", korean: "이 공고는 트랙을 \(call.maxChoices)개까지 고를 수 있습니다.",
                    english: "This call takes at most \(call.maxChoices) track choice(s)."))
        }
        if application.requestedWon <= 0 {
            problems.append(
                FieldIssue(field: "amount", korean: "신청 금액을 적어 주세요.", english: "Give the amount requested."))
        }
        let eligibility = try JSONColumn.decode(CollaborationEligibility.self, call.eligibilityJSON)
        if let founded = CalendarDate(iso: company.foundedOn) {
            problems += eligibility.problems(
                foundedOn: founded, sector: company.sector, on: CalendarDate(instant: call.closesAt)
            ).map(Self.issue)
        } else {
            problems.append(
                FieldIssue(
                    field: "plan", korean: "기업 정보에 설립일을 적어 주세요.",
                    english: "Give the company's founding date in its profile."))
        }
        return problems
    }

    static func issue(_ problem: EligibilityProblem) -> FieldIssue {
        switch problem {
        case .age(let years, let minimum, let maximum, let lastDay):
            return FieldIssue(
                field: "plan",
                korean: "기업의 업력이 \(years)년입니다. 이 공고는 업력 \(minimum)–\(maximum)년 기업을 대상으로 하며, "
                    + "설립일부터 민법 제157조·제160조에 따라 셉니다(마지막 자격일 \(lastDay.iso)).",
                english: problem.description)
        case .sector(let sector, let allowed):
            return FieldIssue(
                field: "plan",
                korean: "업종 ‘\(sector)’는 이 공고의 대상 업종(\(allowed.joined(separator: ", ")))이 아닙니다.",
                english: problem.description)
        }
    }

    /// Validates and copies the fields given; the amount above the cap is refused, never trimmed.
    private static func apply(
        _ input: CollaborationApplicationInput, to application: CollaborationApplicationRecord,
        call: CollaborationCallRecord,
        uploader: UUID, on database: any Database
    ) async throws {
        if let choices = input.choices {
            guard Set(choices).count == choices.count else {
                throw AppError.invalid("duplicate_choice", "Each track may be chosen once.")
            }
            guard choices.count <= call.maxChoices else {
                throw AppError.invalid(
                    "too_many_choices",
                    call.choiceMode == "single"
                        ? "This call takes one track per application."
                        : "Choose at most \(call.maxChoices) tracks, best first.")
            }
            let tracks =
                choices.isEmpty
                ? []
                : try await CollaborationTrackRecord.query(on: database).filter(\.$id ~~ choices).filter(
                    \.$year == call.year
                ).all()
            guard tracks.count == choices.count else {
                throw AppError.invalid("unknown_track", "Every choice must be a track of the \(call.year) programme.")
            }
            application.choicesJSON = try JSONColumn.encode(choices)
        }
        if let plan = input.plan {
            guard CollaborationApplicationInput.limits["plan"]!.admits(plan) else {
                throw AppError.invalid("plan_too_long", "Keep the plan under 20,000 characters.")
            }
            application.plan = plan.trimmed
        }
        if let amount = input.requestedWon {
            guard amount >= 0 else {
                throw AppError.invalid("invalid_amount", "The requested amount cannot be negative.")
            }
            guard amount <= call.grantCapWon else {
                throw AppError(
                    .unprocessableEntity, "amount_over_cap",
                    issues: [
                        FieldIssue(
                            field: "amount",
                            korean:
                                "신청 금액 \(Money(won: amount).text(language: "ko"))은 지원 상한 \(Money(won: call.grantCapWon).text(language: "ko"))(\(call.grantCapCitation))을 넘습니다.",
                            english:
                                "The requested \(Money(won: amount).text(language: "en")) is above the cap of \(Money(won: call.grantCapWon).text(language: "en")) (\(call.grantCapCitation))."
                        )
                    ])
            }
            application.requestedWon = amount
        }
        if let documents = input.documentIDs {
            let previous = try JSONColumn.decode([UUID].self, application.documentsJSON).map(\.uuidString)
            try await AttachableDocuments.validate(
                documents.map(\.uuidString), previously: previous, uploader: uploader, on: database)
            application.documentsJSON = try JSONColumn.encode(documents)
        }
    }
}
