import Foundation

/// One scored criterion of an evaluation stage. Weights are per call because the ministry never
/// published them (DOMAIN.md marks them unconfirmed).
public struct Criterion: Hashable, Sendable, Codable {
    public var id: String
    public var titleKorean: String
    public var titleEnglish: String
    /// Share of the stage's 100 points.
    public var weight: Int

    public init(id: String, titleKorean: String, titleEnglish: String, weight: Int) {
        self.id = id
        self.titleKorean = titleKorean
        self.titleEnglish = titleEnglish
        self.weight = weight
    }
}

/// A stage of an evaluation (written, demo, presentation): its criteria, the score needed to pass
/// and how many may advance at most.
public struct EvaluationStage: Hashable, Sendable, Codable {
    public var id: String
    public var titleKorean: String
    public var titleEnglish: String
    public var criteria: [Criterion]
    /// Final weighted score (0–100) an application needs to pass the stage.
    public var passThreshold: Double
    /// At most this many advance, best first; nil lets every application over the threshold advance.
    public var advanceCount: Int?

    public init(
        id: String, titleKorean: String, titleEnglish: String, criteria: [Criterion], passThreshold: Double,
        advanceCount: Int?
    ) {
        self.id = id
        self.titleKorean = titleKorean
        self.titleEnglish = titleEnglish
        self.criteria = criteria
        self.passThreshold = passThreshold
        self.advanceCount = advanceCount
    }

    /// Every reason the stage cannot be used, so a form can show them all at once.
    public func problems() -> [EvaluationDesignError] {
        var found: [EvaluationDesignError] = []
        if id.isEmpty { found.append(.emptyStageID) }
        if criteria.isEmpty { found.append(.noCriteria(stage: id)) }
        var seen: Set<String> = []
        for criterion in criteria {
            if criterion.id.isEmpty { found.append(.emptyCriterionID(stage: id)) }
            if !seen.insert(criterion.id).inserted {
                found.append(.duplicateCriterion(stage: id, criterion: criterion.id))
            }
            if criterion.weight <= 0 { found.append(.nonPositiveWeight(stage: id, criterion: criterion.id)) }
        }
        let total = criteria.reduce(0) { $0 + $1.weight }
        if !criteria.isEmpty && total != 100 { found.append(.weightsDoNotSumTo100(stage: id, total: total)) }
        if !(0...100).contains(passThreshold) { found.append(.thresholdOutOfRange(stage: id)) }
        if let count = advanceCount, count < 1 { found.append(.advanceCountBelowOne(stage: id)) }
        return found
    }

    /// The weighted total of one evaluator's criterion scores (each 0–100, kept to hundredths), on a
    /// 0–100 scale.
    public func weightedTotal(_ scores: [String: Double]) throws(ScorecardError) -> Double {
        Double(try exactWeightedTotal(scores)) / Double(ExactScore.scale)
    }

    /// The weighted total in ten-thousandths of a point, exactly: each score in hundredths times its
    /// weight in percent. The order of the criteria cannot change it.
    public func exactWeightedTotal(_ scores: [String: Double]) throws(ScorecardError) -> Int64 {
        var total: Int64 = 0
        for criterion in criteria {
            guard let score = scores[criterion.id] else { throw .missingScore(criterion: criterion.id) }
            total += ExactScore.hundredths(score) * Int64(criterion.weight)
        }
        return total
    }

    /// Checks a scorecard before it is stored: every criterion, nothing else, each 0–100, each justified.
    public func validate(_ card: Scorecard) throws(ScorecardError) {
        let known = Set(criteria.map(\.id))
        if let unknown = card.entries.keys.sorted().first(where: { !known.contains($0) }) {
            throw .unknownCriterion(unknown)
        }
        for criterion in criteria {
            guard let entry = card.entries[criterion.id] else { throw .missingScore(criterion: criterion.id) }
            guard entry.score.isFinite, (0...100).contains(entry.score) else {
                throw .scoreOutOfRange(criterion: criterion.id)
            }
            guard
                entry.justification.trimmingCharacters(in: .whitespacesAndNewlines).count
                    >= Scorecard.minimumJustificationLength
            else {
                throw .justificationMissing(criterion: criterion.id)
            }
        }
    }
}

/// Why a stage definition is unusable.
public enum EvaluationDesignError: Error, Hashable, Sendable, CustomStringConvertible {
    case emptyStageID
    case noCriteria(stage: String)
    case emptyCriterionID(stage: String)
    case duplicateCriterion(stage: String, criterion: String)
    case nonPositiveWeight(stage: String, criterion: String)
    case weightsDoNotSumTo100(stage: String, total: Int)
    case thresholdOutOfRange(stage: String)
    case advanceCountBelowOne(stage: String)
    case duplicateStage(String)
    case noStages

    public var description: String {
        switch self {
        case .emptyStageID: return "Every stage needs an id."
        case .noCriteria(let stage): return "Stage '\(stage)' has no criteria."
        case .emptyCriterionID(let stage): return "A criterion of stage '\(stage)' has no id."
        case .duplicateCriterion(let stage, let criterion):
            return "Stage '\(stage)' lists criterion '\(criterion)' twice."
        case .nonPositiveWeight(let stage, let criterion):
            return "Criterion '\(criterion)' of stage '\(stage)' needs a weight above zero."
        case .weightsDoNotSumTo100(let stage, let total):
            return "The weights of stage '\(stage)' sum to \(total), not 100."
        case .thresholdOutOfRange(let stage): return "The pass threshold of stage '\(stage)' must be between 0 and 100."
        case .advanceCountBelowOne(let stage): return "Stage '\(stage)' must let at least one application advance."
        case .duplicateStage(let stage): return "Stage '\(stage)' appears twice."
        case .noStages: return "An evaluation needs at least one stage."
        }
    }

    /// Checks a whole sequence of stages.
    public static func problems(in stages: [EvaluationStage]) -> [EvaluationDesignError] {
        if stages.isEmpty { return [.noStages] }
        var found = stages.flatMap { $0.problems() }
        var seen: Set<String> = []
        for stage in stages where !seen.insert(stage.id).inserted { found.append(.duplicateStage(stage.id)) }
        return found
    }
}

/// Why a scorecard or a stage action is refused.
public enum ScorecardError: Error, Hashable, Sendable, CustomStringConvertible {
    case missingScore(criterion: String)
    case unknownCriterion(String)
    case scoreOutOfRange(criterion: String)
    case justificationMissing(criterion: String)

    public var code: String {
        switch self {
        case .missingScore: return "score_missing"
        case .unknownCriterion: return "unknown_criterion"
        case .scoreOutOfRange: return "score_out_of_range"
        case .justificationMissing: return "justification_missing"
        }
    }

    public var description: String {
        switch self {
        case .missingScore(let criterion): return "Criterion '\(criterion)' has no score."
        case .unknownCriterion(let criterion): return "'\(criterion)' is not a criterion of this stage."
        case .scoreOutOfRange(let criterion): return "The score for '\(criterion)' must be between 0 and 100."
        case .justificationMissing(let criterion):
            return
                "Criterion '\(criterion)' needs a written justification (at least \(Scorecard.minimumJustificationLength) characters)."
        }
    }
}
