import Foundation

/// What the ministry sees of one application's scores in a stage: each evaluator's weighted total,
/// the mean that counts, the spread, and the evaluators far from the others.
public struct ScoreSummary: Hashable, Sendable, Codable {
    public struct EvaluatorTotal: Hashable, Sendable, Codable {
        public let evaluatorID: String
        public let total: Double
        /// Far from the mean of the other evaluators (see `StageAggregation.outlierDistance`).
        public let isOutlier: Bool
    }

    public let applicationID: String
    public let totals: [EvaluatorTotal]
    /// The plain mean of the evaluators' weighted totals; nil until someone has scored.
    public let mean: Double?
    /// The same mean held exactly, for ranking, ties and pass marks.
    public let exactMean: ExactScore?
    public let spread: Double
    public let standardDeviation: Double

    public var hasOutliers: Bool { totals.contains(where: \.isOutlier) }
}

/// Combines scorecards into stage results. Each evaluator's card becomes a weighted total; the
/// application's score is the mean of those totals, so every evaluator counts equally.
public struct StageAggregation: Sendable {
    public let stage: EvaluationStage
    /// How far (in points) an evaluator's total may sit from the mean of the others before it is
    /// flagged (from the median of all totals); the ministry then decides whether a consensus round is needed.
    public let outlierDistance: Double

    public init(stage: EvaluationStage, outlierDistance: Double = 15) {
        self.stage = stage
        self.outlierDistance = outlierDistance
    }

    public func summary(applicationID: String, cards: [String: Scorecard]) throws(ScorecardError) -> ScoreSummary {
        var totals: [(String, Double)] = []
        var exactSum: Int64 = 0
        for evaluator in cards.keys.sorted() {
            let exact = try stage.exactWeightedTotal(cards[evaluator]!.scores)
            exactSum += exact
            totals.append((evaluator, Double(exact) / Double(ExactScore.scale)))
        }
        let values = totals.map(\.1)
        let exactMean = values.isEmpty ? nil : ExactScore(sum: exactSum, count: Int64(values.count))
        let mean = exactMean.map { Double($0.sum) / Double($0.count) / Double(ExactScore.scale) }
        let spread = (values.max() ?? 0) - (values.min() ?? 0)
        let deviation: Double
        if let mean, values.count > 1 {
            deviation = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
        } else {
            deviation = 0
        }
        // Distance from the median, not the mean: one wild card must not drag the others into looking odd.
        let sorted = values.sorted()
        let median = sorted.isEmpty ? 0 : (sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
        let flagged = totals.map { evaluator, total -> ScoreSummary.EvaluatorTotal in
            guard values.count > 2 else {
                // With two evaluators each is equally far from the other; flag the pair through the spread instead.
                return .init(
                    evaluatorID: evaluator, total: total, isOutlier: values.count == 2 && spread > outlierDistance)
            }
            return .init(evaluatorID: evaluator, total: total, isOutlier: abs(total - median) > outlierDistance)
        }
        return ScoreSummary(
            applicationID: applicationID, totals: flagged, mean: mean, exactMean: exactMean, spread: spread,
            standardDeviation: deviation)
    }

    /// Ranks the applications by score and decides who advances: at or above the threshold, and
    /// within `advanceCount`. Ties are broken by the earlier submission, a rule applicants can know in advance.
    public func rank(_ entries: [RankingEntry]) -> [StageResult] {
        let ordered = entries.sorted { a, b in
            if a.exact != b.exact { return a.exact > b.exact }
            if a.submittedOrder != b.submittedOrder { return a.submittedOrder < b.submittedOrder }
            return a.applicationID < b.applicationID
        }
        var advanced = 0
        return ordered.enumerated().map { index, entry in
            let passes = entry.exact >= ExactScore(points: stage.passThreshold)
            let withinCount = stage.advanceCount.map { advanced < $0 } ?? true
            let advances = passes && withinCount
            if advances { advanced += 1 }
            let reason: StageResult.Reason = advances ? .advanced : (passes ? .outsideAdvanceCount : .belowThreshold)
            return StageResult(
                applicationID: entry.applicationID, score: entry.exact.hundredthsValue, rank: index + 1,
                advances: advances,
                reason: reason)
        }
    }
}

/// One application's place in a stage ranking, before the decision.
public struct RankingEntry: Hashable, Sendable {
    public let applicationID: String
    /// The score that ranks, held exactly.
    public let exact: ExactScore
    /// Order of submission (lower is earlier), the documented tie-break.
    public let submittedOrder: Int

    public init(applicationID: String, exact: ExactScore, submittedOrder: Int) {
        self.applicationID = applicationID
        self.exact = exact
        self.submittedOrder = submittedOrder
    }

    /// A score given in points (kept to hundredths).
    public init(applicationID: String, score: Double, submittedOrder: Int) {
        self.init(
            applicationID: applicationID, exact: ExactScore(sum: ExactScore.hundredths(score) * 100, count: 1),
            submittedOrder: submittedOrder)
    }

    public var score: Double { exact.hundredthsValue }
}

/// The decided outcome of one application in a stage.
public struct StageResult: Hashable, Sendable, Codable {
    public enum Reason: String, Hashable, Sendable, Codable, CaseIterable {
        case advanced
        case belowThreshold = "below-threshold"
        case outsideAdvanceCount = "outside-advance-count"
    }

    public let applicationID: String
    public let score: Double
    public let rank: Int
    public let advances: Bool
    public let reason: Reason
}
