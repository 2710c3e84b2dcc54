import Foundation
import RegulationEngine
import TeukguCore

/// A decision as `DecisionJSON` writes it, read back for the verdict page; the API document
/// describes the check, decision and replay answers with the same types.
struct DecisionDocument: Decodable {
    struct Text: Decodable {
        let ko: String
        let en: String
        func pick(_ language: String) -> String { Strings.pick(ko, en, language) }
    }

    /// A provision of the statute a rule rests on.
    struct Citation: Decodable {
        let law: String
        let article: String
        let url: String?
        let note: String?
    }

    struct Reason: Decodable {
        let id: String
        let effect: RuleEffectDoc
        let status: Standing
        /// The rulebook the rule comes from (`national` or the district's).
        let rulebook: String
        let title: Text

        /// Whether the reason's condition holds, or facts it needs are missing (the engine's words).
        enum Standing: String, Decodable, CaseIterable {
            case applies
            case undecided
        }
        let citations: [Citation]
    }

    /// A condition the activity must meet; which fields it carries depends on its type.
    struct Condition: Decodable {
        let type: ConditionKindDoc
        let authority: String?
        let name: String?
        let scheme: String?
        let note: String?
        /// Minimum liability cover in won, by head of loss.
        let death: Int64?
        let injury: Int64?
        let disability: Int64?
        let property: Int64?
        let zone: String?
        let to: String?
        let when: String?
        let text: String?
        /// The rules that impose it.
        let sources: [String]

        /// The condition with each free text passed through `words` (the reader's language).
        func ruleCondition(_ words: (String) -> String = { $0 }) -> RuleCondition {
            let condition: RuleCondition =
                switch type {
                case .permit: .permit(authority: authority ?? "", name: name ?? "")
                case .certification: .certification(scheme: scheme ?? "", note: note)
                case .insurance: .insurance(death: death, injury: injury, disability: disability, property: property)
                case .demonstrationArea: .demonstrationArea(zone: zone ?? "")
                case .notification: .notification(to: to ?? "", when: when ?? "")
                case .other: .other(text: text ?? "")
                }
            return condition.mappingTexts(words)
        }
    }

    struct Exemption: Decodable {
        let id: String
        let title: Text
        let exempts: [String]
        let citations: [Citation]
    }

    /// A sandbox grant held by the company that switched rules off for this answer.
    struct Grant: Decodable {
        let caseNumber: String
        let exempts: [String]
        let conditions: [String]
    }

    struct Missing: Decodable {
        let path: String
        let label: Text
        let help: Text?
    }

    struct RulebookRef: Decodable {
        let id: String
        let sha256: String
    }

    let district: String
    let asOf: CalendarDate
    /// `indeterminate` when facts that decide it are missing.
    let outcome: Outcome
    let basis: Text
    let reasons: [Reason]
    let conditions: [Condition]
    let exemptions: [Exemption]
    /// The company's grants that switched rules off (absent when none did).
    let grants: [Grant]?
    let missingFacts: [Missing]
    let rulebooks: [RulebookRef]

    static func parse(_ json: String) -> DecisionDocument? {
        try? JSONDecoder().decode(DecisionDocument.self, from: Data(json.utf8))
    }
}

/// String values that rules compare a fact with, offered as choices on the check form.
enum FactHints {
    static func values(for path: String, in rulebooks: [Rulebook]) -> [String] {
        var found: Set<String> = []
        func walk(_ expression: RegulationEngine.Expression) {
            switch expression {
            case .comparison(_, .fact(let p, _), .literal(let value, _), _) where p == path:
                collect(value)
            case .comparison(_, .literal(let value, _), .fact(let p, _), _) where p == path:
                collect(value)
            case .comparison(_, let l, let r, _):
                walk(l)
                walk(r)
            case .and(let items, _), .or(let items, _):
                items.forEach(walk)
            case .not(let inner, _):
                walk(inner)
            default:
                break
            }
        }
        func collect(_ value: FactValue) {
            switch value {
            case .string(let s): found.insert(s)
            case .list(let items): items.forEach(collect)
            default: break
            }
        }
        for rule in rulebooks.flatMap(\.rules) { walk(rule.when) }
        return found.sorted()
    }
}
