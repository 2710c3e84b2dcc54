import TeukguCore

/// The verdict on one activity.
public enum Outcome: String, Sendable, Codable, CaseIterable {
    case prohibited, conditional, permitted, indeterminate
}

/// What a decision says about one rule, built once per rule when the snapshot compiles.
final class RuleSummary: Sendable {
    let ruleID: String
    let effect: RuleEffect
    let title: LocalizedText
    let cites: [RuleCitation]
    let rulebookID: String
    let exempts: [String]
    /// What it asks for (require) or puts in place of what it switches off (exempt).
    let conditions: [RuleCondition]
    /// The JSON around a reason's status, and of an applied exemption.
    let encodedHead: [UInt8]
    let encodedTail: [UInt8]
    let encodedExemption: [UInt8]

    init(rule: Rule, rulebookID: String) {
        ruleID = rule.id
        effect = rule.effect
        title = rule.title
        cites = rule.cites
        self.rulebookID = rulebookID
        exempts = rule.exempts.sorted()
        conditions = rule.conditions
        encodedHead = DecisionJSON.reasonHead(id: rule.id, effect: rule.effect)
        encodedTail = DecisionJSON.reasonTail(rulebookID: rulebookID, title: rule.title, cites: rule.cites)
        encodedExemption = rule.effect == .exempt ? DecisionJSON.exemption(id: rule.id, title: rule.title, exempts: exempts, cites: rule.cites) : []
    }
}

/// A district's rule summaries in layout order. Decisions point into it by position, so building
/// one touches only this table, not the summaries of the rules it cites; those are read when the
/// decision is (at 100k rules each would be a cache miss on the evaluation path).
final class SummaryTable: Sendable {
    let items: [RuleSummary]
    init(_ items: [RuleSummary]) { self.items = items }
}

/// A rule that decided (or, for indeterminate, could decide) the outcome.
public struct DecisionReason: Hashable, Sendable {
    let table: SummaryTable
    let position: Int32
    /// Whether its condition holds (`applies`) or facts are missing (`undecided`).
    let applies: Bool

    init(table: SummaryTable, position: Int, applies: Bool) {
        self.table = table
        self.position = Int32(position)
        self.applies = applies
    }

    var summary: RuleSummary { table.items[Int(position)] }
    /// `applies` when its condition holds, `undecided` when facts are missing.
    public var status: String { applies ? "applies" : "undecided" }

    public var ruleID: String { summary.ruleID }
    public var effect: RuleEffect { summary.effect }
    public var title: LocalizedText { summary.title }
    public var cites: [RuleCitation] { summary.cites }
    public var rulebookID: String { summary.rulebookID }

    public static func == (a: DecisionReason, b: DecisionReason) -> Bool { a.ruleID == b.ruleID && a.applies == b.applies }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ruleID)
        hasher.combine(applies)
    }
}

/// A condition to meet, with the rules that ask for it. Insurance minimums are merged: the highest per head.
public struct DecisionCondition: Hashable, Sendable {
    public let condition: RuleCondition
    public let sources: [String]
}

/// An exemption that switched national rules off for this activity.
public struct AppliedExemption: Hashable, Sendable {
    let table: SummaryTable
    let position: Int32

    init(table: SummaryTable, position: Int) {
        self.table = table
        self.position = Int32(position)
    }

    var summary: RuleSummary { table.items[Int(position)] }

    public var ruleID: String { summary.ruleID }
    public var title: LocalizedText { summary.title }
    public var exempts: [String] { summary.exempts }
    public var cites: [RuleCitation] { summary.cites }

    public static func == (a: AppliedExemption, b: AppliedExemption) -> Bool { a.ruleID == b.ruleID }
    public func hash(into hasher: inout Hasher) { hasher.combine(ruleID) }
}

/// A fact whose value would settle an indeterminate outcome.
public struct MissingFact: Hashable, Sendable {
    public let path: String
    public let label: LocalizedText
    public let help: LocalizedText?
}

/// A rulebook consulted, by id and content hash.
public struct RulebookReference: Hashable, Sendable {
    public let id: String
    public let contentHash: String
}

/// The engine's full answer.
public struct Decision: Hashable, Sendable {
    public let district: String
    public let asOf: CalendarDate
    public let outcome: Outcome
    public let reasons: [DecisionReason]
    public let conditions: [DecisionCondition]
    public let exemptions: [AppliedExemption]
    public let missingFacts: [MissingFact]
    public let rulebooks: [RulebookReference]
    /// A sentence saying why, e.g. "no listed provision applies".
    public let basis: LocalizedText
    /// The `rulebooks` array already encoded, when the snapshot had it at hand.
    var encodedRulebooks: [UInt8] = []

    init(district: String, asOf: CalendarDate, outcome: Outcome, reasons: [DecisionReason], conditions: [DecisionCondition],
         exemptions: [AppliedExemption], missingFacts: [MissingFact], rulebooks: [RulebookReference], basis: LocalizedText, encodedRulebooks: [UInt8] = []) {
        self.district = district
        self.asOf = asOf
        self.outcome = outcome
        self.reasons = reasons
        self.conditions = conditions
        self.exemptions = exemptions
        self.missingFacts = missingFacts
        self.rulebooks = rulebooks
        self.basis = basis
        self.encodedRulebooks = encodedRulebooks
    }

    public static func == (a: Decision, b: Decision) -> Bool {
        a.district == b.district && a.asOf == b.asOf && a.outcome == b.outcome && a.reasons == b.reasons && a.conditions == b.conditions
            && a.exemptions == b.exemptions && a.missingFacts == b.missingFacts && a.rulebooks == b.rulebooks && a.basis == b.basis
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(district)
        hasher.combine(asOf)
        hasher.combine(outcome)
        hasher.combine(reasons)
    }
}

/// Why a request could not be evaluated.
public enum EvaluationError: Error, Equatable, Sendable {
    /// No rulebook covers this district.
    case unknownDistrict(String)
    /// The district has no rulebook in force on that date.
    case notInForce(district: String, date: CalendarDate)
    /// The fact is not declared by any rulebook that applies.
    case unknownFact(String)
    /// The value does not fit the fact's declared type (or is not one of an enum's values).
    case wrongType(path: String, expected: String, got: String)
}
