import Foundation
import RegulationEngine
import TeukguCore
import Vapor

/// A district's regime in plain terms: its negative list and exemptions grouped by activity, and
/// the national provisions it switches off. The API answers it as JSON, and the document describes
/// that answer by decoding this same type.
struct RegimeView: Codable {
    struct Citation: Codable {
        let law: String
        let article: String
        let note: String?
        /// The citation and its note as a Korean reader writes them (law name and 제N조제N항).
        let korean: String
        /// True where the statute index cannot vouch for the article: the law is not indexed, or the
        /// article lies outside the part read. The page says so instead of implying it was checked.
        let unchecked: Bool

        init(law: String, article: String, note: String?, rule: Rule) {
            self.law = law
            self.article = article
            self.note = note
            korean =
                (KoreanCitation.text(law: law, article: article) ?? "\(law) \(article)")
                + (note.map { " (" + rule.korean($0) + ")" } ?? "")
            unchecked = StatuteIndex.seed.check(law: law, article: article) != .valid
        }
    }

    struct RuleEntry: Codable {
        let id: String
        let effect: String
        let titleKorean: String
        let titleEnglish: String
        let when: String
        let citations: [Citation]
        let effectiveFrom: String?
        let effectiveUntil: String?
        let conditions: [String]
        let conditionsKorean: [String]
        let exempts: [String]
    }

    struct Group: Codable {
        let name: String
        let rules: [RuleEntry]
    }

    let district: String
    let titleKorean: String
    let titleEnglish: String
    let description: String
    /// The description in Korean, where the rulebook gives it as `{ko, en}`.
    let descriptionKorean: String?
    let effectiveFrom: String?
    let effectiveUntil: String?
    let version: Int
    let sha256: String
    let groups: [Group]
    let exemptedNational: [RuleEntry]
    let file: String
    /// The district rulebook's YAML exactly as published (answered with `?format=yaml`, not in the JSON).
    var rulebookYAML = ""

    enum CodingKeys: String, CodingKey {
        case district, titleKorean, titleEnglish, description, descriptionKorean, effectiveFrom, effectiveUntil,
            version, sha256, groups,
            exemptedNational, file
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func entry(_ rule: Rule) -> RuleEntry {
        RuleEntry(
            id: rule.id, effect: rule.effect.rawValue, titleKorean: rule.title.ko, titleEnglish: rule.title.en,
            when: rule.whenText,
            citations: rule.cites.map { Citation(law: $0.law, article: $0.article, note: $0.note, rule: rule) },
            effectiveFrom: rule.effective.from?.iso, effectiveUntil: rule.effective.until?.iso,
            conditions: rule.conditions.map { Explanation.describe($0, language: "en") },
            conditionsKorean: rule.conditions.map {
                Explanation.describe($0.mappingTexts(rule.korean), language: "ko")
            }, exempts: rule.exempts)
    }

    static func build(district: String, library: RulebookLibrary, asOf: CalendarDate?) throws -> RegimeView {
        let version = asOf.flatMap { library.version(for: $0) } ?? library.live
        guard let version, let rulebook = version.set.rulebooks.filter({ $0.scope == .district(district) }).last else {
            throw AppError(.notFound, "unknown_district", "No rulebook covers district '\(district)'.")
        }
        var grouped: [String: [RuleEntry]] = [:]
        for rule in rulebook.rules { grouped[rule.group ?? "other", default: []].append(entry(rule)) }
        let exempted = Set(rulebook.rules.flatMap(\.exempts))
        let national = version.set.rulebooks.filter { $0.scope == .national }.flatMap(\.rules).filter {
            exempted.contains($0.id)
        }
        let source = version.sources.first { $0.file == rulebook.file }?.text ?? ""
        return RegimeView(
            district: district, titleKorean: rulebook.title.ko, titleEnglish: rulebook.title.en,
            description: rulebook.description, descriptionKorean: rulebook.descriptionKorean,
            effectiveFrom: rulebook.effective.from?.iso, effectiveUntil: rulebook.effective.until?.iso,
            version: version.number,
            sha256: rulebook.contentHash, groups: grouped.keys.sorted().map { Group(name: $0, rules: grouped[$0]!) },
            exemptedNational: national.map(entry), file: rulebook.file, rulebookYAML: source)
    }
}

/// What changed between two rulebook sets, rule by rule.
struct RulebookDiff: Content {
    struct Change: Content {
        let id: String
        let fields: [String]
    }

    let added: [String]
    let removed: [String]
    let changed: [Change]

    static func between(_ old: RulebookSet, _ new: RulebookSet) -> RulebookDiff {
        let before = Dictionary(
            old.rulebooks.flatMap(\.rules).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(
            new.rulebooks.flatMap(\.rules).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changed: [Change] = []
        for (id, rule) in after {
            guard let previous = before[id] else { continue }
            var fields: [String] = []
            if rule.effect != previous.effect { fields.append("effect") }
            if rule.whenText != previous.whenText { fields.append("when") }
            if rule.title != previous.title { fields.append("title") }
            if rule.cites != previous.cites { fields.append("cites") }
            if rule.conditions != previous.conditions { fields.append("conditions") }
            if rule.exempts != previous.exempts { fields.append("exempts") }
            if rule.effective != previous.effective { fields.append("effective") }
            if !fields.isEmpty { changed.append(Change(id: id, fields: fields)) }
        }
        return RulebookDiff(
            added: after.keys.filter { before[$0] == nil }.sorted(),
            removed: before.keys.filter { after[$0] == nil }.sorted(),
            changed: changed.sorted { $0.id < $1.id })
    }
}
