/// An application that passed every stage and may become a candidate.
public struct SelectionEntrant: Hashable, Sendable {
    public let id: String
    public let regionID: String
    public let score: Double
    public let regionHasDistrict: Bool
    /// Lower is earlier; the last tie-break.
    public let submittedOrder: Int

    public init(id: String, regionID: String, score: Double, regionHasDistrict: Bool, submittedOrder: Int) {
        self.id = id
        self.regionID = regionID
        self.score = score
        self.regionHasDistrict = regionHasDistrict
        self.submittedOrder = submittedOrder
    }
}

/// Why one entrant was or was not proposed.
public enum SelectionReason: Hashable, Sendable, Codable {
    case proposed(position: Int)
    case regionLimitReached(position: Int, limit: Int)
    case capReached(position: Int, cap: Int)

    public var isProposed: Bool { if case .proposed = self { return true } else { return false } }
}

/// The proposal with a reason for each entrant, in ranking order.
public struct SelectionProposal: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public let entrant: SelectionEntrant
        public let reason: SelectionReason
        /// Set when this entrant tied on score with the one before it and a tie-break decided.
        public let tieBrokenBy: TieBreak?
    }

    public enum TieBreak: String, Hashable, Sendable, Codable {
        case regionWithoutDistrict = "region-without-district"
        case earlierSubmission = "earlier-submission"
        case identifier
    }

    public let lines: [Line]

    public var proposedIDs: [String] { lines.filter { $0.reason.isProposed }.map(\.entrant.id) }
    public var totalScore: Double { lines.filter { $0.reason.isProposed }.reduce(0) { $0 + $1.entrant.score } }
}

/// Proposes candidates: best scores first, within the cap and the regional-balance policy.
///
/// Taking entrants greedily by score is optimal here: "at most k per region" is a partition
/// matroid, capping its size keeps it a matroid, and the greedy choice maximises a non-negative
/// total over any matroid. The property tests compare it with exhaustive search.
public struct CandidateSelection: Sendable {
    public let cap: Int
    public let policy: BalancePolicy

    public init(cap: Int, policy: BalancePolicy) {
        self.cap = cap
        self.policy = policy
    }

    /// The documented order: score, then (when the policy says so) a region without a district,
    /// then the earlier submission, then the id so the result never depends on input order.
    public func ordered(_ entrants: [SelectionEntrant]) -> [SelectionEntrant] {
        entrants.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if policy.preferRegionsWithoutDistrict && a.regionHasDistrict != b.regionHasDistrict {
                return !a.regionHasDistrict
            }
            if a.submittedOrder != b.submittedOrder { return a.submittedOrder < b.submittedOrder }
            return a.id < b.id
        }
    }

    public func propose(_ entrants: [SelectionEntrant]) -> SelectionProposal {
        let ranked = ordered(entrants)
        var perRegion: [String: Int] = [:]
        var chosen = 0
        var lines: [SelectionProposal.Line] = []
        for (index, entrant) in ranked.enumerated() {
            let position = index + 1
            let reason: SelectionReason
            if chosen >= cap {
                reason = .capReached(position: position, cap: cap)
            } else if let limit = policy.maxPerRegion, perRegion[entrant.regionID, default: 0] >= limit {
                reason = .regionLimitReached(position: position, limit: limit)
            } else {
                chosen += 1
                perRegion[entrant.regionID, default: 0] += 1
                reason = .proposed(position: position)
            }
            lines.append(
                .init(
                    entrant: entrant, reason: reason,
                    tieBrokenBy: index > 0 ? tieBreak(ranked[index - 1], entrant) : nil))
        }
        return SelectionProposal(lines: lines)
    }

    /// Checks a final list (after overrides) against the rules that no override may break: the cap,
    /// and the regional limit unless the officer overrode it with a reason.
    public func violations(of chosen: [SelectionEntrant], allowingRegionOverride: Bool) -> [String] {
        var problems: [String] = []
        if chosen.count > cap { problems.append("The call designates at most \(cap); \(chosen.count) are chosen.") }
        if let limit = policy.maxPerRegion, !allowingRegionOverride {
            let counts = Dictionary(grouping: chosen, by: \.regionID).mapValues(\.count)
            for (region, count) in counts.sorted(by: { $0.key < $1.key }) where count > limit {
                problems.append("Region \(region) has \(count) candidates; the call allows \(limit).")
            }
        }
        return problems
    }

    private func tieBreak(_ before: SelectionEntrant, _ entrant: SelectionEntrant) -> SelectionProposal.TieBreak? {
        guard before.score == entrant.score else { return nil }
        if policy.preferRegionsWithoutDistrict && before.regionHasDistrict != entrant.regionHasDistrict {
            return .regionWithoutDistrict
        }
        if before.submittedOrder != entrant.submittedOrder { return .earlierSubmission }
        return .identifier
    }
}
