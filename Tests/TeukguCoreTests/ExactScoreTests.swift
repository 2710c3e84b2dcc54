import Testing
import TeukguCore

/// Scores are compared exactly: pass marks, ties and rankings never depend on binary floating point,
/// on the order of the criteria or on the order of the evaluators.
@Suite struct ExactScoreTests {
    /// A small deterministic generator, so every run checks the same cases.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func aMeanOfExactlyThePassMarkPasses() {
        // 70.1 + 69.9 + 70.0 over three evaluators is exactly 70, which binary doubles miss.
        let stage = EvaluationStage(
            id: "written", titleKorean: "서면", titleEnglish: "Written",
            criteria: [.init(id: "a", titleKorean: "가", titleEnglish: "A", weight: 100)], passThreshold: 70,
            advanceCount: nil)
        let cards = ["e1": 70.1, "e2": 69.9, "e3": 70.0].mapValues {
            Scorecard(entries: ["a": .init(score: $0, justification: "justified at length")])
        }
        let summary = try! StageAggregation(stage: stage).summary(applicationID: "x", cards: cards)
        #expect(summary.exactMean == ExactScore(points: 70))
        let result = StageAggregation(stage: stage).rank([
            RankingEntry(applicationID: "x", exact: summary.exactMean!, submittedOrder: 1)
        ])
        #expect(result.first?.advances == true)
    }

    @Test func equalMeansTieAndTheEarlierSubmissionWins() {
        let a = ExactScore(sum: 1_600_000, count: 2)  // 80.00
        let b = ExactScore(sum: 2_400_000, count: 3)  // 80.00
        #expect(a == b && a.hashValue == b.hashValue)
        let stage = EvaluationStage(
            id: "s", titleKorean: "s", titleEnglish: "s", criteria: [], passThreshold: 60, advanceCount: 1)
        let ranked = StageAggregation(stage: stage).rank([
            RankingEntry(applicationID: "later", exact: a, submittedOrder: 5),
            RankingEntry(applicationID: "earlier", exact: b, submittedOrder: 2),
        ])
        #expect(ranked.map(\.applicationID) == ["earlier", "later"])
        #expect(ranked.map(\.advances) == [true, false])
    }

    @Test func permutingEvaluatorsOrCriteriaNeverChangesARankingOrATieBreak() throws {
        var random = Generator(state: 20_261_130)
        for _ in 0..<300 {
            let criterionCount = 2 + random.next(4)
            var weights = Array(repeating: 100 / criterionCount, count: criterionCount)
            weights[0] += 100 - weights.reduce(0, +)
            let criteria = weights.enumerated().map {
                Criterion(id: "c\($0.offset)", titleKorean: "c", titleEnglish: "c", weight: $0.element)
            }
            let stage = EvaluationStage(
                id: "s", titleKorean: "s", titleEnglish: "s", criteria: criteria,
                passThreshold: Double(50 + random.next(40)), advanceCount: 1 + random.next(4))
            // A few score patterns shared between applications, so ties are common.
            let patterns = (0..<3).map { _ in criteria.map { _ in Double(random.next(10_001)) / 100 } }
            var cardsByApplication: [String: [String: Scorecard]] = [:]
            for application in 0..<(3 + random.next(5)) {
                var cards: [String: Scorecard] = [:]
                for evaluator in 0..<(2 + random.next(3)) {
                    let scores = patterns[random.next(patterns.count)]
                    cards["e\(evaluator)"] = Scorecard(
                        entries: Dictionary(
                            uniqueKeysWithValues: zip(criteria.map(\.id), scores).map {
                                ($0.0, Scorecard.Entry(score: $0.1, justification: "justified at length"))
                            }))
                }
                cardsByApplication["a\(application)"] = cards
            }
            func ranking(
                _ stage: EvaluationStage, renaming rename: (String) -> String, reversed: Bool
            ) throws
                -> [StageResult]
            {
                let aggregation = StageAggregation(stage: stage)
                var entries: [RankingEntry] = []
                for (order, application) in cardsByApplication.keys.sorted().enumerated() {
                    let cards = Dictionary(
                        uniqueKeysWithValues: cardsByApplication[application]!.map { (rename($0.key), $0.value) })
                    let summary = try aggregation.summary(applicationID: application, cards: cards)
                    entries.append(
                        RankingEntry(applicationID: application, exact: summary.exactMean!, submittedOrder: order))
                }
                return aggregation.rank(reversed ? entries.reversed() : entries)
            }
            let original = try ranking(stage, renaming: { $0 }, reversed: false)
            var shuffled = stage
            shuffled.criteria.reverse()
            let permuted = try ranking(shuffled, renaming: { "z" + String($0.reversed()) }, reversed: true)
            #expect(original == permuted)
        }
    }
}
