import TeukguCore

/// The rules a request touched, by what they did to it, as positions in the district's program;
/// summaries are looked up only when an answer is written.
struct Verdict {
    let program: DistrictProgram
    /// Each sorted by rule id (their `order`).
    let prohibitions: [Int]
    let requirements: [Int]
    let undecided: [Int]
    /// Exemptions that switched a holding rule off, sorted by id.
    let applied: [Int]
    let missing: [Int]
    /// Rules that held but a company grant switched off, with the grant's index.
    var granted: [(position: Int, grant: Int)] = []
    /// Conditions of the grants that switched a rule off.
    var grantConditions: [DecisionCondition] = []

    /// Requirements that hold and exemptions with substitute conditions, sorted by id.
    var conditioned: [Int] {
        var list = requirements
        for exemption in applied where !program.summary(exemption).conditions.isEmpty { list.append(exemption) }
        if list.count > 1 {
            let entries = program.entries
            list.sort { entries[$0].order < entries[$1].order }
        }
        return list
    }

    var hasConditions: Bool {
        !requirements.isEmpty || !grantConditions.isEmpty
            || applied.contains { !program.summary($0).conditions.isEmpty }
    }

    /// A prohibition decides; then anything undecided; then conditions, if any.
    var outcome: Outcome {
        if !prohibitions.isEmpty { return .prohibited }
        if !undecided.isEmpty { return .indeterminate }
        return hasConditions ? .conditional : .permitted
    }

    var conditions: [DecisionCondition] {
        let list = conditioned
        return (list.isEmpty ? [] : ConditionMerger.merge(list.map(program.summary))) + grantConditions
    }
}

/// Turns the truth of candidate rules into a decision. Rule order never matters: every list in the
/// decision is sorted by rule id.
enum Evaluator {
    static let noProvisionApplies = LocalizedText(
        ko: "금지하거나 조건을 붙이는 규정이 없어 허용됩니다 (네거티브 방식).",
        en: "Permitted: no listed provision applies (negative list).")

    /// Which rules hold, which are undecided and which exemptions apply; `decide` and the bulk
    /// encoder both start from this.
    /// `candidates` is a buffer to reuse; it ends up holding the positions the index proposed.
    static func verdict(
        program: DistrictProgram, asOf: CalendarDate, facts: [FactValue?], candidates: inout [Int],
        granted grantedPositions: [Int: Int] = [:]
    ) -> Verdict {
        var granted: [(position: Int, grant: Int)] = []
        var prohibitions: [Int] = []
        var requirements: [Int] = []
        var undecided: [Int] = []
        var applied: [Int] = []
        var missing: [Int] = []

        let today = asOf.compactDayNumber
        let code = program.code
        // Local copies: one retain each for the whole loop instead of one per access.
        let entries = program.entries
        let links = program.exemptionLinks
        // The request's strings are looked up once: the ids conditions compare against, and the
        // rules they guard.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * facts.count) { keys in
            let ids = UnsafeMutableBufferPointer(rebasing: keys[0..<facts.count])
            let guarded = UnsafeMutableBufferPointer(rebasing: keys[facts.count...])
            program.index.lookUp(facts, ids: ids, guarded: guarded)
            program.index.candidates(facts, guarded: guarded, into: &candidates)
            for index in candidates {
                let entry = entries[index]
                guard entry.isInForce(on: today) else { continue }
                var ruleMissing: [Int] = []
                let truth = code.truth(at: Int(entry.codeStart), facts, ids, missing: &ruleMissing)
                if truth == .isFalse { continue }
                if let grant = grantedPositions[index] {
                    // Switched off for this company by its grant, whatever else holds.
                    if truth == .isTrue { granted.append((index, grant)) }
                    continue
                }

                var switchedOff = false
                var exemptionMissing: [Int] = []
                if entry.exemptionCount > 0 {
                    let first = Int(entry.exemptionStart)
                    for link in first..<(first + Int(entry.exemptionCount)) {
                        let exemption = Int(links[link])
                        let exemptionEntry = entries[exemption]
                        guard exemptionEntry.isInForce(on: today) else { continue }
                        switch code.truth(at: Int(exemptionEntry.codeStart), facts, ids, missing: &exemptionMissing) {
                        case .isTrue:
                            switchedOff = true
                            // Switched off inside the district; its substitute conditions apply when the rule itself holds.
                            if truth == .isTrue && !applied.contains(exemption) { applied.append(exemption) }
                        case .unknown, .isFalse: break
                        }
                    }
                }
                if switchedOff { continue }
                if truth == .isTrue && exemptionMissing.isEmpty {
                    if entry.isProhibition { prohibitions.append(index) } else { requirements.append(index) }
                } else {
                    undecided.append(index)
                    missing += ruleMissing
                    missing += exemptionMissing
                }
            }
        }

        if applied.count > 1 { applied.sort { entries[$0].order < entries[$1].order } }
        if prohibitions.count > 1 { prohibitions.sort { entries[$0].order < entries[$1].order } }
        if requirements.count > 1 { requirements.sort { entries[$0].order < entries[$1].order } }
        if undecided.count > 1 { undecided.sort { entries[$0].order < entries[$1].order } }
        var result = Verdict(
            program: program, prohibitions: prohibitions, requirements: requirements, undecided: undecided,
            applied: applied, missing: missing)
        result.granted = granted
        return result
    }

    static func decide(
        program: DistrictProgram, district: String, asOf: CalendarDate, facts: [FactValue?], slotPaths: [String],
        grants: [CompanyGrant] = []
    ) -> Decision {
        var candidates: [Int] = []
        var verdict = verdict(
            program: program, asOf: asOf, facts: facts, candidates: &candidates,
            granted: program.grantedPositions(grants))
        let table = program.summaries
        let exemptions = verdict.applied.map { AppliedExemption(table: table, position: $0) }
        var appliedGrants: [AppliedGrant] = []
        for (index, grant) in grants.enumerated() {
            let held = verdict.granted.filter { $0.grant == index }.map { program.summary($0.position).ruleID }.sorted()
            guard !held.isEmpty else { continue }
            appliedGrants.append(
                AppliedGrant(caseNumber: grant.caseNumber, exempts: held, conditions: grant.conditions))
            verdict.grantConditions += grant.conditions.map {
                DecisionCondition(condition: .other(text: $0), sources: [grant.caseNumber])
            }
        }
        let grantsUsed = appliedGrants
        let references = program.references(on: asOf)
        let encodedReferences = program.encodedReferences(on: asOf)
        var decision: Decision
        switch verdict.outcome {
        case .prohibited:
            decision = Decision(
                district: district, asOf: asOf, outcome: .prohibited,
                reasons: reasons(verdict.prohibitions, table, applies: true), conditions: [], exemptions: exemptions,
                missingFacts: [],
                rulebooks: references, basis: prohibitedBasis, encodedRulebooks: encodedReferences)
        case .indeterminate:
            decision = Decision(
                district: district, asOf: asOf, outcome: .indeterminate,
                reasons: reasons(verdict.undecided, table, applies: false), conditions: verdict.conditions,
                exemptions: exemptions,
                missingFacts: missingFacts(verdict.missing, program: program, slotPaths: slotPaths),
                rulebooks: references,
                basis: indeterminateBasis, encodedRulebooks: encodedReferences)
        case .conditional:
            decision = Decision(
                district: district, asOf: asOf, outcome: .conditional,
                reasons: reasons(verdict.conditioned, table, applies: true), conditions: verdict.conditions,
                exemptions: exemptions,
                missingFacts: [], rulebooks: references, basis: conditionalBasis, encodedRulebooks: encodedReferences)
        case .permitted:
            decision = Decision(
                district: district, asOf: asOf, outcome: .permitted,
                reasons: reasons(verdict.applied, table, applies: true), conditions: [], exemptions: exemptions,
                missingFacts: [],
                rulebooks: references, basis: noProvisionApplies, encodedRulebooks: encodedReferences)
        }
        decision.grants = grantsUsed
        return decision
    }

    static let prohibitedBasis = LocalizedText(ko: "열거된 규정이 금지합니다.", en: "A listed provision prohibits it.")
    static let indeterminateBasis = LocalizedText(
        ko: "정해지지 않은 사실이 있어 판단할 수 없습니다. 아래 사실을 알려 주세요.",
        en: "Some facts that decide it are missing; answer the questions below.")
    static let conditionalBasis = LocalizedText(ko: "아래 조건을 갖추면 허용됩니다.", en: "Permitted on the conditions below.")

    /// `verdict` hands over every list already sorted by rule id, each rule once.
    static func reasons(_ positions: [Int], _ table: SummaryTable, applies: Bool) -> [DecisionReason] {
        positions.map { DecisionReason(table: table, position: $0, applies: applies) }
    }

    static func missingFacts(_ slots: [Int], program: DistrictProgram, slotPaths: [String]) -> [MissingFact] {
        var seen: Set<Int> = []
        return slots.filter { $0 >= 0 && seen.insert($0).inserted }.compactMap { slot in
            let path = slotPaths[slot]
            let declaration = program.declarations[path]?.declaration
            return MissingFact(
                path: path, label: declaration?.label ?? LocalizedText(ko: path, en: path), help: declaration?.help)
        }.sorted { $0.path < $1.path }
    }
}

extension DistrictProgram {
    /// The rulebooks in force on a day; the usual case, all of them, is answered without building a list.
    func references(on date: CalendarDate) -> [RulebookReference] {
        if allReferencesPeriod.contains(date) { return allReferences }
        return referencePeriods.filter { $0.period.contains(date) }.map(\.reference)
    }

    /// The same list as JSON: pre-encoded in the usual case.
    func encodedReferences(on date: CalendarDate) -> [UInt8] {
        allReferencesPeriod.contains(date) ? encodedAllReferences : DecisionJSON.rulebooks(references(on: date))
    }
}

/// Merges conditions from several rules: one insurance line with the highest minimum per head,
/// other conditions once each. Lists are short, so plain arrays beat hashing.
enum ConditionMerger {
    /// `rules` come sorted by id (the verdict sorts them), so sources are listed in id order.
    static func merge(_ rules: [RuleSummary]) -> [DecisionCondition] {
        var death: Int64?
        var injury: Int64?
        var disability: Int64?
        var property: Int64?
        var insuranceSources: [String] = []
        var others: [(condition: RuleCondition, sources: [String])] = []
        for compiled in rules {
            let id = compiled.ruleID
            for condition in compiled.conditions {
                if case .insurance(let d, let i, let dis, let p) = condition {
                    death = maxOptional(death, d)
                    injury = maxOptional(injury, i)
                    disability = maxOptional(disability, dis)
                    property = maxOptional(property, p)
                    if insuranceSources.last != id { insuranceSources.append(id) }
                } else if let index = others.firstIndex(where: { $0.condition == condition }) {
                    if others[index].sources.last != id { others[index].sources.append(id) }
                } else {
                    others.append((condition, [id]))
                }
            }
        }
        var result: [DecisionCondition] = []
        result.reserveCapacity(others.count + 1)
        if !insuranceSources.isEmpty {
            result.append(
                DecisionCondition(
                    condition: .insurance(death: death, injury: injury, disability: disability, property: property),
                    sources: insuranceSources))
        }
        for item in others { result.append(DecisionCondition(condition: item.condition, sources: item.sources)) }
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
