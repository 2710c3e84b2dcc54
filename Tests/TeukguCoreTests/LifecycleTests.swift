import Testing
import TeukguCore

@Suite struct LifecycleTests {
    @Test func aDraftIsSubmittedAndCanBeReopenedOnlyByARequestForInformation() throws {
        let submitted = try ApplicationStatus.draft.applying(.submit)
        #expect(submitted == .submitted)
        #expect(throws: TransitionError(lifecycle: "application", from: "submitted", event: "save")) {
            try submitted.applying(.save)
        }
        let reopened = try submitted.applying(.requestInformation)
        #expect(reopened == .informationRequested && reopened.isOpenForEditing)
        #expect(try reopened.applying(.submit) == .submitted)
    }

    @Test func aWithdrawnApplicationNeverMovesAgain() {
        for event in ApplicationStatus.Event.allCases {
            #expect(ApplicationStatus.withdrawn.after(event) == nil, "withdrawn allowed \(event)")
        }
        #expect(ApplicationStatus.withdrawn.isFinal)
    }

    @Test func aDraftCannotBeAskedForMoreInformation() {
        #expect(!ApplicationStatus.draft.allows(.requestInformation))
    }

    @Test func aCallRunsAcceptingEvaluatingSelectingDecidedAndNoOtherWay() throws {
        var status = CallStatus.accepting
        for event: CallStatus.Event in [.startEvaluation, .finishEvaluation, .confirmSelection] {
            status = try status.applying(event)
        }
        #expect(status == .decided && status.isFinal)
        #expect(!CallStatus.accepting.allows(.confirmSelection))
        #expect(!CallStatus.historical.allows(.startEvaluation))
        #expect(
            CallStatus.selecting.hasSelection && CallStatus.decided.hasSelection && !CallStatus.evaluating.hasSelection)
    }

    @Test func anEvaluatorDeclaresBeforeScoringAndAConflictEndsTheAssignment() throws {
        #expect(!AssignmentStatus.awaitingDeclaration.allows(.submitScorecard))
        #expect(
            try AssignmentStatus.awaitingDeclaration.applying(.declareNoConflict).applying(.submitScorecard)
                == .submitted)
        let conflicted = try AssignmentStatus.awaitingDeclaration.applying(.declareConflict)
        #expect(conflicted.isConflicted && conflicted.isFinal && !conflicted.isCleared)
        #expect(AssignmentStatus.Event.allCases.allSatisfy { !AssignmentStatus.conflictDetected.allows($0) })
        #expect(try AssignmentStatus.submitted.applying(.reopenForConsensus) == .declaredNoConflict)
    }

    @Test func aFinalisedPanelTakesNoMoreScores() {
        #expect(PanelStatus.Event.allCases.allSatisfy { !PanelStatus.finalised.allows($0) })
    }

    @Test func onlyACommitteeChangeIsDecidedAndOnlyOnce() throws {
        #expect(PlanChangeStatus.filed(isMinor: true) == .applied)
        let pending = PlanChangeStatus.filed(isMinor: false)
        #expect(try pending.applying(.approve) == .approved)
        #expect(!PlanChangeStatus.approved.allows(.reject))
        #expect(!PlanChangeStatus.applied.allows(.approve))
    }

    @Test func finalStatesOfEveryLifecycleAllowNothing() {
        func check<State: Lifecycle>(_: State.Type) where State.Event: CaseIterable {
            for state in State.allCases where state.isFinal {
                #expect(
                    State.events(from: state).isEmpty, "\(State.lifecycleName).\(state.rawValue) is final but moves")
            }
        }
        check(CallStatus.self)
        check(ApplicationStatus.self)
        check(PanelStatus.self)
        check(AssignmentStatus.self)
        check(RulebookVersionStatus.self)
        check(BackgroundJobStatus.self)
        check(PlanChangeStatus.self)
    }

    @Test func storedOutcomesReadBackExactly() {
        let outcomes: [ApplicationOutcome] = [
            .draft, .submitted, .passed(stage: "written"), .failed(stage: "presentation"),
            .passed(stage: "demo-day"), .candidate, .selected, .notSelected, .withdrawn,
        ]
        for outcome in outcomes {
            #expect(ApplicationOutcome(rawValue: outcome.rawValue) == outcome)
        }
        #expect(ApplicationOutcome(rawValue: "written-passed") == .passed(stage: "written"))
        #expect(ApplicationOutcome(rawValue: "-passed") == nil)
        #expect(ApplicationOutcome(rawValue: "accepted") == nil)
        #expect(ApplicationOutcome.stageResult("written", advances: false) == .failed(stage: "written"))
        #expect(ApplicationOutcome.submitted.isUndecided && !ApplicationOutcome.passed(stage: "written").isUndecided)
    }

    @Test func aForbiddenMoveNamesItsStableCode() {
        let error = TransitionError(lifecycle: "call", from: "decided", event: "start-evaluation")
        #expect(error.code == "call_transition_not_allowed")
        #expect(error.description.contains("decided") && error.description.contains("start-evaluation"))
    }
}
