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
        for evaluator in cards.keys.sorted() {
            totals.append((evaluator, try stage.weightedTotal(cards[evaluator]!.scores)))
        }
        let values = totals.map(\.1)
        let sum = values.reduce(0, +)
        let mean = values.isEmpty ? nil : sum / Double(values.count)
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
            applicationID: applicationID, totals: flagged, mean: mean, spread: spread, standardDeviation: deviation)
    }

    /// Ranks the applications by score and decides who advances: at or above the threshold, and
    /// within `advanceCount`. Ties are broken by the earlier submission, a rule applicants can know in advance.
    public func rank(_ entries: [RankingEntry]) -> [StageResult] {
        let ordered = entries.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.submittedOrder != b.submittedOrder { return a.submittedOrder < b.submittedOrder }
            return a.applicationID < b.applicationID
        }
        var advanced = 0
        return ordered.enumerated().map { index, entry in
            let passes = entry.score >= stage.passThreshold
            let withinCount = stage.advanceCount.map { advanced < $0 } ?? true
            let advances = passes && withinCount
            if advances { advanced += 1 }
            let reason: StageResult.Reason = advances ? .advanced : (passes ? .outsideAdvanceCount : .belowThreshold)
            return StageResult(
                applicationID: entry.applicationID, score: entry.score, rank: index + 1, advances: advances,
                reason: reason)
        }
    }
}

/// One application's place in a stage ranking, before the decision.
public struct RankingEntry: Hashable, Sendable {
    public let applicationID: String
    public let score: Double
    /// Order of submission (lower is earlier), the documented tie-break.
    public let submittedOrder: Int

    public init(applicationID: String, score: Double, submittedOrder: Int) {
        self.applicationID = applicationID
        self.score = score
        self.submittedOrder = submittedOrder
    }
}

/// The decided outcome of one application in a stage.
public struct StageResult: Hashable, Sendable, Codable {
    public enum Reason: String, Hashable, Sendable, Codable {
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
