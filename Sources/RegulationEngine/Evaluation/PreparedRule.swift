import Foundation

/// What compiling needs of each rule that does not depend on the others: its condition over slots
/// and the key that groups it with rules of the same guard. Computed on every core, since at 100k
/// rules this and the summaries are most of the compile time.
struct PreparedRule: Sendable {
    /// Where the rule is: `rulebooks[rulebook].rules[rule]`.
    let rulebook: Int
    let rule: Int
    let condition: CompiledCondition
    let sortKey: String

    static func prepareAll(_ rulebooks: [Rulebook], slots: [String: Int]) -> [PreparedRule] {
        let places = Rulebook.rulePlaces(rulebooks)
        let shared = ReadOnly((rulebooks, slots))
        return inParallel(places) { place in
            let (rulebooks, slots) = shared.value
            return PreparedRule(
                rulebook: place.rulebook, rule: place.rule, rule: rulebooks[place.rulebook].rules[place.rule],
                slots: slots)
        }
    }

    init(rulebook: Int, rule index: Int, rule: Rule, slots: [String: Int]) {
        self.rulebook = rulebook
        self.rule = index
        condition = CompiledCondition.compile(rule.when, slots: slots)
        sortKey = RuleIndex.guardOf(condition).map { "\($0.0):\($0.1.map(\.text).sorted().first ?? "")" } ?? ""
    }
}
