import TeukguCore

/// Writes decisions as JSON by hand: the bulk evaluator emits hundreds of thousands a second,
/// and the field order stays stable for diffs.
public enum DecisionJSON {
    public static func encode(_ decision: Decision) -> String {
        var out = ""
        out.reserveCapacity(512)
        write(decision, into: &out)
        return out
    }

    public static func write(_ decision: Decision, into out: inout String) {
        out += "{\"district\":"; string(decision.district, &out)
        out += ",\"asOf\":\""; out += decision.asOf.iso
        out += "\",\"outcome\":\""; out += decision.outcome.rawValue
        out += "\",\"basis\":"; localized(decision.basis, &out)
        out += ",\"reasons\":["
        for (index, reason) in decision.reasons.enumerated() {
            if index > 0 { out += "," }
            out += "{\"id\":"; string(reason.ruleID, &out)
            out += ",\"effect\":\""; out += reason.effect.rawValue
            out += "\",\"status\":\""; out += reason.status
            out += "\",\"rulebook\":"; string(reason.rulebookID, &out)
            out += ",\"title\":"; localized(reason.title, &out)
            out += ",\"citations\":"; citations(reason.cites, &out)
            out += "}"
        }
        out += "],\"conditions\":["
        for (index, item) in decision.conditions.enumerated() {
            if index > 0 { out += "," }
            condition(item.condition, &out)
            out.removeLast()
            out += ",\"sources\":["
            out += item.sources.map { quoted($0) }.joined(separator: ",")
            out += "]}"
        }
        out += "],\"exemptions\":["
        for (index, exemption) in decision.exemptions.enumerated() {
            if index > 0 { out += "," }
            out += "{\"id\":"; string(exemption.ruleID, &out)
            out += ",\"title\":"; localized(exemption.title, &out)
            out += ",\"exempts\":[" + exemption.exempts.map { quoted($0) }.joined(separator: ",") + "]"
            out += ",\"citations\":"; citations(exemption.cites, &out)
            out += "}"
        }
        out += "],\"missingFacts\":["
        for (index, fact) in decision.missingFacts.enumerated() {
            if index > 0 { out += "," }
            out += "{\"path\":"; string(fact.path, &out)
            out += ",\"label\":"; localized(fact.label, &out)
            if let help = fact.help { out += ",\"help\":"; localized(help, &out) }
            out += "}"
        }
        out += "],\"rulebooks\":["
        for (index, reference) in decision.rulebooks.enumerated() {
            if index > 0 { out += "," }
            out += "{\"id\":"; string(reference.id, &out)
            out += ",\"sha256\":\""; out += reference.contentHash; out += "\"}"
        }
        out += "]}"
    }

    static func condition(_ condition: RuleCondition, _ out: inout String) {
        out += "{\"type\":\""; out += condition.kind; out += "\""
        switch condition {
        case .permit(let authority, let name):
            out += ",\"authority\":"; string(authority, &out); out += ",\"name\":"; string(name, &out)
        case .certification(let scheme, let note):
            out += ",\"scheme\":"; string(scheme, &out)
            if let note { out += ",\"note\":"; string(note, &out) }
        case .insurance(let death, let injury, let disability, let property):
            if let death { out += ",\"death\":\(death)" }
            if let injury { out += ",\"injury\":\(injury)" }
            if let disability { out += ",\"disability\":\(disability)" }
            if let property { out += ",\"property\":\(property)" }
        case .demonstrationArea(let zone):
            out += ",\"zone\":"; string(zone, &out)
        case .notification(let to, let when):
            out += ",\"to\":"; string(to, &out); out += ",\"when\":"; string(when, &out)
        case .other(let text):
            out += ",\"text\":"; string(text, &out)
        }
        out += "}"
    }

    static func citations(_ cites: [RuleCitation], _ out: inout String) {
        out += "["
        for (index, cite) in cites.enumerated() {
            if index > 0 { out += "," }
            out += "{\"law\":"; string(cite.law, &out)
            out += ",\"article\":"; string(cite.article, &out)
            if let url = cite.url { out += ",\"url\":"; string(url, &out) }
            if let note = cite.note { out += ",\"note\":"; string(note, &out) }
            out += "}"
        }
        out += "]"
    }

    static func localized(_ text: LocalizedText, _ out: inout String) {
        out += "{\"ko\":"; string(text.ko, &out); out += ",\"en\":"; string(text.en, &out); out += "}"
    }

    static func quoted(_ text: String) -> String {
        var out = ""
        string(text, &out)
        return out
    }

    /// A JSON string literal with the required escapes.
    public static func string(_ text: String, _ out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// `{"error":{"code","message"}}` for a request that could not be evaluated.
    public static func error(code: String, message: String) -> String {
        var out = "{\"error\":{\"code\":"
        string(code, &out)
        out += ",\"message\":"
        string(message, &out)
        out += "}}"
        return out
    }
}

extension EvaluationError {
    /// A stable code and a sentence, shared by the command line and the HTTP API.
    public var codeAndMessage: (code: String, message: String) {
        switch self {
        case .unknownDistrict(let id): ("unknown_district", "No rulebook covers district '\(id)'.")
        case .notInForce(let district, let date): ("date_out_of_range", "No rulebook of '\(district)' is in force on \(date.iso).")
        case .unknownFact(let path): ("unknown_fact", "No rulebook that applies declares the fact '\(path)'.")
        case .wrongType(let path, let expected, let got): ("wrong_fact_type", "Fact '\(path)' must be \(expected), got \(got).")
        }
    }
}
