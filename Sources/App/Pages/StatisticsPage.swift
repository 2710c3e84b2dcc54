import Foundation
import RegulationEngine

/// Regulation-check statistics for a period, as server-drawn SVG charts titled in the reader's
/// language (each chart writes its values beside its bars), with the figures they come from.
struct StatisticsPage: Encodable {
    let stats: RegulationStatistics
    let outcomeChart: String
    let dayChart: String
    let rulesChart: String
    let missingChart: String

    init(_ stats: RegulationStatistics, language: String) {
        self.stats = stats
        var byDistrict: [String: [String: Int]] = [:]
        for item in stats.byDistrictOutcome { byDistrict[item.district, default: [:]][item.outcome] = item.count }
        let stacked = byDistrict.keys.sorted().map { district in
            (district, Outcome.allCases.map { byDistrict[district]?[$0.rawValue] ?? 0 })
        }
        outcomeChart = SVGChart.stackedBars(
            stacked, series: Outcome.allCases.map { Strings.text("decision.\($0.rawValue)", language) },
            title: Strings.text("statistics.byDistrictOutcome", language))
        dayChart = SVGChart.bars(
            stats.byDay.map { ($0.label, $0.count) }, title: Strings.text("statistics.byDay", language))
        rulesChart = SVGChart.bars(
            stats.topRules.map { ($0.label, $0.count) }, title: Strings.text("statistics.topRules", language))
        missingChart = SVGChart.bars(
            stats.topMissingFacts.map { ($0.label, $0.count) },
            title: Strings.text("statistics.topMissingFacts", language))
    }
}
