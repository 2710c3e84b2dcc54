import TeukguCore

/// A decision as a readable tree with citations, in Korean or English.
public enum Explanation {
    public static func render(_ decision: Decision, language: String) -> String {
        let ko = language == "ko"
        let outcomeText: [Outcome: (String, String)] = [
            .prohibited: ("금지", "PROHIBITED"), .conditional: ("조건부 허용", "CONDITIONAL"),
            .permitted: ("허용", "PERMITTED"), .indeterminate: ("판단 보류", "INDETERMINATE"),
        ]
        var lines: [String] = []
        let verdict = outcomeText[decision.outcome].map { ko ? $0.0 : $0.1 } ?? decision.outcome.rawValue
        lines.append("\(verdict) — \(decision.district) @ \(decision.asOf.iso)")
        lines.append("│ \(decision.basis.text(language))")
        if !decision.reasons.isEmpty {
            lines.append("├─ " + (ko ? "근거 규정" : "Reasons"))
            for reason in decision.reasons {
                lines.append(
                    "│  ├─ [\(reason.effect.rawValue)] \(reason.ruleID): \(reason.title.text(language))"
                        + (reason.status == "undecided" ? (ko ? " (미정)" : " (undecided)") : ""))
                for cite in reason.cites {
                    lines.append("│  │    § \(cite.text)" + (cite.note.map { " — \($0)" } ?? ""))
                }
            }
        }
        if !decision.exemptions.isEmpty {
            lines.append("├─ " + (ko ? "적용된 특례" : "Exemptions applied"))
            for exemption in decision.exemptions {
                lines.append(
                    "│  ├─ \(exemption.ruleID): \(exemption.title.text(language)) → "
                        + (ko ? "적용 배제: " : "switches off: ") + exemption.exempts.joined(separator: ", "))
                for cite in exemption.cites { lines.append("│  │    § \(cite.text)") }
            }
        }
        if !decision.conditions.isEmpty {
            lines.append("├─ " + (ko ? "갖출 조건" : "Conditions to meet"))
            for item in decision.conditions {
                lines.append(
                    "│  ├─ \(describe(item.condition, language: language))  [\(item.sources.joined(separator: ", "))]")
            }
        }
        if !decision.missingFacts.isEmpty {
            lines.append("├─ " + (ko ? "필요한 사실" : "Facts needed"))
            for fact in decision.missingFacts { lines.append("│  ├─ \(fact.path): \(fact.label.text(language))") }
        }
        lines.append(
            "└─ " + (ko ? "규정집" : "Rulebooks") + ": "
                + decision.rulebooks.map { "\($0.id) (sha256 \($0.contentHash.prefix(12)))" }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    public static func describe(_ condition: RuleCondition, language: String) -> String {
        let ko = language == "ko"
        func won(_ value: Int64?) -> String? { value.map { Money(won: $0).text(language: language) } }
        switch condition {
        case .permit(let authority, let name):
            return ko ? "허가: \(name) (\(authority))" : "Permit: \(name) from \(authority)"
        case .certification(let scheme, let note):
            return (ko ? "인증: " : "Certification: ") + scheme + (note.map { " — \($0)" } ?? "")
        case .insurance(let death, let injury, let disability, let property):
            var parts: [String] = []
            if let d = won(death) { parts.append((ko ? "사망 1인당 " : "death per person ") + d) }
            if let i = won(injury) { parts.append((ko ? "부상 1인당 " : "injury per person ") + i) }
            if let dis = won(disability) { parts.append((ko ? "후유장애 1인당 " : "disability per person ") + dis) }
            if let p = won(property) { parts.append((ko ? "재산 사고당 " : "property per accident ") + p) }
            return (ko ? "책임보험: " : "Liability insurance: ") + parts.joined(separator: ", ")
        case .demonstrationArea(let zone): return (ko ? "실증 구역: " : "Demonstration area: ") + zone
        case .notification(let to, let when): return (ko ? "통보: \(to), \(when)" : "Notify \(to): \(when)")
        case .other(let text): return text
        }
    }
}
