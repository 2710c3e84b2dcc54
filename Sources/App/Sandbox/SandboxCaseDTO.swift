import Fluent
import Foundation
import TeukguCore
import Vapor

/// A case's clocks on a day: the answer or review clock once the ministries were notified, and the
/// committee's 30 days on conflicting answers to a rapid confirmation (art. 85(7)).
struct SandboxClocks {
    let answer: LegalClockResult?
    let committee: LegalClockResult?

    static func of(
        _ record: SandboxCaseRecord, events: [SandboxCaseEventRecord], catalog: ParameterCatalog,
        holidays: HolidayCalendar, today: CalendarDate
    ) -> SandboxClocks {
        // Plain do/catch rather than `try?` over the typed-throwing clock and parameter calls: the
        // release build of Swift 6.3 mis-released values on that path and crashed the server.
        var answer: LegalClockResult?
        if record.status.clockRuns && record.status != .atCommittee {
            do { answer = try SandboxClockSettler.clock(record, catalog, holidays, today: today) } catch {
                answer = nil
            }
        }
        var committee: LegalClockResult?
        if record.status == .atCommittee, record.kind == .rapidConfirmation,
            let referred = events.last(where: { $0.event == SandboxCaseStatus.Event.referToCommittee.rawValue }),
            let day = CalendarDate(iso: referred.onDay)
        {
            do {
                if let version = catalog.versionInForce("rapidConfirmation.committeeReferral", at: day),
                    let length = version.value.clockLength
                {
                    let spec = LegalClockSpec(start: day, length: length, lengthCitation: version.citation)
                    committee = try LegalClock(holidays: holidays).compute(spec, asOf: today)
                }
            } catch {
                committee = nil
            }
        }
        return SandboxClocks(answer: answer, committee: committee)
    }
}

/// A case as the API shows it, with the steps the caller may take now.
struct SandboxCaseDTO: Content {
    struct Clock: Content {
        let due: String
        let state: String
        let daysLeft: Int
        let pausedDays: Int
        /// What happens if it runs out (the deemed answer of art. 85(5)), when the law says.
        let onExpiry: String?
        let steps: [LegalClockResultDTO.Step]
    }

    struct PolicyDTO: Content {
        let insurer: String
        let number: String
        let from: String
        let until: String
        let deathWon: Int64
        let injuryWon: Int64
        let disabilityWon: Int64
        let propertyWon: Int64
    }

    struct Step: Content {
        let event: String
        let on: String
        let at: String?
        let actor: String
        let note: String
        let documentIDs: [UUID]
    }

    let id: UUID
    let number: String
    let kind: SandboxCaseKind
    let status: SandboxCaseStatus
    let companyID: UUID
    let districtID: String
    let regionID: String
    let title: String
    let activity: String
    let question: String
    let documentIDs: [UUID]
    let filedAt: String?
    let notifiedOn: String?
    let extensionDays: Int
    let answer: String?
    let answeredOn: String?
    /// A grant's terms: the national rules it switches off for the company, validity, conditions.
    let grantExempts: [String]?
    let validFrom: String?
    let validUntil: String?
    let grantConditions: [String]?
    /// A temporary permit extended once runs on after `validUntil` until the law is revised (art. 90(12)).
    let openUntilRevision: Bool
    /// For a permit granted on conversion (art. 87(8)): the exemption it replaces.
    let convertedFromID: UUID?
    let policies: [PolicyDTO]
    /// What the insurance on file lacks before a granted case may be used (empty when it suffices).
    let insuranceShortfalls: [String]
    let clock: Clock?
    let committeeClock: Clock?
    let history: [Step]
    let allowedEvents: [String]
    /// What the granted case leaves owing, and by whom: `company` or `ministry`.
    let deadlines: [DeadlineDTO]
    /// Damage claims under the grant (Decree art. 62), for the company, its region and the ministry.
    let claims: [ClaimDTO]
    /// The competent ministries notified, with each one's answer once recorded.
    let ministries: [CompetentMinistry]
    /// How a filer outside the zone takes part in its business (art. 86(1)); nil for one inside.
    let outsideZoneParticipation: String?

    struct DeadlineDTO: Content {
        let kind: String
        let due: String
        let owner: String
        /// A duty becomes overdue; a right (the extension application) only lapses.
        let duty: Bool
        let daysLeft: Int
        let citation: String
        /// The claim a claim deadline belongs to.
        let subject: String?
    }

    init(
        _ record: SandboxCaseRecord, events: [SandboxCaseEventRecord], clocks: SandboxClocks, viewer: CurrentAccount,
        today: CalendarDate, policies: [InsurancePolicyRecord] = [], shortfalls: [InsuranceCheck.Shortfall] = [],
        deadlines: [SandboxDeadline] = [], claims: [SandboxClaimRecord] = []
    ) throws {
        self.claims = try claims.map(ClaimDTO.init)
        ministries = CompetentMinistries.decode(record)
        outsideZoneParticipation = record.outsideZoneParticipation
        self.deadlines = deadlines.map {
            DeadlineDTO(
                kind: $0.kind.rawValue, due: $0.due.iso, owner: $0.owner.rawValue, duty: $0.isDuty,
                daysLeft: today.days(until: $0.due), citation: $0.citation.text,
                subject: $0.subject.isEmpty ? nil : $0.subject)
        }
        self.policies = policies.map {
            PolicyDTO(
                insurer: $0.insurer, number: $0.number, from: $0.coversFrom, until: $0.coversUntil,
                deathWon: $0.deathWon, injuryWon: $0.injuryWon, disabilityWon: $0.disabilityWon,
                propertyWon: $0.propertyWon)
        }
        insuranceShortfalls = shortfalls.map(\.english)
        id = try record.requireID()
        number = record.number
        kind = record.kind
        status = record.status
        companyID = record.companyID
        districtID = record.districtID
        regionID = record.regionID
        title = record.title
        activity = record.activity
        question = record.question
        documentIDs = try JSONColumn.decode([UUID].self, record.documentsJSON)
        filedAt = Timestamps.text(record.filedAt)
        notifiedOn = record.notifiedOn
        extensionDays = record.extensionDays
        answer = record.answer
        answeredOn = record.answeredOn
        openUntilRevision = record.openUntilRevision ?? false
        convertedFromID = record.convertedFromID
        grantExempts = try record.grantExemptsJSON.map { try JSONColumn.decode([String].self, $0) }
        validFrom = record.validFrom
        validUntil = record.validUntil
        grantConditions = try record.grantConditionsJSON.map { try JSONColumn.decode([String].self, $0) }
        func dto(_ result: LegalClockResult) -> Clock {
            Clock(
                due: result.due.iso, state: result.state(on: today).rawValue, daysLeft: result.daysLeft(on: today),
                pausedDays: result.pausedDays, onExpiry: result.onExpiry?.english,
                steps: result.steps.map { .init(ko: $0.korean, en: $0.english, citation: $0.citation) })
        }
        clock = clocks.answer.map(dto)
        committeeClock = clocks.committee.map(dto)
        history = try events.map {
            Step(
                event: $0.event, on: $0.onDay, at: Timestamps.text($0.at), actor: $0.actorLabel, note: $0.note,
                documentIDs: try JSONColumn.decode([UUID].self, $0.documentsJSON))
        }
        allowedEvents = SandboxCaseStatus.events(from: record.status).filter {
            record.kind.allows($0) && SandboxCases.refusal($0, on: record, by: viewer) == nil
        }.map(\.rawValue)
    }

    static func load(
        _ record: SandboxCaseRecord, viewer: CurrentAccount, today: CalendarDate, on database: any Database
    ) async throws -> SandboxCaseDTO {
        try SandboxCaseDTO(
            try await SandboxCaseContext.load(record, viewer: viewer, today: today, on: database), viewer: viewer,
            today: today)
    }

    init(_ context: SandboxCaseContext, viewer: CurrentAccount, today: CalendarDate) throws {
        try self.init(
            context.record, events: context.events, clocks: context.clocks, viewer: viewer, today: today,
            policies: context.policies, shortfalls: context.shortfalls, deadlines: context.deadlines,
            claims: context.claims)
    }
}

/// A case with what its page and its JSON show, read once: its history (after the read check),
/// clocks, the parameters they used, and for a granted case its insurance and shortfalls.
struct SandboxCaseContext {
    let record: SandboxCaseRecord
    let events: [SandboxCaseEventRecord]
    let clocks: SandboxClocks
    let catalog: ParameterCatalog
    let policies: [InsurancePolicyRecord]
    let shortfalls: [InsuranceCheck.Shortfall]
    let deadlines: [SandboxDeadline]
    /// Damage claims, for those who may read them (not the committee).
    let claims: [SandboxClaimRecord]

    static func load(
        _ record: SandboxCaseRecord, viewer: CurrentAccount, today: CalendarDate, on database: any Database
    ) async throws -> SandboxCaseContext {
        guard let context = try await loadMany([record], viewer: viewer, today: today, on: database).first else {
            throw AppError.notFound("sandbox case")
        }
        return context
    }

    /// The contexts of the cases the viewer may read, in order, reading histories, policies and
    /// claims in a few queries for the whole list rather than a few per case.
    static func loadMany(
        _ records: [SandboxCaseRecord], viewer: CurrentAccount, today: CalendarDate, on database: any Database
    ) async throws -> [SandboxCaseContext] {
        guard !records.isEmpty else { return [] }
        let catalog = try await LegalTimeStore.catalog(on: database)
        let holidays = try await LegalTimeStore.holidays(on: database)
        let ids = records.compactMap(\.id)
        let events = Dictionary(
            grouping: try await SandboxCaseEventRecord.query(on: database).filter(\.$caseID ~~ ids).sort(\.$at).all(),
            by: \.caseID)
        let granted = records.filter { $0.status == .granted || $0.status == .inUse }.compactMap(\.id)
        let policies = Dictionary(
            grouping: granted.isEmpty
                ? []
                : try await InsurancePolicyRecord.query(on: database).filter(\.$caseID ~~ granted).sort(\.$filedAt)
                    .all(),
            by: \.caseID)
        let claimable = records.filter { $0.validFrom != nil && SandboxClaimSteps.mayRead($0, viewer) }.compactMap(\.id)
        let claims = Dictionary(
            grouping: claimable.isEmpty
                ? []
                : try await SandboxClaimRecord.query(on: database).filter(\.$caseID ~~ claimable)
                    .sort(\.$createdAt).all(),
            by: \.caseID)
        return try records.compactMap { record in
            let id = try record.requireID()
            let history = events[id] ?? []
            let referred = history.contains { $0.event == SandboxCaseStatus.Event.referToCommittee.rawValue }
            guard SandboxCases.canRead(record, viewer, referred: referred) else { return nil }
            let clocks = SandboxClocks.of(record, events: history, catalog: catalog, holidays: holidays, today: today)
            let isGranted = record.status == .granted || record.status == .inUse
            let ownPolicies = policies[id] ?? []
            let ownClaims = claims[id] ?? []
            return SandboxCaseContext(
                record: record, events: history, clocks: clocks, catalog: catalog, policies: ownPolicies,
                shortfalls: isGranted
                    ? try SandboxPolicies.shortfalls(record, policies: ownPolicies, catalog: catalog) : [],
                deadlines: SandboxDeadlines.of(
                    record, events: history, policies: ownPolicies, claims: ownClaims, catalog: catalog, today: today),
                claims: ownClaims)
        }
    }
}
