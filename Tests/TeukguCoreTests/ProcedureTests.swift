import Testing
import TeukguCore

/// The statutory designation procedure: its transitions and every clock it keeps.
@Suite struct ProcedureTests {
    let rules = ProcedureRules(parameters: .seed, holidays: shippedHolidays)

    func atPublicNotice(_ start: String = "2026-01-05") throws -> ProcedureState {
        var state = ProcedureState(startedOn: date(start))
        state = try rules.advance(state, to: .priorConsultation, on: date(start))
        return try rules.advance(state, to: .publicNotice, on: date(start))
    }

    @Test func everyStepIsDefinedOnceAndTerminalStepsLeadNowhere() {
        let ids = ProcedureDefinition.standard.steps.map(\.id)
        #expect(Set(ids) == Set(ProcedureStepID.allCases) && ids.count == ProcedureStepID.allCases.count)
        for step in ProcedureDefinition.standard.steps {
            #expect(step.id.isTerminal == step.next.isEmpty)
        }
    }

    @Test func forbiddenTransitionsAreRefused() throws {
        let state = ProcedureState(startedOn: date("2026-01-05"))
        #expect(throws: ProcedureError.transitionNotAllowed(from: .plan, to: .gazette)) {
            try rules.advance(state, to: .gazette, on: date("2026-01-06"))
        }
        #expect(throws: ProcedureError.dateBeforeCurrentStep(date("2026-01-05"))) {
            try rules.advance(state, to: .priorConsultation, on: date("2026-01-04"))
        }
        let withdrawn = try rules.advance(state, to: .withdrawn, on: date("2026-01-06"))
        #expect(throws: ProcedureError.terminal) {
            try rules.advance(withdrawn, to: .priorConsultation, on: date("2026-01-07"))
        }
    }

    @Test func publicNoticeRunsAtLeastThirtyDaysWithAHearingAnnouncedFourteenDaysAhead() throws {
        var state = try atPublicNotice()
        #expect(throws: ProcedureError.hearingMissing) {
            try rules.advance(state, to: .application, on: date("2026-03-01"))
        }
        #expect(throws: ProcedureError.hearingAnnouncedTooLate(earliestHearing: date("2026-01-20"))) {
            try rules.recordHearing(state, announcedOn: date("2026-01-06"), heldOn: date("2026-01-19"))
        }
        state = try rules.recordHearing(state, announcedOn: date("2026-01-06"), heldOn: date("2026-01-20"))
        // Notice from 5 January: the first day is excluded, so the thirty days are 6 January – 4 February.
        #expect(try rules.noticeLastDay(startedOn: date("2026-01-05")) == date("2026-02-04"))
        #expect(throws: ProcedureError.noticePeriodRunning(until: date("2026-02-04"))) {
            try rules.advance(state, to: .application, on: date("2026-02-04"))
        }
        let applied = try rules.advance(state, to: .application, on: date("2026-02-05"))
        #expect(applied.current == .application)
        let (clock, result) = try #require(try rules.stepClock(state, asOf: date("2026-01-10")))
        #expect(clock.kind == .minimum && clock.parameterKey == "designation.publicNotice")
        #expect(result.due == date("2026-02-04"))
    }

    @Test func decisionClockRunsNinetyDaysFromTheApplicationWithSupplementationExcluded() throws {
        var state = try atPublicNotice("2026-01-05")
        state = try rules.recordHearing(state, announcedOn: date("2026-01-06"), heldOn: date("2026-01-26"))
        state = try rules.advance(state, to: .application, on: date("2026-03-02"))
        // 2 March + 90 days = 31 May, a Sunday: the period ends on Monday 1 June (Civil Act art. 161).
        #expect(try rules.decisionClock(state, asOf: date("2026-03-02"))?.due == date("2026-06-01"))
        state = try rules.advance(state, to: .ministryOpinions, on: date("2026-03-03"))
        // Ministries answer within 30 days: 3 March + 30 = 2 April.
        #expect(try rules.stepClock(state, asOf: date("2026-03-03"))?.1.due == date("2026-04-02"))
        state = try rules.startSupplementation(state, on: date("2026-03-10"), reason: "Financing table incomplete")
        #expect(throws: ProcedureError.supplementationAlreadyOpen) {
            try rules.startSupplementation(state, on: date("2026-03-11"), reason: "again")
        }
        #expect(try rules.decisionClock(state, asOf: date("2026-03-12"))?.isPaused == true)
        state = try rules.endSupplementation(state, on: date("2026-03-19"))
        let paused = try #require(try rules.decisionClock(state, asOf: date("2026-03-20")))
        #expect(paused.pausedDays == 10)
        #expect(paused.due == date("2026-06-10"))
        #expect(try rules.stepClock(state, asOf: date("2026-03-20"))?.1.due == date("2026-04-13"))
        #expect(try !rules.isDecisionOverdue(state, asOf: date("2026-06-10")))
        #expect(try rules.isDecisionOverdue(state, asOf: date("2026-06-11")))
    }

    @Test func theCommitteeNeedsAQuorumAndAMajorityOfThosePresent() throws {
        var state = try atPublicNotice()
        state = try rules.recordHearing(state, announcedOn: date("2026-01-05"), heldOn: date("2026-01-19"))
        for (step, day) in [
            (ProcedureStepID.application, "2026-02-05"), (.ministryOpinions, "2026-02-06"),
            (.subCommittee, "2026-03-02"),
            (.deliberationCommittee, "2026-03-10"), (.specialZoneCommittee, "2026-03-20"),
        ] {
            state = try rules.advance(state, to: step, on: date(day))
        }
        #expect(throws: ProcedureError.voteMissing) { try rules.advance(state, to: .gazette, on: date("2026-03-21")) }
        #expect(throws: ProcedureError.self) {
            try rules.recordVote(state, members: 30, present: 31, inFavour: 1, on: date("2026-03-20"))
        }
        let noQuorum = try rules.recordVote(state, members: 30, present: 15, inFavour: 15, on: date("2026-03-20"))
        #expect(throws: ProcedureError.noQuorum(present: 15, members: 30)) {
            try rules.advance(noQuorum, to: .gazette, on: date("2026-03-21"))
        }
        let tied = try rules.recordVote(state, members: 30, present: 16, inFavour: 8, on: date("2026-03-20"))
        #expect(throws: ProcedureError.voteFailed(inFavour: 8, present: 16)) {
            try rules.advance(tied, to: .gazette, on: date("2026-03-21"))
        }
        let carried = try rules.recordVote(state, members: 30, present: 16, inFavour: 9, on: date("2026-03-20"))
        let gazette = try rules.advance(carried, to: .gazette, on: date("2026-03-25"))
        #expect(try rules.advance(gazette, to: .designated, on: date("2026-03-31")).current == .designated)
    }

    @Test func districtTermsRunFourYearsWithOneExtensionAndTwoYearsOfMonitoring() throws {
        let term = try DistrictTerm.starting(on: date("2026-04-01"), parameters: .seed)
        #expect(term.endsOn == date("2030-03-31"))
        #expect(throws: DistrictTermError.self) {
            try term.extended(by: .years(3), decidedOn: date("2030-01-10"), parameters: .seed)
        }
        let extended = try term.extended(by: .years(2), decidedOn: date("2030-01-10"), parameters: .seed)
        #expect(extended.endsOn == date("2032-03-31"))
        #expect(throws: DistrictTermError.alreadyExtended) {
            try extended.extended(by: .months(1), decidedOn: date("2031-01-10"), parameters: .seed)
        }
        #expect(try extended.postMonitoringUntil(parameters: .seed) == date("2034-03-31"))
        #expect(try extended.status(on: date("2033-01-01"), parameters: .seed) == .postMonitoring)
        let ended = try term.dedesignated(on: date("2027-07-01"), reason: "poor two years running")
        #expect(ended.lastDesignatedDay == date("2027-06-30"))
        #expect(try ended.status(on: date("2027-07-01"), parameters: .seed) == .postMonitoring)
        #expect(try ended.status(on: date("2029-07-01"), parameters: .seed) == .closed)
    }

    @Test func annualGradesFollowTheThresholdParameters() throws {
        #expect(try AnnualGrade.grade(score: 85, on: date("2026-12-01"), parameters: .seed) == .excellent)
        #expect(try AnnualGrade.grade(score: 84.9, on: date("2026-12-01"), parameters: .seed) == .normal)
        #expect(try AnnualGrade.grade(score: 59.9, on: date("2026-12-01"), parameters: .seed) == .poor)
    }
}

/// The hearing's place in the procedure: inside the plan's public notice, announced 14 days ahead
/// (Decree art. 43(3)), and before the application that reports it.
@Suite struct HearingOrderTests {
    let rules = ProcedureRules(parameters: .seed, holidays: shippedHolidays)

    func atPublicNotice(_ start: String) throws -> ProcedureState {
        var state = ProcedureState(startedOn: date(start))
        state = try rules.advance(state, to: .priorConsultation, on: date(start))
        return try rules.advance(state, to: .publicNotice, on: date(start))
    }

    @Test func fourteenDaysAheadMeansTheHearingOnDayAPlusFourteenAtTheEarliest() throws {
        let state = try atPublicNotice("2027-01-04")
        // Announced on Tuesday 5 January: Tuesday 19 January is the first possible hearing day.
        #expect(throws: ProcedureError.hearingAnnouncedTooLate(earliestHearing: date("2027-01-19"))) {
            try rules.recordHearing(state, announcedOn: date("2027-01-05"), heldOn: date("2027-01-18"))
        }
        let held = try rules.recordHearing(state, announcedOn: date("2027-01-05"), heldOn: date("2027-01-19"))
        #expect(held.hearing?.heldOn == date("2027-01-19"))
    }

    @Test func aHearingAnnouncedBeforeTheNoticeStartedIsRefused() throws {
        let state = try atPublicNotice("2027-01-04")
        #expect(throws: ProcedureError.hearingBeforeNotice(noticeStartedOn: date("2027-01-04"))) {
            try rules.recordHearing(state, announcedOn: date("2027-01-03"), heldOn: date("2027-01-25"))
        }
    }

    @Test func anApplicationCannotClaimAHearingLaterThanItself() throws {
        var state = try atPublicNotice("2027-01-04")
        state = try rules.recordHearing(state, announcedOn: date("2027-01-20"), heldOn: date("2027-02-15"))
        // The 30-day notice has run (from 5 January to 3 February), but the hearing is still to come.
        #expect(throws: ProcedureError.hearingAfterApplication(heldOn: date("2027-02-15"))) {
            try rules.advance(state, to: .application, on: date("2027-02-10"))
        }
        let filed = try rules.advance(state, to: .application, on: date("2027-02-15"))
        #expect(filed.current == .application)
    }
}

/// A district's term comes from its designated plan (Decree art. 42(3)1); the call's 4 years is only
/// the default for a plan that names none.
@Suite struct DistrictTermFromPlanTests {
    @Test func thePlansYearsSetTheTerm() throws {
        let term = try DistrictTerm.starting(on: date("2026-06-01"), planYears: 3, parameters: .seed)
        #expect(term.endsOn == date("2029-05-31"))
    }

    @Test func aPlanMayNameItsLastDayAsDaejeonsDoes() throws {
        let daejeon = try DistrictTerm.starting(
            on: date("2025-06-01"), planEndsOn: date("2029-12-31"), parameters: .seed)
        #expect(daejeon.startsOn == date("2025-06-01") && daejeon.endsOn == date("2029-12-31"))
        #expect(throws: DistrictTermError.endBeforeStart) {
            try DistrictTerm.starting(on: date("2025-06-01"), planEndsOn: date("2025-05-31"), parameters: .seed)
        }
    }

    @Test func withoutAPlanTermTheCallsDefaultOfFourYearsApplies() throws {
        let term = try DistrictTerm.starting(on: date("2026-04-01"), parameters: .seed)
        #expect(term.endsOn == date("2030-03-31"))
    }
}
