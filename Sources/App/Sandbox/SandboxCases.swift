import Fluent
import FluentSQL
import Foundation
import TeukguCore
import Vapor

/// Filing sandbox cases and moving them along their route. Every step is one transaction with its
/// history row, its audit entry and the message to whoever acts next.
enum SandboxCases {
    struct Pause: Codable, Equatable {
        let from: String
        var to: String?
    }

    static func find(_ id: String?, on database: any Database) async throws -> SandboxCaseRecord {
        guard let id = id.flatMap(UUID.init(uuidString:)),
            let record = try await SandboxCaseRecord.find(id, on: database)
        else { throw AppError.notFound("sandbox case") }
        return record
    }

    // MARK: Who sees what

    static func canRead(_ record: SandboxCaseRecord, _ account: CurrentAccount, referred: Bool) -> Bool {
        switch account.role {
        case .ministryAdmin, .ministryOfficer: true
        case .regionalOfficial: account.regionID == record.regionID
        case .companyMember: account.companyID == record.companyID
        case .committeeMember: referred || record.status == .atCommittee
        default: false
        }
    }

    /// Refuses (404) a case the account may not see, without reading more than the check needs.
    static func requireReadable(
        _ record: SandboxCaseRecord, by account: CurrentAccount, on database: any Database
    ) async throws {
        var referred = false
        if account.role == .committeeMember {
            referred =
                try await SandboxCaseEventRecord.query(on: database).filter(\.$caseID == record.requireID())
                .filter(\.$event == SandboxCaseStatus.Event.referToCommittee.rawValue).count() > 0
        }
        guard canRead(record, account, referred: referred) else { throw AppError.notFound("sandbox case") }
    }

    // MARK: Filing

    static func file(
        _ input: SandboxFilingInput, account: CurrentAccount, now: Date, on database: any Database
    ) async throws -> SandboxCaseRecord {
        guard account.role == .companyMember, let companyID = account.companyID else {
            throw AppError(.forbidden, "forbidden_role", "Only a company's members file sandbox cases.")
        }
        guard let district = try await DistrictRecord.find(input.districtID, on: database) else {
            throw AppError(.unprocessableEntity, "unknown_district", "No district '\(input.districtID)'.")
        }
        var issues: [FieldIssue] = []
        let limits = SandboxFilingInput.limits
        if !limits["title"]!.admitsTrimmed(input.title) {
            issues.append(
                FieldIssue(field: "title", korean: "제목을 1~200자로 적어 주세요.", english: "Give a title of 1–200 characters."))
        }
        if !limits["activity"]!.admitsTrimmed(input.activity) {
            issues.append(
                FieldIssue(
                    field: "activity", korean: "하려는 사업을 1~4,000자로 적어 주세요.",
                    english: "Describe the activity in 1–4,000 characters."))
        }
        if !limits["question"]!.admitsTrimmed(input.question) {
            issues.append(
                FieldIssue(
                    field: "question", korean: "확인하려는 규제나 허가를 1~4,000자로 적어 주세요.",
                    english: "Name the regulation or permit in question in 1–4,000 characters."))
        }
        let participation = input.outsideZoneParticipation?.trimmed.nilIfEmpty
        if let participation {
            if input.kind != .demonstrationExemption {
                issues.append(
                    FieldIssue(
                        field: "outsideZoneParticipation",
                        korean: "특구 밖의 참여 기업은 실증특례만 신청할 수 있습니다(제86조제1항).",
                        english: "A company outside the zone may ask only for a demonstration exemption (art. 86(1))."))
            } else if !limits["outsideZoneParticipation"]!.admits(participation) {
                issues.append(
                    FieldIssue(
                        field: "outsideZoneParticipation", korean: "참여 방식은 2,000자 이내로 적어 주세요.",
                        english: "Describe how you take part in up to 2,000 characters."))
            }
        }
        guard issues.isEmpty else { throw AppError(.badRequest, "invalid_sandbox_case", issues: issues) }
        let documents = input.documentIDs ?? []
        try await AttachableDocuments.validate(
            documents.map(\.uuidString), previously: [], uploader: account.id, on: database)
        let record = SandboxCaseRecord()
        record.kind = input.kind
        record.status = .atRegion
        record.companyID = companyID
        record.districtID = try district.requireID()
        record.regionID = district.regionID
        record.title = input.title.trimmed
        record.activity = input.activity.trimmed
        record.question = input.question.trimmed
        record.outsideZoneParticipation = participation
        record.documentsJSON = try JSONColumn.encode(documents)
        record.filedAt = now
        record.pausesJSON = "[]"
        record.extensionDays = 0
        let today = CalendarDate(instant: now)
        // Two filings at once may draw the same number; the unique index refuses the second, which
        // draws again.
        for attempt in 1...5 {
            do {
                try await store(record, documents: documents, account: account, today: today, now: now, on: database)
                return record
            } catch let error as any DatabaseError where error.isConstraintFailure && attempt < 5 {
                record.id = nil
                record.$id.exists = false
                continue
            }
        }
        return record
    }

    private static func store(
        _ record: SandboxCaseRecord, documents: [UUID], account: CurrentAccount, today: CalendarDate, now: Date,
        on database: any Database
    ) async throws {
        try await database.transaction { transaction in
            record.number = try await nextNumber(year: today.year, on: transaction)
            try await record.create(on: transaction)
            try await history(
                record, event: "file", on: today, note: "", documents: documents, actor: account.auditActor,
                at: now, on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "sandbox.filed", targetType: "sandbox-case",
                targetID: try record.requireID().uuidString,
                after: ["number": record.number, "kind": record.kind.rawValue, "district": record.districtID],
                at: now)
            try await tell(
                region: record.regionID, about: record, subject: ("새 규제특례 신청", "A new sandbox case"),
                on: transaction)
        }
    }

    /// `SB-2026-0001`: numbered per year in filing order.
    static func nextNumber(year: Int, on database: any Database) async throws -> String {
        let prefix = "SB-\(year)-"
        let count = try await SandboxCaseRecord.query(on: database).filter(\.$number >= prefix)
            .filter(\.$number < "SB-\(year + 1)-").count()
        return prefix + String(format: "%04d", count + 1)
    }

    // MARK: Steps

    /// Who may take `event` on this case now; nil when the account may, else the refusal.
    static func refusal(
        _ event: SandboxCaseStatus.Event, on record: SandboxCaseRecord, by account: CurrentAccount
    ) -> AppError? {
        let ministry = account.role.isMinistry
        let region = account.role == .regionalOfficial && account.regionID == record.regionID
        let company = account.role == .companyMember && account.companyID == record.companyID
        let committee = account.role == .committeeMember || ministry
        let allowed: Bool =
            switch event {
            case .forward, .agreeCompensationPlan: region
            case .notify, .requestSupplement, .referToCommittee, .extendReview, .recordMinistryAnswer: ministry
            case .supplement, .withdraw, .startUse, .requestExtension, .requestRevision, .requestReconsideration,
                .submitResults, .fileCompensationPlan:
                company
            case .extendValidity, .lawRevised, .orderCorrection, .recordHearing, .cancel, .convertToPermit,
                .recordRevisionPlan:
                ministry
            case .deem: false
            case .confirmNoPermitNeeded, .confirmPermitNeeded, .grant, .refuse:
                switch record.status {
                case .atRegion: region && record.kind == .rapidConfirmation
                case .atCommittee: committee
                default: ministry
                }
            }
        guard allowed else {
            if event == .deem {
                return AppError(
                    .forbidden, "deemed_by_the_clock",
                    "Only the clock deems an answer, when the answer period runs out.")
            }
            return AppError(.forbidden, "not_your_step", "This step is not yours to take on this case.")
        }
        return nil
    }

    static func act(
        _ input: SandboxEventInput, on record: SandboxCaseRecord, by account: CurrentAccount, now: Date,
        app: Application, database: any Database
    ) async throws {
        let event = input.event
        if let refusal = refusal(event, on: record, by: account) { throw refusal }
        guard record.kind.allows(event) else {
            throw AppError.conflict(
                "sandbox_event_not_for_kind", "A \(record.kind.titleEnglish.lowercased()) cannot '\(event.rawValue)'.")
        }
        let note = input.note?.trimmed ?? ""
        guard note.count <= 4_000 else {
            throw AppError.invalid("note_too_long", "A note is at most 4,000 characters.")
        }
        let today = CalendarDate(instant: now)
        let before = record.status
        let next = try Lifecycles.move(record.status, event)
        var pauses = try JSONColumn.decode([Pause].self, record.pausesJSON)
        var onDay = today
        var convertedPermit: SandboxCaseRecord?
        switch event {
        case .notify:
            let filed = CalendarDate(instant: record.filedAt)
            let day = try DateInput.optional(input.on, field: "on") ?? today
            guard day >= filed, day <= today else {
                throw AppError.invalid(
                    "invalid_date", "The notification day lies between the filing day (\(filed.iso)) and today.")
            }
            record.notifiedOn = day.iso
            onDay = day
            let named = try CompetentMinistries.named(input.ministries)
            if !named.isEmpty { record.ministriesJSON = try JSONColumn.encode(named) }
        case .recordMinistryAnswer:
            try CompetentMinistries.record(input, on: record, note: note, today: today)
        case .requestSupplement:
            pauses.append(Pause(from: today.iso, to: nil))
        case .requestExtension:
            try await SandboxValidity.checkRequest(record, today: today, on: database)
        case .extendValidity:
            try await SandboxValidity.extend(record, days: input.days, today: today, on: database)
        case .requestRevision:
            try await SandboxValidity.requestRevision(record, today: today, on: database)
        case .requestReconsideration:
            try await SandboxValidity.checkReconsideration(record, today: today, on: database)
        case .submitResults:
            try await SandboxValidity.checkResults(record, note: note, input: input, on: database)
        case .recordRevisionPlan:
            guard try await SandboxValidity.hasEvent(.requestRevision, record, on: database) else {
                throw AppError.conflict("revision_not_requested", "No law revision was requested for this case.")
            }
            guard !note.isEmpty else {
                throw AppError.invalid("note_required", "Write what the plan revises and by when.")
            }
        case .orderCorrection, .recordHearing:
            guard !note.isEmpty else {
                throw AppError.invalid("note_required", "Write what is to be corrected, or what the hearing found.")
            }
        case .cancel:
            try await SandboxValidity.checkCancellation(record, note: note, on: database)
        case .convertToPermit:
            convertedPermit = try await SandboxConversion.permit(
                from: record, terms: input, note: note, today: today, now: now, app: app, database: database)
        case .lawRevised:
            try await SandboxValidity.lawRevised(
                record, on: try DateInput.optional(input.on, field: "on") ?? today, database: database)
        case .fileCompensationPlan, .agreeCompensationPlan:
            try await SandboxCompensation.check(event, record, note: note, input: input, on: database)
        case .startUse:
            let shortfalls = try await SandboxPolicies.shortfalls(record, on: database)
            // An operator that cannot be insured starts on the compensation plan its region agreed.
            let agreed = try await SandboxCompensation.agreedPlan(record, on: database) != nil
            guard shortfalls.isEmpty || agreed else {
                throw AppError(
                    .unprocessableEntity, "insurance_insufficient",
                    issues: shortfalls.map { FieldIssue(field: "policy", korean: $0.korean, english: $0.english) })
            }
        case .supplement:
            if let open = pauses.lastIndex(where: { $0.to == nil }) { pauses[open].to = today.iso }
        case .extendReview:
            guard record.extensionDays == 0 else {
                throw AppError.conflict("review_already_extended", "The review can be extended once.")
            }
            let catalog = try await LegalTimeStore.catalog(on: database)
            let notified = record.notifiedOn.flatMap(CalendarDate.init(iso:)) ?? today
            let most = try SandboxValidity.required(catalog, record.kind.reviewExtensionKey ?? "", at: notified).amount
            let days = input.days ?? most
            guard (1...most).contains(days) else {
                throw AppError.invalid("invalid_extension", "An extension is 1–\(most) days (art. 86(3), 90(4)).")
            }
            record.extensionDays = days
        case .confirmNoPermitNeeded, .confirmPermitNeeded, .grant, .refuse:
            if event == .confirmNoPermitNeeded || event == .confirmPermitNeeded {
                try CompetentMinistries.checkConfirmation(event, on: record)
            }
            if event == .grant {
                try await SandboxGrants.settle(input, on: record, grantDay: today, app: app, database: database)
            }
            guard !note.isEmpty else {
                throw AppError.invalid("answer_required", "Write the answer, with its reasons, in the note.")
            }
            record.answer = note
            record.answeredOn = today.iso
        default:
            break
        }
        let documents = input.documentIDs ?? []
        try await AttachableDocuments.validate(
            documents.map(\.uuidString), previously: [], uploader: account.id, on: database)
        record.status = next
        record.pausesJSON = try JSONColumn.encode(pauses)
        try await SandboxDue.refresh(
            record, referredOn: event == .referToCommittee ? onDay : nil, today: today, on: database)
        let stepDay = onDay
        let permit = convertedPermit
        try await database.transaction { transaction in
            try await record.save(on: transaction)
            try await history(
                record, event: event.rawValue, on: stepDay, note: note, documents: documents, actor: account.auditActor,
                at: now, on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "sandbox.\(event.rawValue)",
                targetType: "sandbox-case", targetID: try record.requireID().uuidString,
                before: ["status": before.rawValue], after: ["status": next.rawValue], at: now)
            if let permit {
                try await SandboxConversion.store(
                    permit, from: record, today: today, note: note, actor: account.auditActor, now: now,
                    on: transaction)
            }
            if event == .startUse {
                try await SandboxConversion.retireExemption(replacedBy: record, today: today, on: transaction)
            }
            try await tellNext(record, on: transaction)
        }
        // The company's checks see the step at once (a grant starts, is extended or ends).
        app.companyGrants.forget(company: record.companyID)
    }

    // MARK: History and messages

    static func history(
        _ record: SandboxCaseRecord, event: String, on day: CalendarDate, note: String, documents: [UUID],
        actor: AuditLog.Actor, at: Date, on database: any Database
    ) async throws {
        let row = SandboxCaseEventRecord()
        row.caseID = try record.requireID()
        row.at = at
        row.onDay = day.iso
        row.actorID = actor.id
        row.actorLabel = actor.label
        row.event = event
        row.note = note
        row.documentsJSON = try JSONColumn.encode(documents)
        try await row.create(on: database)
    }

    /// Tells whoever the case now waits on; the company hears of every answer.
    static func tellNext(_ record: SandboxCaseRecord, on database: any Database) async throws {
        switch record.status {
        case .atMinistry, .underReview:
            try await tell(
                roles: [.ministryOfficer], about: record, subject: ("규제특례 사건 진행", "A sandbox case moved"), on: database)
        case .atCommittee:
            try await tell(
                roles: [.committeeMember], about: record, subject: ("위원회 심의 안건", "A case for the committee"),
                on: database)
        default:
            try await tellCompany(record, subject: ("규제특례 사건 진행", "Your sandbox case moved"), on: database)
        }
    }

    static func tellCompany(
        _ record: SandboxCaseRecord, subject: (String, String), on database: any Database
    )
        async throws
    {
        let members = try await AccountRecord.query(on: database).filter(\.$companyID == record.companyID)
            .filter(\.$isActive == true).all()
        for account in members { try await message(account, record, subject, on: database) }
    }

    static func tell(
        region: String, about record: SandboxCaseRecord, subject: (String, String), on database: any Database
    )
        async throws
    {
        let officials = try await AccountRecord.query(on: database).filter(\.$regionID == region)
            .filter(\.$role == Role.regionalOfficial.rawValue).filter(\.$isActive == true).all()
        for account in officials { try await message(account, record, subject, on: database) }
    }

    static func tell(
        roles: [Role], about record: SandboxCaseRecord, subject: (String, String), on database: any Database
    )
        async throws
    {
        let accounts = try await AccountRecord.query(on: database).filter(\.$role ~~ roles.map(\.rawValue))
            .filter(\.$isActive == true).all()
        for account in accounts { try await message(account, record, subject, on: database) }
    }

    private static func message(
        _ account: AccountRecord, _ record: SandboxCaseRecord, _ subject: (String, String), on database: any Database
    ) async throws {
        let language = account.language
        let status = record.status.text(language)
        try await Outbox.write(
            on: database, to: account, subject: Strings.pick(subject.0, subject.1, language) + " · " + record.number,
            body: Strings.pick(
                "\(record.number) \(record.title): \(status)", "\(record.number) \(record.title): \(status)", language),
            relatedType: "sandbox-case", relatedID: record.id?.uuidString)
    }
}
