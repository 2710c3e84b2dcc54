import Foundation
import TeukguCore

/// One candidate's statutory procedure: its steps with citations and dates, the clocks that run
/// now (each with the rule and citation behind it), the hearing and the committee vote, and the
/// ministry's form for the next step. Built from the record and the rules; it reads no database.
struct ProcedurePage: Encodable {
    struct Step: Encodable {
        let title: String
        let citation: String
        let enteredOn: String?
        let isCurrent: Bool
        let done: Bool
    }

    struct Option: Encodable {
        let id: String
        let title: String
    }

    let title: String
    let regionName: String
    let currentTitle: String
    let steps: [Step]
    let next: [Option]
    let action: String
    let canAct: Bool
    let today: String
    let stepClock: ClockView?
    let decisionClock: ClockView?
    let decisionOverdue: Bool
    let hearing: ProcedureState.Hearing?
    let vote: ProcedureState.CommitteeVote?
    let districtHref: String?
    let listHref: String
    let error: String?
    let showHearing: Bool
    let showVote: Bool
    let canSupplement: Bool
    let supplementing: Bool

    init(
        _ record: DesignationProcedureRecord, region: RegionRecord?, rules: ProcedureRules, viewer: CurrentAccount?,
        today: CalendarDate, language: String, error: String?
    ) throws {
        let state = try JSONColumn.decode(ProcedureState.self, record.stateJSON)
        let definition = rules.definition
        func title(_ id: ProcedureStepID) -> String {
            Strings.pick(definition.step(id).titleKorean, definition.step(id).titleEnglish, language)
        }
        // One computation of the clocks serves both the banner and the deadline sections.
        let stepResult: (ProcedureDefinition.StepClock, LegalClockResult)?
        let decisionResult: LegalClockResult?
        do {
            stepResult = try rules.stepClock(state, asOf: today)
            decisionResult = try rules.decisionClock(state, asOf: today)
            decisionOverdue = try rules.isDecisionOverdue(state, asOf: today)
        } catch {
            throw AppError(.unprocessableEntity, error.code, error.description)
        }
        self.title = record.title
        regionName = region.map { Strings.pick($0.nameKorean, $0.nameEnglish, language) } ?? record.regionID
        currentTitle = title(state.current)
        let visited = Set(state.history.map(\.step))
        steps = definition.steps.map { step in
            Step(
                title: title(step.id), citation: CitationWords.text(step.citation, language),
                enteredOn: state.entered(step.id)?.iso,
                isCurrent: step.id == state.current, done: visited.contains(step.id) && step.id != state.current)
        }
        next = definition.step(state.current).next.map { Option(id: $0.rawValue, title: title($0)) }
        let id = try record.requireID().uuidString
        action = Endpoints.procedureActionForm.link([.procedureID: id])
        canAct = viewer?.role.isMinistry == true
        self.today = today.iso
        stepClock = stepResult.map { ClockView(result: $0.1, asOf: today, language: language) }
        decisionClock = decisionResult.map { ClockView(result: $0, asOf: today, language: language) }
        hearing = state.hearing
        vote = state.vote
        districtHref = record.districtID.map { Endpoints.districtPage.link([.districtID: $0]) }
        listHref = Endpoints.proceduresPage.link()
        self.error = error
        showHearing = state.current == .publicNotice
        showVote = state.current == .specialZoneCommittee
        canSupplement = state.current.isUnderDecisionClock
        supplementing = state.isSupplementing
    }
}
