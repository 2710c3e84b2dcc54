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

    /// The same condition with each free text passed through `words` (for a reader's language).
    public func mappingTexts(_ words: (String) -> String) -> RuleCondition {
        switch self {
        case .permit(let authority, let name): .permit(authority: words(authority), name: words(name))
        case .certification(let scheme, let note): .certification(scheme: words(scheme), note: note.map(words))
        case .insurance: self
        case .demonstrationArea(let zone): .demonstrationArea(zone: words(zone))
        case .notification(let to, let when): .notification(to: words(to), when: words(when))
        case .other(let text): .other(text: words(text))
        }
    }

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
///
/// A value with its fields in one shared box: a rule has a dozen reference-counted fields, and
/// 100k rules are copied between arrays and threads while loading, so a copy is one retain
/// instead of a dozen.
public struct Rule: Hashable, Sendable {
    private final class Storage: Sendable {
        let id: String
        let title: LocalizedText
        let effect: RuleEffect
        let when: Expression
        let whenText: String
        let cites: [RuleCitation]
        let effective: EffectivePeriod
        let conditions: [RuleCondition]
        let exempts: [String]
        let group: String?
        let location: SourceLocation
        let whenLocation: SourceLocation
        let korean: [String: String]

        init(
            id: String, title: LocalizedText, effect: RuleEffect, when: Expression, whenText: String,
            cites: [RuleCitation],
            effective: EffectivePeriod, conditions: [RuleCondition], exempts: [String], group: String?,
            location: SourceLocation,
            whenLocation: SourceLocation, korean: [String: String]
        ) {
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
            self.whenLocation = whenLocation
            self.korean = korean
        }
    }

    private let storage: Storage

    public var id: String { storage.id }
    public var title: LocalizedText { storage.title }
    public var effect: RuleEffect { storage.effect }
    public var when: Expression { storage.when }
    public var whenText: String { storage.whenText }
    public var cites: [RuleCitation] { storage.cites }
    public var effective: EffectivePeriod { storage.effective }
    public var conditions: [RuleCondition] { storage.conditions }
    /// For `exempt`: the ids of national rules switched off while `when` holds.
    public var exempts: [String] { storage.exempts }
    /// Activity group for the plain-language regime pages (optional).
    public var group: String? { storage.group }
    public var location: SourceLocation { storage.location }
    /// Where the `when` text starts, so expression diagnostics point at the right column.
    public var whenLocation: SourceLocation { storage.whenLocation }
    /// Korean for the rule's English free texts (citation notes, condition words), from `{ko, en}`
    /// values in the file; the engine and its JSON keep the English, pages in Korean look it up.
    public var korean: [String: String] { storage.korean }

    /// The Korean for one of this rule's texts, or the text itself when the file gives none.
    public func korean(_ english: String) -> String { storage.korean[english] ?? english }

    public init(
        id: String, title: LocalizedText, effect: RuleEffect, when: Expression, whenText: String, cites: [RuleCitation],
        effective: EffectivePeriod, conditions: [RuleCondition], exempts: [String], group: String?,
        location: SourceLocation,
        whenLocation: SourceLocation? = nil, korean: [String: String] = [:]
    ) {
        storage = Storage(
            id: id, title: title, effect: effect, when: when, whenText: whenText, cites: cites, effective: effective,
            conditions: conditions, exempts: exempts, group: group, location: location,
            whenLocation: whenLocation ?? location, korean: korean)
    }

    public static func == (a: Rule, b: Rule) -> Bool {
        if a.storage === b.storage { return true }
        return a.id == b.id && a.title == b.title && a.effect == b.effect && a.when == b.when
            && a.whenText == b.whenText && a.cites == b.cites
            && a.effective == b.effective && a.conditions == b.conditions && a.exempts == b.exempts
            && a.group == b.group
            && a.location == b.location && a.whenLocation == b.whenLocation && a.korean == b.korean
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(whenText)
        hasher.combine(location)
    }
}

/// A set of provisions for the nation or one district, with the facts they speak of.
public struct Rulebook: Hashable, Sendable {
    public let id: String
    public let scope: RulebookScope
    public let title: LocalizedText
    public let description: String
    /// The description in Korean, when the file gives it as `{ko, en}`.
    public let descriptionKorean: String?
    public let effective: EffectivePeriod
    public let facts: [FactDeclaration]
    public let rules: [Rule]
    public let file: String
    /// SHA-256 of the file's bytes.
    public let contentHash: String

    public init(
        id: String, scope: RulebookScope, title: LocalizedText, description: String, effective: EffectivePeriod,
        facts: [FactDeclaration], rules: [Rule], file: String, contentHash: String, descriptionKorean: String? = nil
    ) {
        self.id = id
        self.descriptionKorean = descriptionKorean
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
    /// Every rule of the rulebooks as (rulebook index, rule index), for work spread over cores.
    static func rulePlaces(_ rulebooks: [Rulebook]) -> [(rulebook: Int, rule: Int)] {
        var places: [(rulebook: Int, rule: Int)] = []
        for (bookIndex, rulebook) in rulebooks.enumerated() {
            for ruleIndex in rulebook.rules.indices { places.append((bookIndex, ruleIndex)) }
        }
        return places
    }

    /// The same rulebook with rules read separately (a large file's rule list is read in chunks).
    func replacingRules(_ rules: [Rule], contentHash: String) -> Rulebook {
        Rulebook(
            id: id, scope: scope, title: title, description: description, effective: effective, facts: facts,
            rules: rules, file: file, contentHash: contentHash, descriptionKorean: descriptionKorean)
    }
}
