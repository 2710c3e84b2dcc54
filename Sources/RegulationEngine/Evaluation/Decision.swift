import TeukguCore

/// The verdict on one activity.
public enum Outcome: String, Sendable, Codable, CaseIterable {
    case prohibited, conditional, permitted, indeterminate
}

/// A rule that decided (or, for indeterminate, could decide) the outcome.
public struct DecisionReason: Hashable, Sendable {
    public let ruleID: String
    public let effect: RuleEffect
    public let title: LocalizedText
    public let cites: [RuleCitation]
    public let rulebookID: String
    /// `applies` when its condition holds, `undecided` when facts are missing.
    public let status: String
}

/// A condition to meet, with the rules that ask for it. Insurance minimums are merged: the highest per head.
public struct DecisionCondition: Hashable, Sendable {
    public let condition: RuleCondition
    public let sources: [String]
}

/// An exemption that switched national rules off for this activity.
public struct AppliedExemption: Hashable, Sendable {
    public let ruleID: String
    public let title: LocalizedText
    public let exempts: [String]
    public let cites: [RuleCitation]
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
