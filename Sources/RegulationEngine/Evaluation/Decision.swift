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

    init(rule: Rule, rulebookID: String) {
        ruleID = rule.id
        effect = rule.effect
        title = rule.title
        cites = rule.cites
        self.rulebookID = rulebookID
        exempts = rule.exempts.sorted()
        conditions = rule.conditions
    }
}

/// A district's rule summaries in layout order. Decisions point into it by position, so building
/// one touches only this table, not the summaries of the rules it cites; those are read when the
/// decision is (at 100k rules each would be a cache miss on the evaluation path).
final class SummaryTable: Sendable {
    let items: [RuleSummary]
    /// Every rule's JSON fragments, encoded once and kept back to back in one buffer, so writing
    /// a decision copies bytes without touching an object per rule: fragment `f` of the rule at
    /// position `p` is `bytes[offsets[3p + f] ..< offsets[3p + f + 1]]`.
    let bytes: [UInt8]
    let offsets: [Int32]

    enum Fragment: Int {
        /// `{"id":…,"effect":…` of a reason, before its status.
        case reasonHead
        /// `,"rulebook":…,"title":…,"citations":[…]}` after it.
        case reasonTail
        /// The whole object of an applied exemption (empty for other rules).
        case exemption
    }

    init(_ items: [RuleSummary], fragments: [(bytes: [UInt8], lengths: (Int32, Int32, Int32))]) {
        self.items = items
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fragments.reduce(0) { $0 + $1.bytes.count })
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(3 * fragments.count + 1)
        for fragment in fragments {
            bytes += fragment.bytes
            let start = offsets.last!
            offsets.append(start + fragment.lengths.0)
            offsets.append(start + fragment.lengths.0 + fragment.lengths.1)
            offsets.append(start + fragment.lengths.0 + fragment.lengths.1 + fragment.lengths.2)
        }
        self.bytes = bytes
        self.offsets = offsets
    }

    /// A rule's three fragments, encoded (run on every core while compiling).
    static func fragments(
        of rule: Rule, rulebookID: String, exempts: [String]
    ) -> (bytes: [UInt8], lengths: (Int32, Int32, Int32)) {
        let head = DecisionJSON.reasonHead(id: rule.id, effect: rule.effect)
        let tail = DecisionJSON.reasonTail(rulebookID: rulebookID, title: rule.title, cites: rule.cites)
        let exemption =
            rule.effect == .exempt
            ? DecisionJSON.exemption(id: rule.id, title: rule.title, exempts: exempts, cites: rule.cites) : []
        return (head + tail + exemption, (Int32(head.count), Int32(tail.count), Int32(exemption.count)))
    }
}

extension JSONWriter {
    /// Appends a rule's encoded fragment from its district's table.
    @inline(__always) mutating func raw(_ table: SummaryTable, _ position: Int, _ fragment: SummaryTable.Fragment) {
        let index = 3 * position + fragment.rawValue
        table.offsets.withUnsafeBufferPointer { offsets in
            let start = Int(offsets[index])
            let end = Int(offsets[index + 1])
            table.bytes.withUnsafeBufferPointer {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end]))
            }
        }
    }
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

    public static func == (a: DecisionReason, b: DecisionReason) -> Bool {
        a.ruleID == b.ruleID && a.applies == b.applies
    }
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
    /// The company's grants that switched rules off (empty for checks without a company).
    public internal(set) var grants: [AppliedGrant] = []
    public let missingFacts: [MissingFact]
    public let rulebooks: [RulebookReference]
    /// A sentence saying why, e.g. "no listed provision applies".
    public let basis: LocalizedText
    /// The `rulebooks` array already encoded, when the snapshot had it at hand.
    var encodedRulebooks: [UInt8] = []

    init(
        district: String, asOf: CalendarDate, outcome: Outcome, reasons: [DecisionReason],
        conditions: [DecisionCondition],
        exemptions: [AppliedExemption], missingFacts: [MissingFact], rulebooks: [RulebookReference],
        basis: LocalizedText, encodedRulebooks: [UInt8] = []
    ) {
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
        a.district == b.district && a.asOf == b.asOf && a.outcome == b.outcome && a.reasons == b.reasons
            && a.conditions == b.conditions
            && a.exemptions == b.exemptions && a.grants == b.grants && a.missingFacts == b.missingFacts
            && a.rulebooks == b.rulebooks
            && a.basis == b.basis
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
