import Fluent
import Foundation
import TeukguCore
import Vapor

/// One action on a candidate's statutory procedure (API body; the page forms build the same).
struct ProcedureActionInput: StrictJSONInput, Content {
    /// `advance`, `hearing`, `vote`, `supplementation-start`, `supplementation-end`.
    var action: String
    var to: String?
    var date: String?
    var note: String?
    var announcedOn: String?
    var heldOn: String?
    var members: Int?
    var present: Int?
    var inFavour: Int?
    var reason: String?

    static let fields: Set<String> = [
        "action", "to", "date", "note", "announcedOn", "heldOn", "members", "present", "inFavour", "reason",
    ]
}

/// Runs the statutory procedure of each candidate, with its clocks; designation creates the district.
enum DesignationProcedures {
    static func find(_ id: String?, on database: any Database) async throws -> DesignationProcedureRecord {
        try await DesignationProcedureRecord.find(text: id, on: database, what: "procedure")
    }

    /// Ministry and committee members see every procedure; a regional official only their region's.
    static func requireReadable(_ procedure: DesignationProcedureRecord, by account: CurrentAccount) throws {
        if account.role.isMinistry || account.role == .committeeMember { return }
        if account.role == .regionalOfficial && account.regionID == procedure.regionID { return }
        throw AppError.notFound("procedure")
    }

    static func rules(on database: any Database) async throws -> ProcedureRules {
        ProcedureRules(
            parameters: try await LegalTimeStore.catalog(on: database),
            holidays: try await LegalTimeStore.holidays(on: database))
    }

    static func apply(
        _ input: ProcedureActionInput, to procedure: DesignationProcedureRecord, account: CurrentAccount,
        today: CalendarDate,
        on database: any Database
    ) async throws {
        let rules = try await rules(on: database)
        let state = try JSONColumn.decode(ProcedureState.self, procedure.stateJSON)
        let date = try day(input.date, field: "date") ?? today
        guard date <= today else {
            throw AppError.invalid("date_in_future", "Record what has happened: the date cannot be after today.")
        }
        let next: ProcedureState
        do {
            switch input.action {
            case "advance":
                guard let target = input.to.flatMap(ProcedureStepID.init(rawValue:)) else {
                    throw AppError.invalid(
                        "invalid_step",
                        "'to' must be one of: \(ProcedureStepID.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                next = try rules.advance(state, to: target, on: date, note: input.note?.trimmed ?? "")
            case "hearing":
                guard let announced = try day(input.announcedOn, field: "announcedOn"),
                    let held = try day(input.heldOn, field: "heldOn")
                else {
                    throw AppError.invalid("invalid_date", "announcedOn and heldOn are required dates.")
                }
                next = try rules.recordHearing(state, announcedOn: announced, heldOn: held)
            case "vote":
                guard let members = input.members, let present = input.present, let inFavour = input.inFavour else {
                    throw AppError.invalid("vote_invalid", "members, present and inFavour are required.")
                }
                next = try rules.recordVote(state, members: members, present: present, inFavour: inFavour, on: date)
            case "supplementation-start":
                next = try rules.startSupplementation(state, on: date, reason: input.reason?.trimmed ?? "")
            case "supplementation-end":
                next = try rules.endSupplementation(state, on: date)
            default:
                throw AppError.invalid(
                    "invalid_action", "action is advance, hearing, vote, supplementation-start or supplementation-end.")
            }
        } catch let error as ProcedureError {
            throw AppError(
                error == .terminal || error.code == "transition_not_allowed" ? .conflict : .unprocessableEntity,
                error.code, error.description)
        }
        try await database.transaction { transaction in
            procedure.stateJSON = try JSONColumn.encode(next)
            procedure.currentStep = next.current.rawValue
            if next.current == .designated && state.current != .designated {
                procedure.districtID = try await DistrictOperations.createDistrict(
                    from: procedure, designatedOn: date, actor: account.auditActor, on: transaction)
            }
            try await procedure.save(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "designation.procedure-\(input.action)",
                targetType: "designation-procedure", targetID: try procedure.requireID().uuidString,
                before: ["step": state.current.rawValue], after: ["step": next.current.rawValue, "date": date.iso])
        }
    }

    /// Procedures whose decision or step deadline has run out: they lead the officers' home page.
    /// A legal date an open procedure runs to: the ministry's decision clock, or the current
    /// step's own deadline.
    struct Deadline {
        let procedure: DesignationProcedureRecord
        /// `decision`, or the step the deadline belongs to.
        let step: String
        let due: CalendarDate
        let isOverdue: Bool
    }

    /// Every open procedure's running deadlines (a paused step's deadline is not running).
    static func deadlines(today: CalendarDate, on database: any Database) async throws -> [Deadline] {
        let open = try await DesignationProcedureRecord.query(on: database)
            .filter(
                \.$currentStep !~ [
                    ProcedureStepID.designated.rawValue, ProcedureStepID.rejected.rawValue,
                    ProcedureStepID.withdrawn.rawValue,
                ]
            ).all()
        guard !open.isEmpty else { return [] }
        let rules = try await rules(on: database)
        var deadlines: [Deadline] = []
        for procedure in open {
            guard let state = try? JSONColumn.decode(ProcedureState.self, procedure.stateJSON) else { continue }
            if state.current.isUnderDecisionClock, let result = try? rules.decisionClock(state, asOf: today) {
                deadlines.append(
                    Deadline(
                        procedure: procedure, step: "decision", due: result.due,
                        isOverdue: result.state(on: today) == .expired))
            }
            if let (clock, result) = try? rules.stepClock(state, asOf: today), clock.kind == .deadline,
                !state.isSupplementing
            {
                deadlines.append(
                    Deadline(
                        procedure: procedure, step: state.current.rawValue, due: result.due,
                        isOverdue: result.due < today))
            }
        }
        return deadlines
    }

    static func overdue(
        today: CalendarDate, on database: any Database
    ) async throws -> [(DesignationProcedureRecord, String)] {
        var seen: Set<UUID> = []
        return try await deadlines(today: today, on: database).filter(\.isOverdue).compactMap { deadline in
            // One line per procedure: the decision clock's, when both are late.
            guard let id = deadline.procedure.id, seen.insert(id).inserted else { return nil }
            return (deadline.procedure, "\(deadline.step) due \(deadline.due.iso)")
        }
    }

    private static func day(_ text: String?, field: String) throws -> CalendarDate? {
        guard let text, !text.isEmpty else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw AppError.invalid("invalid_date", "\(field) must be a date such as 2026-12-01.")
        }
        return date
    }
}

/// The procedure as the API shows it, with every clock.
struct ProcedureDTO: Content {
    struct StepDTO: Content {
        let id: String
        let title: String
        let titleKorean: String
        let citation: String
        let enteredOn: String?
        let isCurrent: Bool
        let done: Bool
    }

    struct ClockDTO: Content {
        let kind: String
        let parameter: String?
        let due: String
        let state: String
        let daysLeft: Int
        let pausedDays: Int
        let steps: [String]
    }

    let id: UUID
    let applicationID: UUID
    let callID: UUID
    let regionID: String
    let title: String
    let currentStep: String
    let allowedNext: [String]
    let steps: [StepDTO]
    let history: [ProcedureState.Entry]
    let stepClock: ClockDTO?
    let decisionClock: ClockDTO?
    let decisionOverdue: Bool
    let supplementations: [ProcedureState.Supplementation]
    let hearing: ProcedureState.Hearing?
    let vote: ProcedureState.CommitteeVote?
    let districtID: String?

    init(_ record: DesignationProcedureRecord, rules: ProcedureRules, today: CalendarDate) throws {
        let state = try JSONColumn.decode(ProcedureState.self, record.stateJSON)
        id = try record.requireID()
        applicationID = record.applicationID
        callID = record.callID
        regionID = record.regionID
        title = record.title
        currentStep = state.current.rawValue
        allowedNext = rules.definition.step(state.current).next.map(\.rawValue)
        let visited = Set(state.history.map(\.step))
        steps = rules.definition.steps.map { step in
            StepDTO(
                id: step.id.rawValue, title: step.titleEnglish, titleKorean: step.titleKorean,
                citation: step.citation.text,
                enteredOn: state.entered(step.id)?.iso, isCurrent: step.id == state.current,
                done: visited.contains(step.id) && step.id != state.current)
        }
        history = state.history
        func dto(_ kind: String, _ parameter: String?, _ result: LegalClockResult) -> ClockDTO {
            ClockDTO(
                kind: kind, parameter: parameter, due: result.due.iso, state: result.state(on: today).rawValue,
                daysLeft: result.daysLeft(on: today),
                pausedDays: result.pausedDays,
                steps: result.steps.map { $0.english + ($0.citation.map { " (\($0))" } ?? "") })
        }
        let clocks = try Self.clocks(state, rules: rules, today: today)
        stepClock = clocks.step.map { dto($0.0.kind.rawValue, $0.0.parameterKey, $0.1) }
        decisionClock = clocks.decision.map { dto("deadline", ProcedureDefinition.decisionClockKey, $0) }
        decisionOverdue = clocks.overdue
        supplementations = state.supplementations
        hearing = state.hearing
        vote = state.vote
        districtID = record.districtID
    }

    private static func clocks(
        _ state: ProcedureState, rules: ProcedureRules, today: CalendarDate
    ) throws
        -> (step: (ProcedureDefinition.StepClock, LegalClockResult)?, decision: LegalClockResult?, overdue: Bool)
    {
        do {
            return (
                try rules.stepClock(state, asOf: today), try rules.decisionClock(state, asOf: today),
                try rules.isDecisionOverdue(state, asOf: today)
            )
        } catch {
            throw AppError(.unprocessableEntity, error.code, error.description)
        }
    }
}
