import Testing
import TeukguCore

/// The answer and review clocks of the three sandbox instruments, from the parameters in force.
@Suite struct SandboxClockTests {
    let catalog = ParameterCatalog.seed
    let notified = date("2026-04-06")

    func clock(
        _ kind: SandboxCaseKind, pauses: [ClockPause] = [], extensions: [ClockLength] = [], today: String = "2026-04-06"
    ) throws -> LegalClockResult {
        try SandboxClock(kind: kind, notifiedOn: notified, pauses: pauses, extensions: extensions)
            .result(catalog, holidays: shippedHolidays, today: date(today))
    }

    @Test func aRapidConfirmationIsAnsweredWithinThirtyDaysOrDeemedTheNextDay() throws {
        let result = try clock(.rapidConfirmation)
        // Counting starts 2026-04-07; the thirtieth day is Wednesday 2026-05-06.
        #expect(result.due == date("2026-05-06"))
        #expect(result.onExpiry == SandboxClock.deemedAnswer)
        #expect(result.steps.first?.citation == "Regional Special Zones Act art. 85(4)")
        #expect(SandboxClock.deemedOn(result) == date("2026-05-07"))
        #expect(!SandboxClock.hasRunOut(result, today: date("2026-05-06")))
        #expect(SandboxClock.hasRunOut(result, today: date("2026-05-07")))
    }

    @Test func supplementationPausesTheClockAndAnOpenPauseNeverRunsOut() throws {
        let plain = try clock(.rapidConfirmation)
        let paused = try clock(
            .rapidConfirmation, pauses: [ClockPause(from: date("2026-04-13"), to: date("2026-04-17"))])
        #expect(paused.pausedDays > 0)
        #expect(paused.due > plain.due)
        let open = try clock(
            .rapidConfirmation, pauses: [ClockPause(from: date("2026-04-13"), to: nil)], today: "2026-09-01")
        #expect(open.isPaused)
        #expect(!SandboxClock.hasRunOut(open, today: date("2026-09-01")))
    }

    @Test func reviewsAreCappedAtNinetyDaysWithOneExtensionOfAtMostThirty() throws {
        for kind in [SandboxCaseKind.demonstrationExemption, .temporaryPermit] {
            let plain = try clock(kind)
            #expect(plain.due == date("2026-05-06"))
            #expect(plain.onExpiry == nil)
            // A supplementation of four months cannot stretch the review past the cap.
            let long = [ClockPause(from: date("2026-04-10"), to: date("2026-08-10"))]
            let capped = try clock(kind, pauses: long, today: "2026-09-01")
            #expect(capped.due <= date("2026-07-06"))
            let extended = try clock(kind, pauses: long, extensions: [.days(30)], today: "2026-09-01")
            #expect(extended.due > capped.due)
            #expect(throws: LegalTimeError.self) {
                try clock(kind, extensions: [.days(30), .days(30)])
            }
            #expect(throws: LegalTimeError.self) { try clock(kind, extensions: [.days(31)]) }
        }
    }

    @Test func eachInstrumentTakesOnlyItsOwnEvents() {
        #expect(SandboxCaseKind.rapidConfirmation.allows(.deem))
        #expect(!SandboxCaseKind.rapidConfirmation.allows(.grant))
        #expect(!SandboxCaseKind.demonstrationExemption.allows(.deem))
        #expect(SandboxCaseKind.temporaryPermit.allows(.extendReview))
        #expect(SandboxCaseStatus.underReview.after(.deem) == .deemedNoPermitNeeded)
        #expect(SandboxCaseStatus.awaitingSupplement.after(.deem) == nil)
        #expect(
            SandboxCaseStatus.cancelled.isFinal && !SandboxCaseStatus.granted.isFinal
                && !SandboxCaseStatus.refused.isFinal)
        #expect(SandboxCaseStatus.granted.after(.startUse) == .inUse)
        #expect(throws: TransitionError.self) { try SandboxCaseStatus.withdrawn.applying(.forward) }
    }

    @Test func theFilingCitationsExistInTheAct() {
        for kind in SandboxCaseKind.allCases {
            #expect(
                StatuteIndex.seed.check(law: kind.filingCitation.law, article: kind.filingCitation.article) == .valid)
        }
        let deemed = SandboxClock.deemedAnswer.citation!
        #expect(StatuteIndex.seed.check(law: deemed.law, article: deemed.article) == .valid)
    }
}
