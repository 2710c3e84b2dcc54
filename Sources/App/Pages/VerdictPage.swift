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
    let missing: [String]
    let rulebooks: [String]
    let permalink: String
    let again: String

    init(
        document: DecisionDocument, id: UUID, version: Int, decidedAt: Date, language: String, permalink: String,
        again: String
    ) {
        self.id = id.uuidString.lowercased()
        outcome = document.outcome
        headline = Strings.text("verdict.\(document.outcome)", language)
        basis = document.basis.pick(language)
        district = document.district
        asOf = document.asOf
        self.decidedAt = Formatting.dateTime(decidedAt)
        self.version = version
        func citations(_ list: [DecisionDocument.Citation]) -> [Citation] {
            list.map {
                Citation(
                    text: "\($0.law) \($0.article)" + ($0.note.map { " — \($0)" } ?? ""),
                    unchecked: StatuteIndex.seed.check(law: $0.law, article: $0.article) != .valid)
            }
        }
        reasons = document.reasons.map {
            Reason(
                id: $0.id, title: $0.title.pick(language), effect: $0.effect, undecided: $0.status == .undecided,
                citations: citations($0.citations))
        }
        conditions = document.conditions.map {
            Condition(
                text: Explanation.describe($0.ruleCondition, language: language),
                sources: $0.sources.joined(separator: ", "))
        }
        exemptions = document.exemptions.map {
            Reason(
                id: $0.id,
                title: $0.title.pick(language) + Strings.text("text.switchesOff", language)
                    + $0.exempts.joined(separator: ", ") + ")",
                effect: "exempt", undecided: false, citations: citations($0.citations))
        }
        missing = document.missingFacts.map { $0.label.pick(language) + " (\($0.path))" }
        rulebooks = document.rulebooks.map { "\($0.id) · sha256 \($0.sha256.prefix(16))…" }
        self.permalink = permalink
        self.again = again
    }
}
