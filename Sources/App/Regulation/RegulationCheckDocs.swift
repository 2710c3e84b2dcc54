import Foundation
import RegulationEngine
import TeukguCore

// The regulation service's requests and answers as the API document describes them. Its routes read
// bodies with the engine's own fast reader and write pre-encoded JSON (`DecisionJSON`, `RegimeView`),
// so these types are not what the handlers decode. Two tests keep them honest: `APIClientTests` runs
// a client generated from the document against a live server, and `PreEncodedAnswersTests` checks
// each real answer against its schema, refusing any field the schema does not name.

struct RegulationCheckRequestDoc: Decodable {
    let district: String
    /// The day the rules are read as of.
    let asOf: CalendarDate
    /// A company's own checks name it; its granted exemptions then apply.
    let company: UUID?
    /// Facts by name: strings, numbers and booleans as the district's rulebook declares them.
    let facts: [String: FactValueDoc]
}

/// One fact's value: text, a number or a yes/no, as the rulebook declares the fact.
enum FactValueDoc: Decodable {
    case text(String)
    case number(Double)
    case flag(Bool)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }
}

/// What a rule does: prohibits, requires a condition, or exempts from national rules.
enum RuleEffectDoc: String, Decodable, CaseIterable {
    case prohibit, require, exempt
}

/// A condition's kind, as `RuleCondition.kind` names it.
enum ConditionKindDoc: String, Decodable, CaseIterable {
    case permit, certification, insurance
    case demonstrationArea = "demonstration-area"
    case notification, other
}

/// The check's answer (and a logged decision's): the decision as `DecisionDocument` reads it, with
/// the log's id and the rulebook version it was made under.
struct RegulationCheckAnswerDoc: Decodable {
    let decisionId: UUID
    let version: Int
    let district: String
    let asOf: CalendarDate
    /// `indeterminate` when facts that decide it are missing.
    let outcome: Outcome
    let basis: DecisionDocument.Text
    let reasons: [DecisionDocument.Reason]
    let conditions: [DecisionDocument.Condition]
    let exemptions: [DecisionDocument.Exemption]
    /// The company's grants that switched rules off (absent when none did).
    let grants: [DecisionDocument.Grant]?
    let missingFacts: [DecisionDocument.Missing]
    let rulebooks: [DecisionDocument.RulebookRef]
}

/// A replay: the logged request evaluated again with the logged version.
struct RegulationReplayDoc: Decodable {
    let decisionId: UUID
    let version: Int
    /// True when the answer is byte for byte the logged one.
    let identical: Bool
    let decision: DecisionDocument
}

struct RegulationDistrictDoc: Decodable {
    let id: String
    let title: DecisionDocument.Text
}

struct PingDoc: Decodable {
    let pong: Bool
}

/// A rulebook upload refused: the error envelope plus each problem the checker found, so a client
/// can point at the file, line and column.
struct RulebookRefusalDoc: Decodable {
    struct Detail: Decodable {
        let code: String
        let message: String
    }

    struct Problem: Decodable {
        /// `file:line:column`.
        let location: String
        /// The checker's kind of problem (`yaml-syntax`, `unknown-article`, …).
        let kind: String
        let message: String
    }

    let error: Detail
    let diagnostics: [Problem]
}
