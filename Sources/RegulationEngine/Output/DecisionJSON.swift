import TeukguCore

/// Writes decisions as JSON. The parts that depend only on a rule (its id, title, citations) are
/// encoded once when the snapshot is compiled and copied as bytes, so the bulk evaluator emits
/// hundreds of thousands of decisions a second; the field order stays stable for diffs.
public enum DecisionJSON {
    public static func encode(_ decision: Decision) -> String {
        var writer = JSONWriter()
        write(decision, into: &writer)
        return writer.text
    }

    static func write(_ decision: Decision, into w: inout JSONWriter) {
        w.raw("{\"district\":")
        w.string(decision.district)
        w.raw(",\"asOf\":\"")
        w.date(decision.asOf)
        w.raw("\",\"outcome\":\"")
        switch decision.outcome {
        case .prohibited: w.raw("prohibited")
        case .conditional: w.raw("conditional")
        case .permitted: w.raw("permitted")
        case .indeterminate: w.raw("indeterminate")
        }
        w.raw("\",\"basis\":")
        w.raw(encodedBasis(decision.outcome, fallback: decision.basis))
        w.raw(",\"reasons\":[")
        for (index, reason) in decision.reasons.enumerated() {
            if index > 0 { w.raw(",") }
            w.raw(reason.table, Int(reason.position), .reasonHead)
            w.raw(reason.applies ? ",\"status\":\"applies\"" : ",\"status\":\"undecided\"")
            w.raw(reason.table, Int(reason.position), .reasonTail)
        }
        w.raw("],\"conditions\":[")
        for (index, item) in decision.conditions.enumerated() {
            if index > 0 { w.raw(",") }
            condition(item.condition, &w)
            w.raw(",\"sources\":[")
            for (position, source) in item.sources.enumerated() {
                if position > 0 { w.raw(",") }
                w.string(source)
            }
            w.raw("]}")
        }
        w.raw("],\"exemptions\":[")
        for (index, exemption) in decision.exemptions.enumerated() {
            if index > 0 { w.raw(",") }
            w.raw(exemption.table, Int(exemption.position), .exemption)
        }
        w.raw("]")
        // Only decisions that used a grant carry the key, so every other answer stays byte for byte.
        if !decision.grants.isEmpty {
            w.raw(",\"grants\":[")
            for (index, grant) in decision.grants.enumerated() {
                if index > 0 { w.raw(",") }
                w.raw("{\"caseNumber\":")
                w.string(grant.caseNumber)
                w.raw(",\"exempts\":[")
                for (position, rule) in grant.exempts.enumerated() {
                    if position > 0 { w.raw(",") }
                    w.string(rule)
                }
                w.raw("],\"conditions\":[")
                for (position, text) in grant.conditions.enumerated() {
                    if position > 0 { w.raw(",") }
                    w.string(text)
                }
                w.raw("]}")
            }
            w.raw("]")
        }
        w.raw(",\"missingFacts\":[")
        for (index, fact) in decision.missingFacts.enumerated() {
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
        w.raw("],\"rulebooks\":")
        w.raw(decision.encodedRulebooks.isEmpty ? rulebooks(decision.rulebooks) : decision.encodedRulebooks)
        w.raw("}")
    }

    static func rulebooks(_ references: [RulebookReference]) -> [UInt8] {
        var w = JSONWriter(capacity: 200)
        w.raw("[")
        for (index, reference) in references.enumerated() {
            if index > 0 { w.raw(",") }
            w.raw("{\"id\":")
            w.string(reference.id)
            w.raw(",\"sha256\":\"")
            w.rawText(reference.contentHash)
            w.raw("\"}")
        }
        w.raw("]")
        return w.bytes
    }

    /// The basis sentence of an outcome, encoded once (looked up by outcome: hashing Korean text is
    /// not free). A basis other than the outcome's fixed one is encoded on the spot.
    static func encodedBasis(_ outcome: Outcome, fallback: LocalizedText? = nil) -> [UInt8] {
        let (fixed, bytes): (LocalizedText, [UInt8])
        switch outcome {
        case .prohibited: (fixed, bytes) = (Evaluator.prohibitedBasis, encodedProhibitedBasis)
        case .indeterminate: (fixed, bytes) = (Evaluator.indeterminateBasis, encodedIndeterminateBasis)
        case .conditional: (fixed, bytes) = (Evaluator.conditionalBasis, encodedConditionalBasis)
        case .permitted: (fixed, bytes) = (Evaluator.noProvisionApplies, encodedPermittedBasis)
        }
        guard let fallback, fallback != fixed else { return bytes }
        return encoded(fallback)
    }

    static func encoded(_ text: LocalizedText) -> [UInt8] {
        var w = JSONWriter(capacity: 256)
        localized(text, &w)
        return w.bytes
    }

    static let encodedProhibitedBasis = encoded(Evaluator.prohibitedBasis)
    static let encodedIndeterminateBasis = encoded(Evaluator.indeterminateBasis)
    static let encodedConditionalBasis = encoded(Evaluator.conditionalBasis)
    static let encodedPermittedBasis = encoded(Evaluator.noProvisionApplies)

    /// `{"id":…,"effect":…` of a reason.
    static func reasonHead(id: String, effect: RuleEffect) -> [UInt8] {
        var w = JSONWriter(capacity: 64)
        w.raw("{\"id\":")
        w.string(id)
        w.raw(",\"effect\":\"")
        w.rawText(effect.rawValue)
        w.raw("\"")
        return w.bytes
    }

    /// `,"rulebook":…,"title":…,"citations":[…]}` of a reason.
    static func reasonTail(rulebookID: String, title: LocalizedText, cites: [RuleCitation]) -> [UInt8] {
        var w = JSONWriter(capacity: 256)
        w.raw(",\"rulebook\":")
        w.string(rulebookID)
        w.raw(",\"title\":")
        localized(title, &w)
        w.raw(",\"citations\":")
        citations(cites, &w)
        w.raw("}")
        return w.bytes
    }

    static func exemption(id: String, title: LocalizedText, exempts: [String], cites: [RuleCitation]) -> [UInt8] {
        var w = JSONWriter(capacity: 256)
        w.raw("{\"id\":")
        w.string(id)
        w.raw(",\"title\":")
        localized(title, &w)
        w.raw(",\"exempts\":[")
        for (index, target) in exempts.enumerated() {
            if index > 0 { w.raw(",") }
            w.string(target)
        }
        w.raw("],\"citations\":")
        citations(cites, &w)
        w.raw("}")
        return w.bytes
    }

    static func condition(_ condition: RuleCondition, _ w: inout JSONWriter) {
        w.raw("{\"type\":\"")
        w.rawText(condition.kind)
        w.raw("\"")
        switch condition {
        case .permit(let authority, let name):
            w.raw(",\"authority\":")
            w.string(authority)
            w.raw(",\"name\":")
            w.string(name)
        case .certification(let scheme, let note):
            w.raw(",\"scheme\":")
            w.string(scheme)
            if let note {
                w.raw(",\"note\":")
                w.string(note)
            }
        case .insurance(let death, let injury, let disability, let property):
            if let death {
                w.raw(",\"death\":")
                w.integer(death)
            }
            if let injury {
                w.raw(",\"injury\":")
                w.integer(injury)
            }
            if let disability {
                w.raw(",\"disability\":")
                w.integer(disability)
            }
            if let property {
                w.raw(",\"property\":")
                w.integer(property)
            }
        case .demonstrationArea(let zone):
            w.raw(",\"zone\":")
            w.string(zone)
        case .notification(let to, let when):
            w.raw(",\"to\":")
            w.string(to)
            w.raw(",\"when\":")
            w.string(when)
        case .other(let text):
            w.raw(",\"text\":")
            w.string(text)
        }
    }

    static func citations(_ cites: [RuleCitation], _ w: inout JSONWriter) {
        w.raw("[")
        for (index, cite) in cites.enumerated() {
            if index > 0 { w.raw(",") }
            w.raw("{\"law\":")
            w.string(cite.law)
            w.raw(",\"article\":")
            w.string(cite.article)
            if let url = cite.url {
                w.raw(",\"url\":")
                w.string(url)
            }
            if let note = cite.note {
                w.raw(",\"note\":")
                w.string(note)
            }
            w.raw("}")
        }
        w.raw("]")
    }

    static func localized(_ text: LocalizedText, _ w: inout JSONWriter) {
        w.raw("{\"ko\":")
        w.string(text.ko)
        w.raw(",\"en\":")
        w.string(text.en)
        w.raw("}")
    }

    /// `{"error":{"code","message"}}` for a request that could not be evaluated.
    public static func error(code: String, message: String) -> String {
        var w = JSONWriter(capacity: 128)
        writeError(code: code, message: message, into: &w)
        return w.text
    }

    static func writeError(code: String, message: String, into w: inout JSONWriter) {
        w.raw("{\"error\":{\"code\":")
        w.string(code)
        w.raw(",\"message\":")
        w.string(message)
        w.raw("}}")
    }

    /// A JSON string literal, for callers composing JSON of their own.
    public static func string(_ text: String, _ out: inout String) {
        var w = JSONWriter(capacity: text.utf8.count + 2)
        w.string(text)
        out += w.text
    }
}

extension EvaluationError {
    /// A stable code and a sentence, shared by the command line and the HTTP API.
    public var codeAndMessage: (code: String, message: String) {
        switch self {
        case .unknownDistrict(let id): ("unknown_district", "No rulebook covers district '\(id)'.")
        case .notInForce(let district, let date):
            ("date_out_of_range", "No rulebook of '\(district)' is in force on \(date.iso).")
        case .unknownFact(let path): ("unknown_fact", "No rulebook that applies declares the fact '\(path)'.")
        case .wrongType(let path, let expected, let got):
            ("wrong_fact_type", "Fact '\(path)' must be \(expected), got \(got).")
        }
    }
}
