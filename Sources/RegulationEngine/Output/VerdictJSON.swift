import TeukguCore

/// The bulk path: writes a decision's JSON straight from the evaluator's rule lists, skipping the
/// `Decision` value. The bytes are identical to `DecisionJSON.encode(decision)` (a test holds them so).
extension DecisionJSON {
    static func write(
        _ verdict: Verdict, district: String, asOf: CalendarDate, program: DistrictProgram, slotPaths: [String],
        scratch: EvaluationScratch? = nil, into w: inout JSONWriter
    ) {
        w.raw("{\"district\":")
        w.string(district)
        w.raw(",\"asOf\":\"")
        w.date(asOf)
        let reasonRules: [Int]
        let status: StaticString
        let outcome = verdict.outcome
        switch outcome {
        case .prohibited:
            w.raw("\",\"outcome\":\"prohibited\",\"basis\":")
            reasonRules = verdict.prohibitions
            status = ",\"status\":\"applies\""
        case .indeterminate:
            w.raw("\",\"outcome\":\"indeterminate\",\"basis\":")
            reasonRules = verdict.undecided
            status = ",\"status\":\"undecided\""
        case .conditional:
            w.raw("\",\"outcome\":\"conditional\",\"basis\":")
            reasonRules = verdict.conditioned
            status = ",\"status\":\"applies\""
        case .permitted:
            w.raw("\",\"outcome\":\"permitted\",\"basis\":")
            reasonRules = verdict.applied
            status = ",\"status\":\"applies\""
        }
        w.raw(encodedBasis(outcome))
        w.raw(",\"reasons\":[")
        for (index, position) in reasonRules.enumerated() {
            if index > 0 { w.raw(",") }
            w.raw(program.summaries, position, .reasonHead)
            w.raw(status)
            w.raw(program.summaries, position, .reasonTail)
        }
        w.raw("],\"conditions\":[")
        if (outcome == .conditional || outcome == .indeterminate) && verdict.hasConditions {
            if let scratch {
                // Merging is a pure function of which rules set conditions, and in bulk input the same
                // sets come back again and again: write each set's conditions once.
                let key = EvaluationScratch.ConditionsKey(
                    program: ObjectIdentifier(program),
                    orders: verdict.conditioned.map { Int(program.entries[$0].order) })
                if let cached = scratch.conditionsJSON[key] {
                    w.raw(cached)
                } else {
                    var fragment = JSONWriter(capacity: 256)
                    conditions(verdict, into: &fragment)
                    if scratch.conditionsJSON.count >= EvaluationScratch.maximumCachedConditionSets {
                        scratch.conditionsJSON.removeAll(keepingCapacity: true)
                    }
                    scratch.conditionsJSON[key] = fragment.bytes
                    w.raw(fragment.bytes)
                }
            } else {
                conditions(verdict, into: &w)
            }
        }
        w.raw("],\"exemptions\":[")
        for (index, exemption) in verdict.applied.enumerated() {
            if index > 0 { w.raw(",") }
            w.raw(program.summaries, exemption, .exemption)
        }
        w.raw("],\"missingFacts\":[")
        if outcome == .indeterminate {
            for (index, fact) in Evaluator.missingFacts(verdict.missing, program: program, slotPaths: slotPaths)
                .enumerated()
            {
                if index > 0 { w.raw(",") }
                w.raw("{\"path\":")
                w.string(fact.path)
                w.raw(",\"label\":")
                localized(fact.label, &w)
                if let help = fact.help {
                    w.raw(",\"help\":")
                    localized(help, &w)
                }
                w.raw("}")
            }
        }
        w.raw("],\"rulebooks\":")
        w.raw(program.encodedReferences(on: asOf))
        w.raw("}")
    }

    /// The merged conditions of a verdict, each with the rules it comes from.
    static func conditions(_ verdict: Verdict, into w: inout JSONWriter) {
        for (index, item) in verdict.conditions.enumerated() {
            if index > 0 { w.raw(",") }
            condition(item.condition, &w)
            w.raw(",\"sources\":[")
            for (position, source) in item.sources.enumerated() {
                if position > 0 { w.raw(",") }
                w.string(source)
            }
            w.raw("]}")
        }
    }
}

/// Buffers the bulk evaluator reuses from one request to the next instead of allocating them anew.
final class EvaluationScratch {
    struct ConditionsKey: Hashable {
        let program: ObjectIdentifier
        let orders: [Int]
    }

    static let maximumCachedConditionSets = 8192
    var facts: [FactValue?] = []
    var candidates: [Int] = []
    /// The conditions JSON by the set of rules that set them, for this run only.
    var conditionsJSON: [ConditionsKey: [UInt8]] = [:]
}

extension Snapshot {
    /// Evaluates facts given as pairs and writes the decision's JSON, without building a `Decision`.
    func write(
        district: String, asOf: CalendarDate, facts given: [(String, FactValue)], company: [(String, FactValue)],
        scratch: EvaluationScratch, into w: inout JSONWriter
    ) throws(EvaluationError) {
        let program = try prepare(district: district, asOf: asOf, facts: given, company: company, into: &scratch.facts)
        let verdict = Evaluator.verdict(
            program: program, asOf: asOf, facts: scratch.facts, candidates: &scratch.candidates)
        DecisionJSON.write(
            verdict, district: district, asOf: asOf, program: program, slotPaths: slotPaths, scratch: scratch, into: &w)
    }
}
