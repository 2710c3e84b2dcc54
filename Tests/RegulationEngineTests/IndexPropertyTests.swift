import RegulationEngine
import Testing
import TeukguCore

/// Random rulebooks and requests: the indexed snapshot must decide exactly as the naive scan does.
@Suite struct IndexPropertyTests {
    struct Random {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
    }

    static let kinds = ["k0", "k1", "k2", "k3", "k4", "k5"]
    static let zones = ["z0", "z1", "z2"]

    static func comparison(_ r: inout Random, guarded: Bool) -> String {
        // A second equality on the guarded fact would contradict the guard, which the loader rightly refuses.
        switch guarded ? 3 + r.next(8) : r.next(11) {
        case 0, 1: return "activity.kind == \"\(kinds[r.next(kinds.count)])\""
        case 2: return "activity.kind in [\"\(kinds[r.next(3)])\", \"\(kinds[3 + r.next(3)])\"]"
        case 3: return "site.zone \(r.chance(50) ? "==" : "!=") \"\(zones[r.next(zones.count)])\""
        case 4: return "level.value \(["<", "<=", ">", ">="][r.next(4)]) \(r.next(10))"
        case 5: return "flag.on == \(r.chance(50) ? "true" : "false")"
        case 6: return "tags.items contains \"t\(r.next(3))\""
        case 7: return "not site.zone in [\"\(zones[r.next(zones.count)])\"]"
        case 8: return "level.value \(r.chance(50) ? "==" : "!=") \(r.next(10))"
        case 9: return "\(r.next(10)) \(["<", ">="][r.next(2)]) level.value"
        default: return "level.value \(r.chance(50) ? "in" : "not in") [\(r.next(5)), \(5 + r.next(5))]"
        }
    }

    static func expression(_ r: inout Random) -> String {
        let guarded = r.chance(80)
        // Guards come either way round: `fact == "x"` or `"x" == fact`.
        let kind = "\"\(kinds[r.next(kinds.count)])\""
        let guardFirst =
            guarded ? (r.chance(20) ? "\(kind) == activity.kind and " : "activity.kind == \(kind) and ") : ""
        var parts: [String] = []
        for _ in 0..<(1 + r.next(2)) { parts.append(comparison(&r, guarded: guarded)) }
        let body = r.chance(25) ? "(\(parts.joined(separator: " or ")))" : parts.joined(separator: " and ")
        return guardFirst + body
    }

    static func rule(_ id: String, effect: String, _ r: inout Random, exempts: [String] = []) -> String {
        var text = """
              - id: \(id)
                title: {ko: \(id), en: \(id)}
                effect: \(effect)
                when: '\(expression(&r))'
                cites: [{law: Act, article: art. \(r.next(100))}]

            """
        if !exempts.isEmpty { text += "    exempts: [\(exempts.joined(separator: ", "))]\n" }
        if effect == "require" || (effect == "exempt" && r.chance(50)) {
            text += "    conditions:\n"
            if r.chance(60) {
                text +=
                    "      - {type: insurance, death: \(100_000_000 + r.next(5) * 10_000_000), property: \(500_000_000 + r.next(3) * 250_000_000)}\n"
            }
            text += "      - {type: notification, to: office \(r.next(3)), when: before}\n"
        }
        if r.chance(15) { text += "    effective: {from: 2025-0\(1 + r.next(6))-01}\n" }
        return text
    }

    static let facts = """
        facts:
          activity.kind: {type: string, label: {ko: 활동, en: Activity}}
          site.zone: {type: string, label: {ko: 구역, en: Zone}}
          level.value: {type: number, label: {ko: 수준, en: Level}}
          flag.on: {type: bool, label: {ko: 깃발, en: Flag}}
          tags.items: {type: list, label: {ko: 태그, en: Tags}}
        """

    static func rulebooks(seed: UInt64) -> [(String, String)] {
        var r = Random(state: seed)
        var national =
            "id: national\nscope: national\ntitle: {ko: 국가, en: National}\neffective: {from: 2020-01-01}\n\(facts)\nrules:\n"
        let nationalCount = 5 + r.next(40)
        for index in 0..<nationalCount {
            national += rule("n\(index)", effect: r.chance(60) ? "prohibit" : "require", &r)
        }
        var district =
            "id: d\nscope: \"district: d\"\ntitle: {ko: 특구, en: District}\neffective: {from: 2024-01-01}\nrules:\n"
        for index in 0..<(2 + r.next(15)) {
            switch r.next(3) {
            case 0:
                district += rule(
                    "d\(index)", effect: "exempt", &r,
                    exempts: ["n\(r.next(nationalCount))"] + (r.chance(30) ? ["n\(r.next(nationalCount))"] : []))
            case 1: district += rule("d\(index)", effect: "prohibit", &r)
            default: district += rule("d\(index)", effect: "require", &r)
            }
        }
        return [("national.yaml", national), ("d.yaml", district)]
    }

    static func request(_ r: inout Random) -> [String: FactValue] {
        var facts: [String: FactValue] = [:]
        // Now and then a value no rule names, which must compare unequal to every literal.
        if r.chance(85) { facts["activity.kind"] = .string(r.chance(10) ? "k9" : kinds[r.next(kinds.count)]) }
        if r.chance(70) { facts["site.zone"] = .string(r.chance(10) ? "z9" : zones[r.next(zones.count)]) }
        if r.chance(70) { facts["level.value"] = .number(Double(r.next(10))) }
        if r.chance(70) { facts["flag.on"] = .bool(r.chance(50)) }
        if r.chance(70) { facts["tags.items"] = .list((0..<r.next(3)).map { _ in .string("t\(r.next(3))") }) }
        return facts
    }

    @Test func theIndexedEvaluatorAgreesWithTheNaiveScan() throws {
        var compared = 0
        var outcomes: [Outcome: Int] = [:]
        for seed in 1...150 {
            let sources = Self.rulebooks(seed: UInt64(seed) * 7919)
            let set = load(sources)
            if set.hasErrors { continue }
            let engine = Snapshot(set)
            let naive = NaiveEvaluator(rulebooks: set.rulebooks)
            var r = Random(state: UInt64(seed) * 104_729)
            for _ in 0..<60 {
                let facts = Self.request(&r)
                let asOf = CalendarDate(year: 2024 + r.next(3), month: 1 + r.next(12), day: 1 + r.next(28))!
                let indexed = try engine.evaluate(EvaluationRequest(district: "d", asOf: asOf, facts: facts))
                let expected = naive.evaluate(district: "d", asOf: asOf, facts: facts)
                #expect(NaiveEvaluator.Summary(indexed) == expected, "seed \(seed) facts \(facts) asOf \(asOf)")
                outcomes[indexed.outcome, default: 0] += 1
                compared += 1
            }
        }
        #expect(compared >= 5_000)
        // The random rulebooks must exercise every outcome, or the comparison proves little.
        #expect(Outcome.allCases.allSatisfy { (outcomes[$0] ?? 0) > 100 }, "\(outcomes)")
    }
}
