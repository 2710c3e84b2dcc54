import RegulationEngine
import TeukguCore

/// The reference: reads the rulebooks' expression trees directly and scans every rule, with no
/// compilation and no index. The property test holds the indexed snapshot to it.
struct NaiveEvaluator {
    let rulebooks: [Rulebook]

    enum Truth { case yes, no, unknown }

    struct Summary: Equatable, CustomStringConvertible {
        let outcome: Outcome
        let reasons: [String]
        let exemptions: [String]
        let missing: [String]
        let conditions: [String]

        var description: String {
            "\(outcome) reasons=\(reasons) exemptions=\(exemptions) missing=\(missing) conditions=\(conditions)"
        }

        init(outcome: Outcome, reasons: [String], exemptions: [String], missing: [String], conditions: [String]) {
            self.outcome = outcome
            self.reasons = reasons
            self.exemptions = exemptions
            self.missing = missing
            self.conditions = conditions
        }

        init(_ decision: Decision) {
            outcome = decision.outcome
            reasons = decision.reasons.map { "\($0.ruleID):\($0.status)" }
            exemptions = decision.exemptions.map(\.ruleID)
            missing = decision.missingFacts.map(\.path)
            conditions = decision.conditions.map {
                Explanation.describe($0.condition, language: "en") + " " + $0.sources.joined(separator: ",")
            }.sorted()
        }
    }

    func value(_ e: Expression, _ facts: [String: FactValue]) -> FactValue?? {
        switch e {
        case .literal(let v, _): return .some(v)
        case .fact(let path, _): return .some(facts[path])
        default: return nil
        }
    }

    func truth(_ e: Expression, _ facts: [String: FactValue], _ missing: inout [String]) -> Truth {
        switch e {
        case .literal(.bool(let b), _): return b ? .yes : .no
        case .literal: return .no
        case .fact(let path, _):
            guard let v = facts[path] else {
                missing.append(path)
                return .unknown
            }
            return v == .bool(true) ? .yes : .no
        case .not(let inner, _):
            switch truth(inner, facts, &missing) {
            case .yes: return .no
            case .no: return .yes
            case .unknown: return .unknown
            }
        case .and(let items, _):
            var local: [String] = []
            var unknown = false
            for item in items {
                switch truth(item, facts, &local) {
                case .no: return .no
                case .unknown: unknown = true
                case .yes: break
                }
            }
            if unknown {
                missing += local
                return .unknown
            }
            return .yes
        case .or(let items, _):
            var local: [String] = []
            var unknown = false
            for item in items {
                switch truth(item, facts, &local) {
                case .yes: return .yes
                case .unknown: unknown = true
                case .no: break
                }
            }
            if unknown {
                missing += local
                return .unknown
            }
            return .no
        case .comparison(let op, let left, let right, _):
            var sides: [FactValue] = []
            for side in [left, right] {
                if case .fact(let path, _) = side {
                    guard let v = facts[path] else {
                        missing.append(path)
                        return .unknown
                    }
                    sides.append(v)
                } else if case .literal(let v, _) = side {
                    sides.append(v)
                }
            }
            return compare(sides[0], op, sides[1]) ? .yes : .no
        }
    }

    func compare(_ l: FactValue, _ op: ComparisonOperator, _ r: FactValue) -> Bool {
        switch (op, l, r) {
        case (.equal, _, _): return l == r
        case (.notEqual, _, _): return l != r
        case (.less, .number(let a), .number(let b)): return a < b
        case (.lessOrEqual, .number(let a), .number(let b)): return a <= b
        case (.greater, .number(let a), .number(let b)): return a > b
        case (.greaterOrEqual, .number(let a), .number(let b)): return a >= b
        case (.isIn, _, .list(let items)): return items.contains(l)
        case (.notIn, _, .list(let items)): return !items.contains(l)
        case (.contains, .list(let items), _): return items.contains(r)
        default: return false
        }
    }

    func evaluate(district: String, asOf: CalendarDate, facts: [String: FactValue]) -> Summary {
        let books = rulebooks.filter { $0.scope == .national || $0.scope == .district(district) }
        let all = books.flatMap { book in
            book.rules.filter { book.effective.contains(asOf) && $0.effective.contains(asOf) }
        }
        let exemptRules = all.filter { $0.effect == .exempt }
        var active: [Rule] = []
        var undecided: [Rule] = []
        var applied: [Rule] = []
        var substitute: [Rule] = []
        var missing: [String] = []
        for rule in all where rule.effect != .exempt {
            var ruleMissing: [String] = []
            let holds = truth(rule.when, facts, &ruleMissing)
            if holds == .no { continue }
            var exemptionMissing: [String] = []
            var switchedOff: [Rule] = []
            for exemption in exemptRules where exemption.exempts.contains(rule.id) {
                var local: [String] = []
                let t = truth(exemption.when, facts, &local)
                if t == .yes { switchedOff.append(exemption) } else if t == .unknown { exemptionMissing += local }
            }
            if !switchedOff.isEmpty {
                if holds == .yes {
                    applied += switchedOff
                    substitute += switchedOff.filter { !$0.conditions.isEmpty }
                }
                continue
            }
            if holds == .yes && exemptionMissing.isEmpty {
                active.append(rule)
            } else {
                undecided.append(rule)
                missing += ruleMissing + exemptionMissing
            }
        }
        let appliedIDs = Array(Set(applied.map(\.id))).sorted()
        let prohibitions = active.filter { $0.effect == .prohibit }
        func ids(_ rules: [Rule], _ status: String) -> [String] {
            Array(Set(rules.map(\.id))).sorted().map { "\($0):\(status)" }
        }
        if !prohibitions.isEmpty {
            return Summary(
                outcome: .prohibited, reasons: ids(prohibitions, "applies"), exemptions: appliedIDs, missing: [],
                conditions: [])
        }
        let requirements = active.filter { $0.effect == .require } + substitute
        let conditions = merged(requirements)
        if !undecided.isEmpty {
            return Summary(
                outcome: .indeterminate, reasons: ids(undecided, "undecided"), exemptions: appliedIDs,
                missing: Array(Set(missing)).sorted(), conditions: conditions)
        }
        if !conditions.isEmpty {
            return Summary(
                outcome: .conditional, reasons: ids(requirements, "applies"), exemptions: appliedIDs, missing: [],
                conditions: conditions)
        }
        return Summary(
            outcome: .permitted, reasons: ids(applied, "applies"), exemptions: appliedIDs, missing: [], conditions: [])
    }

    /// Conditions as comparable text: one insurance line with the highest per head, others once with their sources.
    func merged(_ rules: [Rule]) -> [String] {
        var best: [String: Int64] = [:]
        var insuranceSources: Set<String> = []
        var others: [RuleCondition: Set<String>] = [:]
        for rule in rules {
            for condition in rule.conditions {
                if case .insurance(let d, let i, let dis, let p) = condition {
                    for (key, value) in [("d", d), ("i", i), ("dis", dis), ("p", p)] {
                        if let value { best[key] = max(best[key] ?? 0, value) }
                    }
                    insuranceSources.insert(rule.id)
                } else {
                    others[condition, default: []].insert(rule.id)
                }
            }
        }
        var lines = others.map {
            Explanation.describe($0.key, language: "en") + " " + $0.value.sorted().joined(separator: ",")
        }
        if !insuranceSources.isEmpty {
            let insurance = RuleCondition.insurance(
                death: best["d"], injury: best["i"], disability: best["dis"], property: best["p"])
            lines.append(
                Explanation.describe(insurance, language: "en") + " " + insuranceSources.sorted().joined(separator: ",")
            )
        }
        return lines.sorted()
    }
}
