import Testing
import TeukguCore

@Suite struct MatchingTests {
    func instance(
        _ tracks: [(String, Int)], _ applicants: [(String, [String])], _ rankings: [String: [String]]
    ) -> MatchingInstance {
        MatchingInstance(
            tracks: tracks.map { .init(id: $0.0, capacity: $0.1) },
            applicants: applicants.map { .init(id: $0.0, choices: $0.1) }, rankings: rankings)
    }

    @Test func applicantsGetTheirBestStableChoice() throws {
        let problem = instance(
            [("nvidia", 1), ("aws", 1)],
            [("a", ["nvidia", "aws"]), ("b", ["nvidia", "aws"]), ("c", ["aws"])],
            ["nvidia": ["b", "a"], "aws": ["a", "c", "b"]])
        let matcher = try DeferredAcceptance(problem)
        let result = matcher.run().byApplicant
        #expect(result["b"] == "nvidia")
        #expect(result["a"] == "aws")
        #expect(result["c"] == .some(nil))
        let why = matcher.explain(matcher.run())
        #expect(why[0].choiceNumber == 2)
        #expect(why[0].higherChoices == [.init(track: "nvidia", lowestAdmitted: "b", acceptable: true)])
        #expect(why[2].choiceNumber == nil && why[2].higherChoices.first?.lowestAdmitted == "a")
    }

    @Test func malformedInstancesAreRefusedWithAMessage() {
        #expect(throws: MatchingError.negativeCapacity(track: "t", capacity: -1)) {
            try DeferredAcceptance(instance([("t", -1)], [], [:]))
        }
        #expect(throws: MatchingError.duplicateTrack("t")) {
            try DeferredAcceptance(instance([("t", 1), ("t", 2)], [], [:]))
        }
        #expect(throws: MatchingError.duplicateApplicant("a")) {
            try DeferredAcceptance(instance([("t", 1)], [("a", []), ("a", [])], [:]))
        }
        #expect(throws: MatchingError.unknownTrackInChoices(applicant: "a", track: "x")) {
            try DeferredAcceptance(instance([("t", 1)], [("a", ["x"])], [:]))
        }
        #expect(throws: MatchingError.duplicateChoice(applicant: "a", track: "t")) {
            try DeferredAcceptance(instance([("t", 1)], [("a", ["t", "t"])], [:]))
        }
        #expect(throws: MatchingError.unknownTrackInRankings("x")) {
            try DeferredAcceptance(instance([("t", 1)], [], ["x": []]))
        }
        #expect(throws: MatchingError.unknownApplicantInRanking(track: "t", applicant: "z")) {
            try DeferredAcceptance(instance([("t", 1)], [], ["t": ["z"]]))
        }
        #expect(throws: MatchingError.duplicateInRanking(track: "t", applicant: "a")) {
            try DeferredAcceptance(instance([("t", 1)], [("a", ["t"])], ["t": ["a", "a"]]))
        }
        #expect(MatchingError.negativeCapacity(track: "t", capacity: -1).description.contains("negative"))
    }

    struct Random {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(n, 1)))
        }
    }

    static func randomInstance(_ r: inout Random) -> MatchingInstance {
        let trackCount = 1 + r.next(4)
        let applicantCount = 1 + r.next(8)
        let tracks = (0..<trackCount).map { MatchingInstance.Track(id: "t\($0)", capacity: r.next(3)) }
        let applicants = (0..<applicantCount).map { index -> MatchingInstance.Applicant in
            var pool = tracks.map(\.id)
            var picks: [String] = []
            for _ in 0..<min(3, 1 + r.next(trackCount)) where !pool.isEmpty {
                picks.append(pool.remove(at: r.next(pool.count)))
            }
            return .init(id: "a\(index)", choices: picks)
        }
        var rankings: [String: [String]] = [:]
        for track in tracks {
            var pool = applicants.map(\.id)
            var order: [String] = []
            while !pool.isEmpty {
                let pick = pool.remove(at: r.next(pool.count))
                if r.next(5) > 0 { order.append(pick) }
            }
            rankings[track.id] = order
        }
        return MatchingInstance(tracks: tracks, applicants: applicants, rankings: rankings)
    }

    /// The textbook algorithm, round by round, as a reference.
    static func reference(_ instance: MatchingInstance) -> [String: String?] {
        let capacity = Dictionary(uniqueKeysWithValues: instance.tracks.map { ($0.id, $0.capacity) })
        func rank(_ track: String, _ applicant: String) -> Int? { instance.rankings[track]?.firstIndex(of: applicant) }
        var next = Dictionary(uniqueKeysWithValues: instance.applicants.map { ($0.id, 0) })
        var held: [String: [String]] = [:]
        var assigned: [String: String] = [:]
        while true {
            let proposers = instance.applicants.filter { assigned[$0.id] == nil && next[$0.id]! < $0.choices.count }
            if proposers.isEmpty { break }
            for applicant in proposers {
                let track = applicant.choices[next[applicant.id]!]
                next[applicant.id]! += 1
                guard rank(track, applicant.id) != nil else { continue }
                held[track, default: []].append(applicant.id)
                assigned[applicant.id] = track
            }
            for (track, list) in held {
                let sorted = list.sorted { rank(track, $0)! < rank(track, $1)! }
                let keep = Array(sorted.prefix(capacity[track] ?? 0))
                for rejected in sorted.dropFirst(keep.count) { assigned[rejected] = nil }
                held[track] = keep
            }
        }
        return Dictionary(uniqueKeysWithValues: instance.applicants.map { ($0.id, assigned[$0.id]) })
    }

    @Test func everyMatchingIsStableWithinCapacityAndAgreesWithTheReference() throws {
        var r = Random(state: 42)
        for _ in 0..<2_000 {
            let problem = Self.randomInstance(&r)
            let result = try DeferredAcceptance(problem).run().byApplicant
            #expect(result == Self.reference(problem))
            let capacity = Dictionary(uniqueKeysWithValues: problem.tracks.map { ($0.id, $0.capacity) })
            var admitted: [String: [String]] = [:]
            for (applicant, track) in result { if let track { admitted[track, default: []].append(applicant) } }
            for (track, list) in admitted {
                #expect(list.count <= capacity[track]!)
                for applicant in list { #expect(problem.rankings[track]?.contains(applicant) == true) }
            }
            // No blocking pair: nobody prefers a track that would take them over someone it admitted or into a free seat.
            for applicant in problem.applicants {
                let got = result[applicant.id] ?? nil
                let better = applicant.choices.prefix(
                    got.flatMap { applicant.choices.firstIndex(of: $0) } ?? applicant.choices.count)
                for track in better {
                    guard let myRank = problem.rankings[track]?.firstIndex(of: applicant.id) else { continue }
                    let list = admitted[track] ?? []
                    #expect(list.count >= capacity[track]!, "free seat at \(track) for \(applicant.id)")
                    #expect(
                        list.allSatisfy { problem.rankings[track]!.firstIndex(of: $0)! < myRank },
                        "\(applicant.id) blocks with \(track)")
                }
            }
        }
    }

    @Test func noApplicantGainsByMisreporting() throws {
        var r = Random(state: 7)
        for _ in 0..<300 {
            let problem = Self.randomInstance(&r)
            let truthful = try DeferredAcceptance(problem).run().byApplicant
            let liar = problem.applicants[r.next(problem.applicants.count)]
            func value(_ track: String?) -> Int { track.flatMap { liar.choices.firstIndex(of: $0) } ?? Int.max }
            let honest = value(truthful[liar.id] ?? nil)
            // Every reordering of every subset of the true choices.
            var lists: [[String]] = [[]]
            for choice in problem.tracks.map(\.id) {
                lists += lists.flatMap { list in
                    (0...list.count).map { position in
                        var copy = list
                        copy.insert(choice, at: position)
                        return copy
                    }
                }
            }
            for list in lists where list.count <= 3 {
                var applicants = problem.applicants
                applicants[applicants.firstIndex { $0.id == liar.id }!] = .init(id: liar.id, choices: list)
                let lied = try DeferredAcceptance(
                    MatchingInstance(tracks: problem.tracks, applicants: applicants, rankings: problem.rankings)
                ).run().byApplicant
                #expect(value(lied[liar.id] ?? nil) >= honest, "\(liar.id) gains with \(list)")
            }
        }
    }
}
