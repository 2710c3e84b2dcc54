/// Applies actions to a procedure under the statutory table and the effective-dated parameters.
public struct ProcedureRules: Sendable {
    public let definition: ProcedureDefinition
    public let parameters: ParameterCatalog
    public let clock: LegalClock

    public init(definition: ProcedureDefinition = .standard, parameters: ParameterCatalog, holidays: HolidayCalendar) {
        self.definition = definition
        self.parameters = parameters
        clock = LegalClock(holidays: holidays)
    }

    /// Moves to `step` on `date`, refusing transitions the table forbids and steps whose legal
    /// conditions are not met (notice still running, hearing announced too late, no quorum).
    public func advance(
        _ state: ProcedureState, to step: ProcedureStepID, on date: CalendarDate, note: String = ""
    ) throws(ProcedureError) -> ProcedureState {
        let current = state.current
        if current.isTerminal { throw .terminal }
        guard definition.step(current).next.contains(step) else { throw .transitionNotAllowed(from: current, to: step) }
        guard date >= state.enteredCurrentOn else { throw .dateBeforeCurrentStep(state.enteredCurrentOn) }
        if state.isSupplementing && step != .withdrawn {
            throw .voteInvalid("Close the open supplementation request before moving on.")
        }
        if current == .publicNotice && step == .application {
            guard let hearing = state.hearing else { throw .hearingMissing }
            let earliestHearing = hearing.announcedOn.adding(
                days: try days("designation.hearingNotice", at: hearing.announcedOn))
            guard hearing.heldOn >= earliestHearing else {
                throw .hearingAnnouncedTooLate(earliestHearing: earliestHearing)
            }
            // Filed on `date`: the hearing it reports must already have been held (the same day at the latest).
            guard hearing.heldOn <= date else { throw .hearingAfterApplication(heldOn: hearing.heldOn) }
            let lastNoticeDay = try noticeLastDay(startedOn: state.enteredCurrentOn)
            guard date > lastNoticeDay else { throw .noticePeriodRunning(until: lastNoticeDay) }
        }
        if current == .specialZoneCommittee && step == .gazette {
            guard let vote = state.vote else { throw .voteMissing }
            guard vote.hasQuorum else { throw .noQuorum(present: vote.present, members: vote.members) }
            guard vote.carries else { throw .voteFailed(inFavour: vote.inFavour, present: vote.present) }
        }
        var next = state
        next.history.append(.init(step: step, enteredOn: date, note: note))
        return next
    }

    public func recordHearing(
        _ state: ProcedureState, announcedOn: CalendarDate, heldOn: CalendarDate
    ) throws(ProcedureError) -> ProcedureState {
        guard state.current == .publicNotice else {
            throw .transitionNotAllowed(from: state.current, to: .publicNotice)
        }
        guard heldOn >= announcedOn else { throw .voteInvalid("The hearing cannot be held before it is announced.") }
        // The hearing gathers opinions on the noticed plan (Act art. 74(2)): not before the notice starts.
        guard announcedOn >= state.enteredCurrentOn else {
            throw .hearingBeforeNotice(noticeStartedOn: state.enteredCurrentOn)
        }
        // "공청회 개최 예정일 14일 전까지 공고" (Decree art. 43(3)): announced on day A, the hearing may be held on
        // A + 14 at the earliest (A + 13 is refused). The days are counted on the calendar, weekends and
        // holidays included: the Decree counts back from the hearing, so art. 161 does not move the end.
        let earliest = announcedOn.adding(days: try days("designation.hearingNotice", at: announcedOn))
        guard heldOn >= earliest else { throw .hearingAnnouncedTooLate(earliestHearing: earliest) }
        var next = state
        next.hearing = .init(announcedOn: announcedOn, heldOn: heldOn)
        return next
    }

    public func recordVote(
        _ state: ProcedureState, members: Int, present: Int, inFavour: Int, on date: CalendarDate
    ) throws(ProcedureError) -> ProcedureState {
        guard state.current == .specialZoneCommittee else {
            throw .transitionNotAllowed(from: state.current, to: .specialZoneCommittee)
        }
        guard members > 0, present >= 0, present <= members, inFavour >= 0, inFavour <= present else {
            throw .voteInvalid("Votes must satisfy 0 ≤ in favour ≤ present ≤ members, with at least one member.")
        }
        guard date >= state.enteredCurrentOn else { throw .dateBeforeCurrentStep(state.enteredCurrentOn) }
        var next = state
        next.vote = .init(members: members, present: present, inFavour: inFavour, heldOn: date)
        return next
    }

    /// Supplementation pauses the opinion and decision clocks (Act art. 75(2), Decree art. 44(1): its days are excluded).
    public func startSupplementation(
        _ state: ProcedureState, on date: CalendarDate, reason: String
    ) throws(ProcedureError) -> ProcedureState {
        guard state.current.isUnderDecisionClock else { throw .supplementationNotAllowedHere }
        guard !state.isSupplementing else { throw .supplementationAlreadyOpen }
        guard date >= state.enteredCurrentOn else { throw .dateBeforeCurrentStep(state.enteredCurrentOn) }
        var next = state
        next.supplementations.append(.init(from: date, to: nil, reason: reason))
        return next
    }

    public func endSupplementation(
        _ state: ProcedureState, on date: CalendarDate
    ) throws(ProcedureError) -> ProcedureState {
        guard state.isSupplementing, let open = state.supplementations.last else { throw .noOpenSupplementation }
        guard date >= open.from else { throw .dateBeforeCurrentStep(open.from) }
        var next = state
        next.supplementations[next.supplementations.count - 1].to = date
        return next
    }

    /// The clock of the current step, if it runs one.
    public func stepClock(
        _ state: ProcedureState, asOf: CalendarDate
    ) throws(ProcedureError) -> (ProcedureDefinition.StepClock, LegalClockResult)? {
        guard let stepClock = definition.step(state.current).clock else { return nil }
        let start = state.enteredCurrentOn
        let pauses = stepClock.pausable ? pauses(of: state, from: start) : []
        return (stepClock, try compute(key: stepClock.parameterKey, from: start, pauses: pauses, asOf: asOf))
    }

    /// The 90-day decision clock from the application, supplementation excluded; nil before the application.
    public func decisionClock(_ state: ProcedureState, asOf: CalendarDate) throws(ProcedureError) -> LegalClockResult? {
        guard let applied = state.applicationDate else { return nil }
        return try compute(
            key: ProcedureDefinition.decisionClockKey, from: applied, pauses: pauses(of: state, from: applied),
            asOf: asOf)
    }

    /// A decision is overdue when the decision clock ran out before the procedure reached a decision.
    public func isDecisionOverdue(_ state: ProcedureState, asOf: CalendarDate) throws(ProcedureError) -> Bool {
        guard state.current.isUnderDecisionClock, let result = try decisionClock(state, asOf: asOf) else {
            return false
        }
        return result.state(on: asOf) == .expired
    }

    private func pauses(of state: ProcedureState, from start: CalendarDate) -> [ClockPause] {
        state.supplementations.filter { ($0.to ?? .init(dayNumber: Int.max / 4)) >= start }.map {
            ClockPause(from: max($0.from, start), to: $0.to)
        }
    }

    /// The last day of a minimum notice period that starts on `startedOn`. Counted as the Civil Act
    /// counts (art. 157: the first day is excluded), but not moved by holidays: art. 161 protects
    /// people who must act by a deadline, not the length of a notice.
    public func noticeLastDay(startedOn: CalendarDate) throws(ProcedureError) -> CalendarDate {
        startedOn.adding(days: try days("designation.publicNotice", at: startedOn))
    }

    private func days(_ key: String, at date: CalendarDate) throws(ProcedureError) -> Int {
        let length: ClockLength
        do { length = try parameters.length(key, at: date) } catch { throw .legalTime(String(describing: error)) }
        guard case .days(let days) = length else { throw .legalTime("\(key) must be counted in days.") }
        return days
    }

    private func compute(
        key: String, from start: CalendarDate, pauses: [ClockPause], asOf: CalendarDate
    ) throws(ProcedureError) -> LegalClockResult {
        do {
            let parameter = try parameters.parameter(key)
            let length = try parameters.length(key, at: start)
            let citation = try parameter.version(at: start).citation
            return try clock.compute(
                LegalClockSpec(start: start, length: length, pauses: pauses, lengthCitation: citation), asOf: asOf)
        } catch let error as ParameterError {
            throw .legalTime(String(describing: error))
        } catch let error as LegalTimeError {
            throw .legalTime(String(describing: error))
        } catch {
            throw .legalTime(String(describing: error))
        }
    }
}
