import Fluent
import Foundation
import TeukguCore
import Vapor

/// Opening and reading the yearly calls, and the tracks of each year.
enum CollaborationCalls {
    static func find(_ id: String?, on database: any Database) async throws -> CollaborationCallRecord {
        try await CollaborationCallRecord.find(text: id, on: database, what: "call")
    }

    static func isAccepting(_ call: CollaborationCallRecord, now: Date) -> Bool {
        call.isAccepting(now: now)
    }

    /// The call as the API and pages show it, with its year's tracks.
    static func dto(_ call: CollaborationCallRecord, _ request: Request) async throws -> CollaborationCallDTO {
        try CollaborationCallDTO(
            call, tracks: try await TrackDTO.make(try await tracks(of: call, on: request.db), on: request.db),
            now: request.now)
    }

    static func stages(of call: CollaborationCallRecord) throws -> [EvaluationStage] {
        try JSONColumn.decode([EvaluationStage].self, call.stagesJSON)
    }

    static func tracks(
        of call: CollaborationCallRecord, on database: any Database
    ) async throws -> [CollaborationTrackRecord] {
        try await CollaborationTrackRecord.query(on: database).filter(\.$year == call.year).sort(\.$name).all()
    }

    /// The choice mode is part of the rules applicants apply under: it may change only before anyone submits.
    static func setMode(
        _ call: CollaborationCallRecord, mode: String, maxChoices: Int?, actor: AuditLog.Actor,
        on database: any Database
    ) async throws {
        guard mode == "single" || mode == "ranked" else {
            throw AppError.invalid("invalid_choice_mode", "choiceMode is 'single' or 'ranked'.")
        }
        let limit = mode == "single" ? 1 : (maxChoices ?? 3)
        guard (1...3).contains(limit) else {
            throw AppError.invalid("invalid_max_choices", "Ranked choice allows 1 to 3 tracks.")
        }
        guard call.status == .accepting else {
            throw AppError.conflict("call_not_accepting", "The mode is fixed once evaluation starts.")
        }
        let submitted = try await CollaborationApplicationRecord.query(on: database).filter(
            \.$callID == call.requireID()
        ).filter(\.$submittedAt != nil).count()
        guard submitted == 0 else {
            throw AppError.conflict(
                "applications_submitted", "Applications were submitted under the current mode; it can no longer change."
            )
        }
        let before = call.choiceMode
        call.choiceMode = mode
        call.maxChoices = limit
        try await database.transaction { transaction in
            try await call.save(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: actor, action: "collaboration.mode-changed", targetType: "collaboration-call",
                targetID: try call.requireID().uuidString, before: ["mode": before],
                after: ["mode": mode, "maxChoices": String(limit)])
        }
    }

    static func open(
        _ input: CollaborationCallInput, actor: AuditLog.Actor, on database: any Database
    ) async throws -> CollaborationCallRecord {
        let limits = CollaborationCallInput.limits
        guard limits["year"]!.admits(input.year) else {
            throw AppError.invalid("invalid_year", "year must be a programme year.")
        }
        guard limits["title"]!.admitsTrimmed(input.title), limits["titleEnglish"]!.admits(input.titleEnglish ?? "")
        else {
            throw AppError.invalid("invalid_title", "The title must be 1–200 characters (the English one at most 200).")
        }
        guard let opens = Timestamps.parse(input.opensAt), let closes = Timestamps.parse(input.closesAt) else {
            throw AppError.invalid(
                "invalid_date", "opensAt and closesAt must be date-times such as 2026-03-02T09:00:00+09:00.")
        }
        guard closes > opens else { throw AppError.invalid("invalid_window", "The call must close after it opens.") }
        guard input.eligibility.isValid else {
            throw AppError.invalid("invalid_eligibility", "Company age must be 0 ≤ minimum ≤ maximum ≤ 100 years.")
        }
        guard input.budgetWon > 0, input.budgetWon <= Money.maximumWon else {
            throw AppError.invalid("invalid_budget", "budgetWon must be a positive amount.")
        }
        let mode = input.choiceMode ?? "single"
        guard mode == "single" || mode == "ranked" else {
            throw AppError.invalid("invalid_choice_mode", "choiceMode is 'single' or 'ranked'.")
        }
        let maxChoices = mode == "single" ? 1 : (input.maxChoices ?? 3)
        guard (1...3).contains(maxChoices) else {
            throw AppError.invalid("invalid_max_choices", "Ranked choice allows 1 to 3 tracks.")
        }
        let stages = input.stages ?? CollaborationStages.standard
        let problems = EvaluationDesignError.problems(in: stages)
        guard problems.isEmpty else {
            throw AppError.invalid("invalid_stages", problems.map(\.description).joined(separator: " "))
        }
        guard try await CollaborationCallRecord.query(on: database).filter(\.$year == input.year).count() == 0 else {
            throw AppError.conflict("call_exists", "\(input.year) already has a call.")
        }
        let catalog = try await LegalTimeStore.catalog(on: database)
        let openingDay = CalendarDate(instant: opens)
        guard let version = catalog.versionInForce("collaboration.grantCap", at: openingDay),
            case .won(let cap) = version.value
        else {
            throw AppError(.unprocessableEntity, "parameter_missing", "No grant cap is in force on \(openingDay.iso).")
        }
        let citation = version.citation.text
        let call = CollaborationCallRecord()
        call.year = input.year
        call.title = input.title.trimmed
        call.titleEnglish = input.titleEnglish?.trimmed.nilIfEmpty
        call.opensAt = opens
        call.closesAt = closes
        call.eligibilityJSON = try JSONColumn.encode(input.eligibility)
        call.grantCapWon = cap.won
        call.grantCapCitation = citation
        call.budgetWon = input.budgetWon
        call.choiceMode = mode
        call.maxChoices = maxChoices
        call.stagesJSON = try JSONColumn.encode(stages)
        call.status = .accepting
        try await database.transaction { transaction in
            try await call.create(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: actor, action: "collaboration.call-opened", targetType: "collaboration-call",
                targetID: try call.requireID().uuidString,
                after: [
                    "year": String(input.year), "mode": mode, "grantCap": String(cap.won),
                    "budget": String(input.budgetWon),
                ])
        }
        return call
    }
}

/// A call as the API shows it.
struct CollaborationCallDTO: Content {
    let id: UUID
    let year: Int
    let title: String
    let titleEnglish: String?
    let opensAt: String?
    let closesAt: String?
    let eligibility: CollaborationEligibility
    let grantCapWon: Int64
    let grantCapCitation: String
    let budgetWon: Int64
    let choiceMode: String
    let maxChoices: Int
    let stages: [EvaluationStage]
    let status: CallStatus
    let acceptingSubmissions: Bool
    let tracks: [TrackDTO]

    init(_ call: CollaborationCallRecord, tracks: [TrackDTO], now: Date) throws {
        id = try call.requireID()
        year = call.year
        title = call.title
        titleEnglish = call.titleEnglish
        opensAt = Timestamps.text(call.opensAt)
        closesAt = Timestamps.text(call.closesAt)
        eligibility = try JSONColumn.decode(CollaborationEligibility.self, call.eligibilityJSON)
        grantCapWon = call.grantCapWon
        grantCapCitation = call.grantCapCitation
        budgetWon = call.budgetWon
        choiceMode = call.choiceMode
        maxChoices = call.maxChoices
        stages = try CollaborationCalls.stages(of: call)
        status = call.status
        acceptingSubmissions = CollaborationCalls.isAccepting(call, now: now)
        self.tracks = tracks
    }
}

struct TrackDTO: Content {
    let id: UUID
    let year: Int
    let partnerID: String
    let partnerName: String
    let name: String
    let capacity: Int
    let sectorFocus: String
    let organisationID: UUID?
    let organisationName: String?
    let description: String
    let offer: String
    let stage: String

    static func make(_ tracks: [CollaborationTrackRecord], on database: any Database) async throws -> [TrackDTO] {
        let partners = try await PartnerRecord.query(on: database).all().keyedByID(\.name)
        let organisations = try await OrganisationRecord.query(on: database).all().keyedByID(\.name)
        return try tracks.map { track in
            TrackDTO(
                id: try track.requireID(), year: track.year, partnerID: track.partnerID,
                partnerName: partners[track.partnerID] ?? track.partnerID,
                name: track.name, capacity: track.capacity, sectorFocus: track.sectorFocus,
                organisationID: track.organisationID,
                organisationName: track.organisationID.flatMap { organisations[$0] }, description: track.description,
                offer: track.offer,
                stage: String(track.stageIndex))
        }
    }
}
