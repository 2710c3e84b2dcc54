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

/// Korean and English texts of one thing.
struct BilingualTextDoc: Decodable {
    let ko: String
    let en: String
}

/// A provision of the statute a rule rests on.
struct CitationDoc: Decodable {
    let law: String
    let article: String
    let url: String?
    let note: String?
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

struct RegulationCheckAnswerDoc: Decodable {
    enum ReasonStatus: String, Decodable, CaseIterable {
        /// The rule applies on the facts given.
        case applies
        /// The rule might apply; a missing fact decides it.
        case undecided
    }

    struct Reason: Decodable {
        let id: String
        let effect: RuleEffectDoc
        let status: ReasonStatus
        let rulebook: String
        let title: BilingualTextDoc
        let citations: [CitationDoc]
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
    }

    struct Exemption: Decodable {
        let id: String
        let title: BilingualTextDoc
        let exempts: [String]
        let citations: [CitationDoc]
    }

    /// A sandbox grant held by the company that switched rules off for this answer.
    struct Grant: Decodable {
        let caseNumber: String
        let exempts: [String]
        let conditions: [String]
    }

    struct MissingFact: Decodable {
        let path: String
        let label: BilingualTextDoc
        let help: BilingualTextDoc?
    }

    struct RulebookReference: Decodable {
        let id: String
        let sha256: String
    }

    let decisionId: UUID
    let version: Int
    let district: String
    let asOf: CalendarDate
    /// `indeterminate` when facts that decide it are missing.
    let outcome: Outcome
    let basis: BilingualTextDoc
    let reasons: [Reason]
    let conditions: [Condition]
    let exemptions: [Exemption]
    let grants: [Grant]?
    let missingFacts: [MissingFact]
    let rulebooks: [RulebookReference]
}

/// A replay: the logged request evaluated again with the logged version.
struct RegulationReplayDoc: Decodable {
    /// A decision as the check route answers it, without the log's id and version.
    struct Decision: Decodable {
        let district: String
        let asOf: CalendarDate
        let outcome: Outcome
        let basis: BilingualTextDoc
        let reasons: [RegulationCheckAnswerDoc.Reason]
        let conditions: [RegulationCheckAnswerDoc.Condition]
        let exemptions: [RegulationCheckAnswerDoc.Exemption]
        let grants: [RegulationCheckAnswerDoc.Grant]?
        let missingFacts: [RegulationCheckAnswerDoc.MissingFact]
        let rulebooks: [RegulationCheckAnswerDoc.RulebookReference]
    }

    let decisionId: UUID
    let version: Int
    /// True when the answer is byte for byte the logged one.
    let identical: Bool
    let decision: Decision
}

struct RegulationDistrictDoc: Decodable {
    let id: String
    let title: BilingualTextDoc
}

/// A district's regime: its rulebook's provisions grouped by activity, and the national provisions
/// it switches off.
struct RegimeDoc: Decodable {
    struct Citation: Decodable {
        let law: String
        let article: String
        let note: String?
        /// The citation as a Korean reader writes it (law name and 제N조제N항).
        let korean: String
        /// True where the statute index cannot vouch for the article.
        let unchecked: Bool
    }

    struct Rule: Decodable {
        let id: String
        let effect: RuleEffectDoc
        let titleKorean: String
        let titleEnglish: String
        /// When the rule applies, in words.
        let when: String
        let citations: [Citation]
        let effectiveFrom: CalendarDate?
        let effectiveUntil: CalendarDate?
        let conditions: [String]
        let conditionsKorean: [String]
        let exempts: [String]
    }

    struct Group: Decodable {
        let name: String
        let rules: [Rule]
    }

    let district: String
    let titleKorean: String
    let titleEnglish: String
    let description: String
    let descriptionKorean: String?
    let effectiveFrom: CalendarDate?
    let effectiveUntil: CalendarDate?
    let version: Int
    let sha256: String
    let groups: [Group]
    let exemptedNational: [Rule]
    /// The rulebook's file name in the published version.
    let file: String
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
