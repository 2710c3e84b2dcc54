import Foundation

/// A district's regime in plain language: what is prohibited, on what conditions, with citations,
/// the entry to the check and the downloads (JSON, YAML).
struct RegimePage: Encodable {
    /// A group of rules under its name in the reader's words.
    struct Group: Encodable {
        let name: String
        let rules: [Rule]
    }

    /// A rule with its effect and the provisions it switches off named for people.
    struct Rule: Encodable {
        let rule: RegimeView.RuleEntry
        let effect: String
        let exempts: [Named]
    }

    struct Named: Encodable {
        let id: String
        let title: String
    }

    let regime: RegimeView
    let check: String
    let json: String
    let yaml: String
    let description: String
    let groups: [Group]

    init(
        regime: RegimeView, check: String, json: String, yaml: String, language: String,
        ruleTitles: [String: String]
    ) {
        self.regime = regime
        self.check = check
        self.json = json
        self.yaml = yaml
        description = Strings.pick(regime.descriptionKorean ?? regime.description, regime.description, language)
        groups = regime.groups.map { group in
            let key = "rule.group." + group.name
            return Group(
                name: Strings.entries[key] == nil ? group.name : Strings.text(key, language),
                rules: group.rules.map { entry in
                    let effectKey = "rule.effect." + entry.effect
                    return Rule(
                        rule: entry, effect: Strings.text(effectKey, language),
                        exempts: entry.exempts.map { Named(id: $0, title: ruleTitles[$0] ?? $0) })
                })
        }
    }
}
