import Foundation
import RegulationEngine
import TeukguCore

/// A verdict as the page shows it, in the reader's language.
struct VerdictPage: Encodable {
    struct Reason: Encodable {
        let id: String
        let title: String
        let effect: String
        let undecided: Bool
        let citations: [Citation]
    }

    struct Citation: Encodable {
        let text: String
        /// Not verifiable against the statute index (law not indexed); shown with a marker.
        let unchecked: Bool
    }

    struct Condition: Encodable {
        let text: String
        let sources: String
        /// For a certification condition checked by a company: met (naming the certificate) or not.
        var certification: String? = nil
        var met = false
    }

    let id: String
    let outcome: String
    let headline: String
    let basis: String
    let district: String
    let asOf: String
    let decidedAt: String
    let version: Int
    let reasons: [Reason]
    let conditions: [Condition]
    let exemptions: [Reason]
    /// "SB-2026-0006 switches off …" for each of the company's grants that applied.
    let grants: [String]
    let missing: [String]
    let rulebooks: [String]
    let permalink: String
    let again: String

    init(
        document: DecisionDocument, id: UUID, version: Int, decidedAt: Date, language: String, permalink: String,
        again: String, rulebooks books: [Rulebook], certifications: [CertificationRecord]? = nil
    ) {
        let rules = Dictionary(books.flatMap(\.rules).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        /// A rule's free text in the reader's language, as its rulebook gives it.
        func words(_ english: String, rule: String) -> String {
            Strings.pick(rules[rule]?.korean(english) ?? english, english, language)
        }
        func ruleName(_ id: String) -> String { rules[id]?.title.text(language) ?? id }
        self.id = id.uuidString.lowercased()
        outcome = document.outcome.rawValue
        headline = Strings.text("verdict.\(document.outcome.rawValue)", language)
        basis = document.basis.pick(language)
        district =
            books.first { $0.scope == .district(document.district) }?.title.text(language) ?? document.district
        asOf = document.asOf.iso
        self.decidedAt = Formatting.dateTime(decidedAt)
        self.version = version
        func citations(_ list: [DecisionDocument.Citation], rule: String) -> [Citation] {
            list.map { cite in
                let english = "\(cite.law) \(cite.article)"
                let cited = Strings.pick(
                    KoreanCitation.text(law: cite.law, article: cite.article) ?? english, english, language)
                return Citation(
                    text: cited + (cite.note.map { " — " + words($0, rule: rule) } ?? ""),
                    unchecked: StatuteIndex.seed.check(law: cite.law, article: cite.article) != .valid)
            }
        }
        reasons = document.reasons.map {
            Reason(
                id: $0.id, title: $0.title.pick(language), effect: $0.effect.rawValue,
                undecided: $0.status == .undecided,
                citations: citations($0.citations, rule: $0.id))
        }
        let asOfDay: CalendarDate? = document.asOf
        conditions = document.conditions.map { condition in
            let source = condition.sources.first ?? ""
            var row = Condition(
                text: Explanation.describe(
                    condition.ruleCondition { words($0, rule: source) }, language: language),
                sources: condition.sources.map(ruleName).joined(separator: ", "))
            // A company's check says whether its certifications on file meet the condition.
            if let certifications, let day = asOfDay, condition.type == .certification, let scheme = condition.scheme {
                if let found = Certifications.match(scheme: scheme, in: certifications, on: day) {
                    row.certification = Strings.format(
                        "verdict.certificationMet", language, found.scheme, found.number, found.validUntil)
                    row.met = true
                } else {
                    row.certification = Strings.format("verdict.certificationOutstanding", language, scheme)
                }
            }
            return row
        }
        exemptions = document.exemptions.map {
            Reason(
                id: $0.id,
                title: $0.title.pick(language) + Strings.text("text.switchesOff", language)
                    + $0.exempts.map(ruleName).joined(separator: ", ") + ")",
                effect: "exempt", undecided: false, citations: citations($0.citations, rule: $0.id))
        }
        grants = (document.grants ?? []).map { grant in
            Strings.format(
                "verdict.grantApplied", language, grant.caseNumber, grant.exempts.map(ruleName).joined(separator: ", "))
        }
        missing = document.missingFacts.map { $0.label.pick(language) }
        rulebooks = document.rulebooks.map { "\($0.id) · sha256 \($0.sha256.prefix(16))…" }
        self.permalink = permalink
        self.again = again
    }
}
