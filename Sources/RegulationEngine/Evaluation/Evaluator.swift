import TeukguCore

/// Turns the truth of candidate rules into a decision. Rule order never matters: every list in the
/// decision is sorted by rule id.
enum Evaluator {
    static let noProvisionApplies = LocalizedText(ko: "금지하거나 조건을 붙이는 규정이 없어 허용됩니다 (네거티브 방식).",
                                                  en: "Permitted: no listed provision applies (negative list).")

    static func decide(program: DistrictProgram, request: EvaluationRequest, facts: [FactValue?], candidates: [Int], slotPaths: [String]) -> Decision {
        var active: [(CompiledRule, [RuleCondition])] = []
        var undecided: [CompiledRule] = []
        var applied: [String: AppliedExemption] = [:]
        var missing: [Int] = []

        let today = request.asOf.dayNumber
        let code = program.code
        for index in candidates {
            guard today >= program.firstDays[index] && today < program.endDays[index] else { continue }
            var ruleMissing: [Int] = []
            let truth = code.truth(at: program.codeStarts[index], facts, missing: &ruleMissing)
            if truth == .isFalse { continue }
            let compiled = program.rules[index]

            var switchedOffBy: [CompiledRule] = []
            var exemptionMissing: [Int] = []
            for exemption in compiled.exemptions where exemption.isInForce(on: today) {
                var local: [Int] = []
                switch code.truth(at: exemption.codeStart, facts, missing: &local) {
                case .isTrue: switchedOffBy.append(exemption)
                case .unknown: exemptionMissing += local
                case .isFalse: break
                }
            }
            if !switchedOffBy.isEmpty {
                // Switched off inside the district; its substitute conditions apply when the rule itself holds.
                if truth == .isTrue {
                    for exemption in switchedOffBy {
                        applied[exemption.rule.id] = AppliedExemption(summary: exemption.summary)
                        if !exemption.rule.conditions.isEmpty { active.append((exemption, exemption.rule.conditions)) }
                    }
                }
                continue
            }
            if truth == .isTrue && exemptionMissing.isEmpty {
                active.append((compiled, compiled.rule.conditions))
            } else {
                undecided.append(compiled)
                missing += ruleMissing + exemptionMissing
            }
        }

        let prohibitions = active.filter { $0.0.rule.effect == .prohibit }.map(\.0)
        let requirements = active.filter { $0.0.rule.effect != .prohibit }
        let exemptions = applied.values.sorted { $0.ruleID < $1.ruleID }
        let references = program.references.filter { $0.period.contains(request.asOf) }.map(\.reference)

        if !prohibitions.isEmpty {
            return Decision(district: request.district, asOf: request.asOf, outcome: .prohibited,
                            reasons: reasons(prohibitions, status: "applies"), conditions: [], exemptions: exemptions, missingFacts: [],
                            rulebooks: references, basis: LocalizedText(ko: "열거된 규정이 금지합니다.", en: "A listed provision prohibits it."))
        }
        let conditions = ConditionMerger.merge(requirements)
        if !undecided.isEmpty {
            return Decision(district: request.district, asOf: request.asOf, outcome: .indeterminate,
                            reasons: reasons(undecided, status: "undecided"), conditions: conditions, exemptions: exemptions,
                            missingFacts: missingFacts(missing, program: program, slotPaths: slotPaths), rulebooks: references,
                            basis: LocalizedText(ko: "정해지지 않은 사실이 있어 판단할 수 없습니다. 아래 사실을 알려 주세요.",
                                                 en: "Some facts that decide it are missing; answer the questions below."))
        }
        if !conditions.isEmpty {
            return Decision(district: request.district, asOf: request.asOf, outcome: .conditional,
                            reasons: reasons(requirements.map(\.0), status: "applies"), conditions: conditions, exemptions: exemptions,
                            missingFacts: [], rulebooks: references,
                            basis: LocalizedText(ko: "아래 조건을 갖추면 허용됩니다.", en: "Permitted on the conditions below."))
        }
        return Decision(district: request.district, asOf: request.asOf, outcome: .permitted,
                        reasons: exemptions.isEmpty ? [] : reasons(program.exemptions(exemptions.map(\.ruleID)), status: "applies"),
                        conditions: [], exemptions: exemptions, missingFacts: [], rulebooks: references, basis: noProvisionApplies)
    }

    static func reasons(_ rules: [CompiledRule], status: String) -> [DecisionReason] {
        // Only exemptions can appear twice (one switching off several rules); compare identities, not ids.
        var seen: Set<ObjectIdentifier> = []
        var unique: [CompiledRule] = []
        unique.reserveCapacity(rules.count)
        for rule in rules where seen.insert(ObjectIdentifier(rule)).inserted { unique.append(rule) }
        if unique.count > 1 { unique.sort { $0.rule.id < $1.rule.id } }
        return unique.map { DecisionReason(summary: $0.summary, status: status) }
    }

    static func missingFacts(_ slots: [Int], program: DistrictProgram, slotPaths: [String]) -> [MissingFact] {
        var seen: Set<Int> = []
        return slots.filter { $0 >= 0 && seen.insert($0).inserted }.compactMap { slot in
            let path = slotPaths[slot]
            let declaration = program.declarations[path]?.declaration
            return MissingFact(path: path, label: declaration?.label ?? LocalizedText(ko: path, en: path), help: declaration?.help)
        }.sorted { $0.path < $1.path }
    }
}

extension DistrictProgram {
    func exemptions(_ ids: [String]) -> [CompiledRule] {
        let wanted = Set(ids)
        var seen: Set<String> = []
        return exemptionsByTarget.values.flatMap { $0 }.filter { wanted.contains($0.rule.id) && seen.insert($0.rule.id).inserted }
    }
}

/// Merges conditions from several rules: one insurance line with the highest minimum per head,
/// other conditions once each.
enum ConditionMerger {
    static func merge(_ items: [(CompiledRule, [RuleCondition])]) -> [DecisionCondition] {
        var death: Int64?, injury: Int64?, disability: Int64?, property: Int64?
        var insuranceSources: [String] = []
        var others: [RuleCondition: [String]] = [:]
        var order: [RuleCondition] = []
        for (rule, conditions) in items.sorted(by: { $0.0.rule.id < $1.0.rule.id }) {
            for condition in conditions {
                if case .insurance(let d, let i, let dis, let p) = condition {
                    death = maxOptional(death, d)
                    injury = maxOptional(injury, i)
                    disability = maxOptional(disability, dis)
                    property = maxOptional(property, p)
                    if !insuranceSources.contains(rule.rule.id) { insuranceSources.append(rule.rule.id) }
                } else {
                    if others[condition] == nil { order.append(condition) }
                    if !(others[condition]?.contains(rule.rule.id) ?? false) { others[condition, default: []].append(rule.rule.id) }
                }
            }
        }
        var result: [DecisionCondition] = []
        if !insuranceSources.isEmpty {
            result.append(DecisionCondition(condition: .insurance(death: death, injury: injury, disability: disability, property: property), sources: insuranceSources))
        }
        result += order.map { DecisionCondition(condition: $0, sources: others[$0] ?? []) }
        return result
    }

    static func maxOptional(_ a: Int64?, _ b: Int64?) -> Int64? {
        switch (a, b) {
        case (nil, nil): nil
        case (let x?, nil): x
        case (nil, let y?): y
        case (let x?, let y?): max(x, y)
        }
    }
}
