import Testing
import TeukguCore

/// The proposal never breaks the cap or the regional limit, and no feasible set scores higher.
@Suite struct SelectionPropertyTests {
    /// Exhaustive search over every subset: the best total any feasible set reaches.
    func bestFeasibleTotal(_ entrants: [SelectionEntrant], cap: Int, limit: Int?) -> Double {
        var best = 0.0
        for mask in 0..<(1 << entrants.count) {
            let chosen = entrants.indices.filter { mask & (1 << $0) != 0 }.map { entrants[$0] }
            guard chosen.count <= cap else { continue }
            if let limit, Dictionary(grouping: chosen, by: \.regionID).values.contains(where: { $0.count > limit }) {
                continue
            }
            best = max(best, chosen.reduce(0) { $0 + $1.score })
        }
        return best
    }

    @Test func proposalsAreFeasibleAndOptimal() {
        var random = SplitMix(state: 20261128)
        for _ in 0..<400 {
            let count = random.next(0...10)
            let regions = ["busan", "daegu", "gangwon", "jeonnam"]
            let entrants = (0..<count).map { index in
                // Scores on a coarse grid so ties happen often.
                SelectionEntrant(
                    id: "a\(index)", regionID: regions[random.next(0...3)], score: Double(random.next(60...70)),
                    regionHasDistrict: random.next(0...1) == 1, submittedOrder: random.next(0...5))
            }
            let cap = random.next(0...4)
            let limit: Int? = random.next(0...2) == 0 ? nil : random.next(1...2)
            let policy = BalancePolicy(maxPerRegion: limit, preferRegionsWithoutDistrict: random.next(0...1) == 1)
            let selection = CandidateSelection(cap: cap, policy: policy)
            let proposal = selection.propose(entrants)
            let chosen = entrants.filter { proposal.proposedIDs.contains($0.id) }
            #expect(selection.violations(of: chosen, allowingRegionOverride: false).isEmpty)
            #expect(chosen.count <= cap)
            #expect(abs(proposal.totalScore - bestFeasibleTotal(entrants, cap: cap, limit: limit)) < 1e-9)
            #expect(proposal.lines.count == entrants.count)
            // The result does not depend on the order the entrants came in.
            #expect(selection.propose(entrants.reversed()).proposedIDs == proposal.proposedIDs)
        }
    }

    @Test func everyEntrantGetsASentenceSayingWhy() {
        let entrants = [
            SelectionEntrant(id: "busan-1", regionID: "busan", score: 91, regionHasDistrict: true, submittedOrder: 1),
            SelectionEntrant(id: "busan-2", regionID: "busan", score: 88, regionHasDistrict: true, submittedOrder: 2),
            SelectionEntrant(id: "ulsan", regionID: "ulsan", score: 85, regionHasDistrict: false, submittedOrder: 5),
            SelectionEntrant(id: "daegu", regionID: "daegu", score: 85, regionHasDistrict: true, submittedOrder: 3),
            SelectionEntrant(
                id: "jeonbuk", regionID: "jeonbuk", score: 80, regionHasDistrict: false, submittedOrder: 4),
        ]
        let proposal = CandidateSelection(
            cap: 3, policy: BalancePolicy(maxPerRegion: 1, preferRegionsWithoutDistrict: true)
        ).propose(entrants)
        #expect(proposal.proposedIDs == ["busan-1", "ulsan", "daegu"])
        let sentences = proposal.lines.map { $0.sentence(korean: false) }
        #expect(sentences[0] == "Proposed: first by score (91.00).")
        #expect(
            sentences[1]
                == "Not proposed: second by score (88.00), but its region already has a candidate in this call.")
        #expect(sentences[3].hasSuffix("(Tied on score; placed after a region without a district.)"))
        #expect(
            sentences[4] == "Not proposed: fifth by score (80.00), and the cap of 3 designations is already reached.")
        #expect(proposal.lines[2].sentence(korean: true).contains("3위"))
    }

    @Test func overridesMayNeverBreakTheCap() {
        let selection = CandidateSelection(cap: 1, policy: BalancePolicy(maxPerRegion: 1))
        let two = [
            SelectionEntrant(id: "a", regionID: "x", score: 1, regionHasDistrict: false, submittedOrder: 0),
            SelectionEntrant(id: "b", regionID: "x", score: 1, regionHasDistrict: false, submittedOrder: 1),
        ]
        #expect(selection.violations(of: two, allowingRegionOverride: true).count == 1)
        #expect(selection.violations(of: two, allowingRegionOverride: false).count == 2)
    }
}
