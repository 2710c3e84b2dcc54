import Foundation
import RegulationEngine

/// The decision log, newest first, filtered by district, outcome and Seoul days, with the CSV of the
/// same filter; each decision with its outcome and channel in words and a link to its verdict.
struct DecisionLogPage: Encodable {
    struct Row: Encodable {
        let id: String
        let href: String
        let time: String
        let district: String
        let outcome: String
        let reasons: String
        let channel: String
    }

    struct OutcomeOption: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }

    let rows: [Row]
    let pagination: Pagination
    let csv: String
    let district: String
    let outcome: String
    let from: String
    let to: String
    let outcomes: [OutcomeOption]

    init(_ records: [RegulationDecisionRecord], filter: DecisionFilter, pagination: Pagination, language: String) {
        rows = records.compactMap { record in
            guard let id = record.id?.uuidString.lowercased() else { return nil }
            return Row(
                id: String(id.prefix(8)), href: Endpoints.verdictPage.link([.decisionID: id]),
                time: Formatting.dateTime(record.decidedAt), district: record.district,
                outcome: Strings.text("decision.\(record.outcome)", language), reasons: record.reasonIDs,
                channel: Strings.text("channel.\(record.channel)", language))
        }
        self.pagination = pagination
        csv = Endpoints.apiRegulationDecisionsCSV.link(query: filter.queryItems)
        district = filter.district ?? ""
        outcome = filter.outcome ?? ""
        from = filter.from?.iso ?? ""
        to = filter.to?.iso ?? ""
        outcomes = Outcome.allCases.map {
            OutcomeOption(
                value: $0.rawValue, label: Strings.text("decision.\($0.rawValue)", language),
                selected: $0.rawValue == filter.outcome)
        }
    }
}
