import Testing
import TeukguCore

@Suite struct EvaluationTests {
    let stage = EvaluationStage(
        id: "written", titleKorean: "서면", titleEnglish: "Written",
        criteria: [
            Criterion(id: "plan", titleKorean: "계획", titleEnglish: "Plan", weight: 60),
            Criterion(id: "impact", titleKorean: "효과", titleEnglish: "Impact", weight: 40),
        ], passThreshold: 70, advanceCount: 2)

    func card(_ plan: Double, _ impact: Double) -> Scorecard {
        Scorecard(entries: [
            "plan": .init(score: plan, justification: "clear milestones"),
            "impact": .init(score: impact, justification: "jobs and exports"),
        ])
    }

    @Test func stageDesignsAreChecked() {
        #expect(stage.problems().isEmpty)
        var bad = stage
        bad.criteria[1].weight = 30
        bad.criteria.append(Criterion(id: "plan", titleKorean: "", titleEnglish: "", weight: 10))
        bad.passThreshold = 101
        #expect(
            bad.problems() == [
                .duplicateCriterion(stage: "written", criterion: "plan"), .thresholdOutOfRange(stage: "written"),
            ])
        bad.criteria.removeLast()
        #expect(
            bad.problems() == [
                .weightsDoNotSumTo100(stage: "written", total: 90), .thresholdOutOfRange(stage: "written"),
            ])
        #expect(EvaluationDesignError.problems(in: [stage, stage]) == [.duplicateStage("written")])
        #expect(EvaluationDesignError.problems(in: []) == [.noStages])
    }

    @Test func scorecardsNeedEveryCriterionInRangeWithAJustification() {
        #expect(throws: Never.self) { try stage.validate(card(80, 70)) }
        #expect(throws: ScorecardError.missingScore(criterion: "impact")) {
            try stage.validate(Scorecard(entries: ["plan": .init(score: 1, justification: "long enough text")]))
        }
        #expect(throws: ScorecardError.scoreOutOfRange(criterion: "plan")) { try stage.validate(card(100.5, 1)) }
        #expect(throws: ScorecardError.scoreOutOfRange(criterion: "plan")) { try stage.validate(card(.nan, 1)) }
        var unknown = card(1, 1)
        unknown.entries["charm"] = .init(score: 1, justification: "long enough text")
        #expect(throws: ScorecardError.unknownCriterion("charm")) { try stage.validate(unknown) }
        var terse = card(1, 1)
        terse.entries["plan"]!.justification = "  ok  "
        #expect(throws: ScorecardError.justificationMissing(criterion: "plan")) { try stage.validate(terse) }
    }

    @Test func summariesWeighAndFlagOutliers() throws {
        let aggregation = StageAggregation(stage: stage, outlierDistance: 15)
        let summary = try aggregation.summary(
            applicationID: "x", cards: ["e1": card(80, 70), "e2": card(82, 72), "e3": card(40, 30)])
        #expect(abs(summary.mean! - (76 + 78 + 36) / 3) < 1e-9)
        #expect(summary.spread == 42)
        #expect(summary.totals.map(\.isOutlier) == [false, false, true])
        let pair = try aggregation.summary(applicationID: "x", cards: ["e1": card(90, 90), "e2": card(50, 50)])
        #expect(pair.hasOutliers)
        #expect(try aggregation.summary(applicationID: "x", cards: [:]).mean == nil)
    }

    @Test func rankingAppliesThresholdAndAdvanceCountWithEarlierSubmissionBreakingTies() {
        let results = StageAggregation(stage: stage).rank([
            RankingEntry(applicationID: "late", score: 80, submittedOrder: 9),
            RankingEntry(applicationID: "early", score: 80, submittedOrder: 1),
            RankingEntry(applicationID: "third", score: 75, submittedOrder: 2),
            RankingEntry(applicationID: "weak", score: 60, submittedOrder: 0),
        ])
        #expect(results.map(\.applicationID) == ["early", "late", "third", "weak"])
        #expect(results.map(\.reason) == [.advanced, .advanced, .outsideAdvanceCount, .belowThreshold])
    }

    @Test func conflictsAreDetectedByRegionAndCompany() {
        let application = ApplicationParties(
            regionID: "busan", businessRegistrationNumbers: ["1208147521", "2148100001"])
        #expect(
            DetectedConflict.detect(evaluator: EvaluatorTies(regionID: "busan"), application: application) == [
                .sameRegion("busan")
            ])
        #expect(
            DetectedConflict.detect(
                evaluator: EvaluatorTies(businessRegistrationNumbers: ["1208147521"]), application: application) == [
                    .tiedToCompany("1208147521")
                ])
        #expect(
            DetectedConflict.detect(
                evaluator: EvaluatorTies(regionID: "daegu", businessRegistrationNumbers: ["999"]),
                application: application
            ).isEmpty)
    }
}
