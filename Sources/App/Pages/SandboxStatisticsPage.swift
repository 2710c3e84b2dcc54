import Foundation
import TeukguCore

/// Sandbox cases counted for the public: per case type, how many were filed, how they ended, the
/// median days to an answer and the answers deemed given. Charts with their tables beside them.
struct SandboxStatisticsPage: Encodable {
    struct Row: Encodable {
        let kind: String
        let outcome: String
        let cases: Int
        let answered: Int
        let median: String
        let deemed: Int
    }

    struct KindSummary: Encodable {
        let kind: String
        let cases: Int
        let answered: Int
        let median: String
        let deemed: Int
        let citation: String
    }

    let rows: [Row]
    let kinds: [KindSummary]
    let total: Int
    let casesChart: String
    let daysChart: String
    let openDataHref: String

    init(_ statistics: SandboxCaseStatistics, language: String) {
        func daysText(_ number: String) -> String {
            Strings.text("portal.days", language).replacingOccurrences(of: "{n}", with: number)
        }
        func kindName(_ kind: SandboxCaseKind) -> String { Strings.pick(kind.titleKorean, kind.titleEnglish, language) }
        func days(_ value: Double?) -> String {
            value.map { daysText(String(format: "%g", $0)) } ?? "—"
        }
        rows = statistics.groups.map { group in
            Row(
                kind: kindName(group.kind), outcome: Strings.text("portal.outcome.\(group.outcome.rawValue)", language),
                cases: group.cases, answered: group.answered, median: days(group.medianDaysToAnswer),
                deemed: group.deemed)
        }
        kinds = SandboxCaseKind.allCases.map { kind in
            let groups = statistics.groups.filter { $0.kind == kind }
            return KindSummary(
                kind: kindName(kind), cases: groups.reduce(0) { $0 + $1.cases },
                answered: groups.reduce(0) { $0 + $1.answered },
                median: days(statistics.medianDaysToAnswer(of: kind)), deemed: groups.reduce(0) { $0 + $1.deemed },
                citation: Strings.pick(
                    KoreanCitation.text(law: kind.filingCitation.law, article: kind.filingCitation.article)
                        ?? kind.filingCitation.text, kind.filingCitation.text, language))
        }
        total = kinds.reduce(0) { $0 + $1.cases }
        casesChart = SVGChart.bars(
            statistics.groups.map {
                ("\(kindName($0.kind)) · \(Strings.text("portal.outcome.\($0.outcome.rawValue)", language))", $0.cases)
            },
            title: Strings.text("portal.casesChart", language))
        daysChart = SVGChart.bars(
            SandboxCaseKind.allCases.compactMap { kind in
                statistics.medianDaysToAnswer(of: kind).map { (kindName(kind), Int($0.rounded())) }
            }, title: Strings.text("portal.daysChart", language),
            valueText: { daysText(String($0)) })
        openDataHref = Endpoints.openDataSchemaPage.link([.dataset: OpenDataset.sandboxStatistics.rawValue])
    }
}
