import TeukguCore

/// Where a rulebook applies.
public enum RulebookScope: Hashable, Sendable {
    case national
    case district(String)

    public var text: String {
        switch self {
        case .national: "national"
        case .district(let id): "district: \(id)"
        }
    }
}

/// A half-open range of Seoul calendar days: `from` inclusive, `until` exclusive; nil is open.
public struct EffectivePeriod: Hashable, Sendable {
    public let from: CalendarDate?
    public let until: CalendarDate?

    public init(from: CalendarDate?, until: CalendarDate?) {
        self.from = from
        self.until = until
    }

    public static let always = EffectivePeriod(from: nil, until: nil)

    public func contains(_ date: CalendarDate) -> Bool {
        (from.map { date >= $0 } ?? true) && (until.map { date < $0 } ?? true)
    }

    /// Whether this period lies inside `outer`; an open end inherits the outer one.
    public func isWithin(_ outer: EffectivePeriod) -> Bool {
        let startsInside = from.map { start in outer.from.map { start >= $0 } ?? true } ?? true
        let endsInside = until.map { end in outer.until.map { end <= $0 } ?? true } ?? true
        let startsBeforeOuterEnds = from.map { start in outer.until.map { start < $0 } ?? true } ?? true
        return startsInside && endsInside && startsBeforeOuterEnds
    }
}

/// A provision a rule rests on.
public struct RuleCitation: Hashable, Sendable {
    public let law: String
    public let article: String
    public let url: String?
    public let note: String?

    public init(law: String, article: String, url: String? = nil, note: String? = nil) {
        self.law = law
        self.article = article
        self.url = url
        self.note = note
    }

    public var text: String { "\(law) \(article)" }
}

/// What a rule does when its condition holds.
public enum RuleEffect: String, Hashable, Sendable, CaseIterable {
    case prohibit, require, exempt
}

/// A typed condition an activity must meet.
public enum RuleCondition: Hashable, Sendable {
    case permit(authority: String, name: String)
    case certification(scheme: String, note: String?)
    /// Minimum cover in won; nil where the rule sets none.
    case insurance(death: Int64?, injury: Int64?, disability: Int64?, property: Int64?)
    case demonstrationArea(zone: String)
    case notification(to: String, when: String)
    case other(text: String)

    public var kind: String {
        switch self {
        case .permit: "permit"
        case .certification: "certification"
        case .insurance: "insurance"
        case .demonstrationArea: "demonstration-area"
        case .notification: "notification"
        case .other: "other"
        }
    }
}

/// One provision of a rulebook.
public struct Rule: Hashable, Sendable {
    public let id: String
    public let title: LocalizedText
    public let effect: RuleEffect
    public let when: Expression
    public let whenText: String
    public let cites: [RuleCitation]
    public let effective: EffectivePeriod
    public let conditions: [RuleCondition]
    /// For `exempt`: the ids of national rules switched off while `when` holds.
    public let exempts: [String]
    /// Activity group for the plain-language regime pages (optional).
    public let group: String?
    public let location: SourceLocation
    /// Where the `when` text starts, so expression diagnostics point at the right column.
    public let whenLocation: SourceLocation

    public init(id: String, title: LocalizedText, effect: RuleEffect, when: Expression, whenText: String, cites: [RuleCitation],
                effective: EffectivePeriod, conditions: [RuleCondition], exempts: [String], group: String?, location: SourceLocation,
                whenLocation: SourceLocation? = nil) {
        self.whenLocation = whenLocation ?? location
        self.id = id
        self.title = title
        self.effect = effect
        self.when = when
        self.whenText = whenText
        self.cites = cites
        self.effective = effective
        self.conditions = conditions
        self.exempts = exempts
        self.group = group
        self.location = location
    }
}

/// A set of provisions for the nation or one district, with the facts they speak of.
public struct Rulebook: Hashable, Sendable {
    public let id: String
    public let scope: RulebookScope
    public let title: LocalizedText
    public let description: String
    public let effective: EffectivePeriod
    public let facts: [FactDeclaration]
    public let rules: [Rule]
    public let file: String
    /// SHA-256 of the file's bytes.
    public let contentHash: String

    public init(id: String, scope: RulebookScope, title: LocalizedText, description: String, effective: EffectivePeriod,
                facts: [FactDeclaration], rules: [Rule], file: String, contentHash: String) {
        self.id = id
        self.scope = scope
        self.title = title
        self.description = description
        self.effective = effective
        self.facts = facts
        self.rules = rules
        self.file = file
        self.contentHash = contentHash
    }
}

extension Rulebook {
    /// The same rulebook with rules read separately (a large file's rule list is read in chunks).
    func replacingRules(_ rules: [Rule], contentHash: String) -> Rulebook {
        Rulebook(id: id, scope: scope, title: title, description: description, effective: effective, facts: facts, rules: rules, file: file, contentHash: contentHash)
    }
}
