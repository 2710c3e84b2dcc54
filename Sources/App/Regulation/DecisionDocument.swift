import Foundation
import RegulationEngine
import TeukguCore

/// A logged decision read back from its JSON, for the verdict page.
struct DecisionDocument: Decodable {
    struct Text: Decodable {
        let ko: String
        let en: String
        func pick(_ language: String) -> String { Strings.pick(ko, en, language) }
    }

    struct Citation: Decodable {
        let law: String
        let article: String
        let note: String?
    }

    struct Reason: Decodable {
        let id: String
        let effect: String
        let status: Standing
        let title: Text

        /// Whether the reason's condition holds, or facts it needs are missing (the engine's words).
        enum Standing: String, Decodable {
            case applies
            case undecided
        }
        let citations: [Citation]
    }

    struct Condition: Decodable {
        let type: String
        let authority: String?
        let name: String?
        let scheme: String?
        let note: String?
        let death: Int64?
        let injury: Int64?
        let disability: Int64?
        let property: Int64?
        let zone: String?
        let to: String?
        let when: String?
        let text: String?
        let sources: [String]

        /// The condition with each free text passed through `words` (the reader's language).
        func ruleCondition(_ words: (String) -> String = { $0 }) -> RuleCondition {
            let condition: RuleCondition =
                switch type {
                case "permit": .permit(authority: authority ?? "", name: name ?? "")
                case "certification": .certification(scheme: scheme ?? "", note: note)
                case "insurance": .insurance(death: death, injury: injury, disability: disability, property: property)
                case "demonstration-area": .demonstrationArea(zone: zone ?? "")
                case "notification": .notification(to: to ?? "", when: when ?? "")
                default: .other(text: text ?? "")
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

    struct Grant: Decodable {
        let caseNumber: String
        let exempts: [String]
        let conditions: [String]
    }

    struct Missing: Decodable {
        let path: String
        let label: Text
    }

    struct RulebookRef: Decodable {
        let id: String
        let sha256: String
    }

    let district: String
    let asOf: String
    let outcome: String
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
