import Foundation
import TeukguCore

/// The ministry's overview: applications by region and stage, every deadline due or overdue,
/// money per call and track, and districts' targets. Each chart is drawn on the server with its
/// title as the text alternative, and its table follows it.
struct DashboardPage: Encodable {
    struct StageRow: Encodable {
        let label: String
        /// A shorter label for the chart, where a call's year tells calls apart.
        let chartLabel: String
        let counts: [Int]
        let total: Int
    }

    struct DeadlineRow: Encodable {
        let source: String
        let title: String
        let due: String
        let when: String
        let overdue: Bool
        let href: String
    }

    struct DeadlineCount: Encodable {
        let source: String
        let overdue: Int
        let dueSoon: Int
    }

    struct MoneyRow: Encodable {
        let label: String
        let isCall: Bool
        let budget: String
        let committed: String
        let paid: String
        let available: String
    }

    struct TargetRow: Encodable {
        let district: String
        let href: String
        let indicator: String
        let target: String
        let actual: String
        let percent: String
    }

    let stages: [String]
    let designationRows: [StageRow]
    let designationChart: String
    let collaborationRows: [StageRow]
    let collaborationChart: String
    let deadlineCounts: [DeadlineCount]
    let deadlines: [DeadlineRow]
    let dueWithin: String
    let moneyRows: [MoneyRow]
    let moneyChart: String
    let targetRows: [TargetRow]
    let targetChart: String

    struct Inputs {
        let regions: [RegionRecord]
        let designation: [String: [DashboardFigures.Stage: Int]]
        let collaboration: [(CollaborationCallRecord, [DashboardFigures.Stage: Int])]
        let deadlines: DashboardDeadlines.Summary
        let budgets: [(CollaborationCallRecord, CallBudgetFigures)]
        let targets: [DashboardFigures.TargetProgress]
        let today: CalendarDate
    }

    init(_ inputs: Inputs, language: String) {
        let stageCases = DashboardFigures.Stage.allCases
        stages = stageCases.map { Strings.text("dashboard.stage.\($0.rawValue)", language) }
        func row(_ label: String, chart: String? = nil, _ counts: [DashboardFigures.Stage: Int]) -> StageRow {
            let values = stageCases.map { counts[$0] ?? 0 }
            return StageRow(label: label, chartLabel: chart ?? label, counts: values, total: values.reduce(0, +))
        }
        designationRows = inputs.regions.sorted { ($0.id ?? "") < ($1.id ?? "") }.compactMap { region in
            guard let counts = inputs.designation[region.id ?? ""] else { return nil }
            return row(Strings.pick(region.nameKorean, region.nameEnglish, language), counts)
        }
        designationChart = SVGChart.stackedBars(
            designationRows.map { ($0.chartLabel, $0.counts) }, series: stages,
            title: Strings.text("dashboard.designationChart", language))
        collaborationRows = inputs.collaboration.map {
            row($0.0.title(language), chart: "\($0.0.year) · \($0.0.title(language))", $0.1)
        }
        collaborationChart = SVGChart.stackedBars(
            collaborationRows.map { ($0.chartLabel, $0.counts) }, series: stages,
            title: Strings.text("dashboard.collaborationChart", language))

        deadlineCounts = DashboardDeadline.Source.allCases.map {
            DeadlineCount(
                source: Strings.text("dashboard.source.\($0.rawValue)", language),
                overdue: inputs.deadlines.overdue[$0] ?? 0, dueSoon: inputs.deadlines.dueSoon[$0] ?? 0)
        }
        deadlines = inputs.deadlines.rows.map { deadline in
            let days = inputs.today.days(until: deadline.due)
            return DeadlineRow(
                source: Strings.text("dashboard.source.\(deadline.source.rawValue)", language), title: deadline.title,
                due: deadline.due.iso,
                when: days < 0
                    ? Strings.format("clock.daysOverdue", language, -days)
                    : Strings.format(days == 1 ? "clock.dayLeft" : "clock.daysLeft", language, days),
                overdue: deadline.isOverdue, href: deadline.href)
        }
        dueWithin = Strings.format("dashboard.dueWithin", language, DashboardDeadlines.windowDays)

        func money(_ won: Int64?) -> String { won.map { Money(won: $0).text(language: language) } ?? "—" }
        var moneyRows: [MoneyRow] = []
        var bars: [(String, [Int])] = []
        for (call, figures) in inputs.budgets {
            moneyRows.append(
                MoneyRow(
                    label: call.title(language), isCall: true, budget: money(figures.budgetWon),
                    committed: money(figures.committedWon), paid: money(figures.paidWon),
                    available: money(figures.availableWon)))
            bars.append(
                (
                    "\(call.year) · \(call.title(language))",
                    [figures.paidWon, figures.committedWon - figures.paidWon, max(0, figures.availableWon)].map {
                        Int($0 / 1_000_000)
                    }
                ))
            for track in figures.tracks where track.committedWon > 0 || (track.budgetWon ?? 0) > 0 {
                moneyRows.append(
                    MoneyRow(
                        label: track.name, isCall: false, budget: money(track.budgetWon),
                        committed: money(track.committedWon), paid: money(track.paidWon),
                        available: money(track.availableWon)))
            }
        }
        self.moneyRows = moneyRows
        moneyChart = SVGChart.stackedBars(
            bars,
            series: ["dashboard.paid", "dashboard.committedUnpaid", "dashboard.available"].map {
                Strings.text($0, language)
            }, title: Strings.text("dashboard.moneyChart", language),
            valueText: { Self.millionsText($0, language: language) })

        targetRows = inputs.targets.map { target in
            TargetRow(
                district: target.district, href: Endpoints.districtPage.link([.districtID: target.districtID]),
                indicator: target.indicator, target: "\(String(format: "%g", target.target)) \(target.unit)",
                actual: target.actual.map { "\(String(format: "%g", $0)) \(target.unit) (\(target.year ?? 0))" } ?? "—",
                percent: target.percent.map { "\($0)%" } ?? Strings.text("dashboard.notReported", language))
        }
        targetChart = SVGChart.bars(
            inputs.targets.compactMap { target in
                // The indicator first: where a long district name is cut, rows still differ.
                target.percent.map { ("\(target.indicator) · \(target.district)", $0) }
            }, title: Strings.text("dashboard.targetChart", language), valueText: { "\($0)%" })
    }

    /// A chart total in million won as a reader says it: 430억 원 in Korean, ₩43,000m in English.
    static func millionsText(_ millions: Int, language: String) -> String {
        let korean =
            millions >= 100
            ? NumberTag.text((Double(millions) / 10).rounded() / 10) + "억 원"
            : NumberTag.text(Double(millions) * 100) + "만 원"
        return Strings.pick(korean, "₩" + NumberTag.text(Double(millions)) + "m", language)
    }
}
