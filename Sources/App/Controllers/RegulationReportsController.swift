import Fluent
import RegulationEngine
import TeukguCore
import Vapor

extension RegulationPagesController {
    @Sendable func log(_ request: Request) async throws -> View {
        struct Row: Encodable {
            let id: String
            let href: String
            let time: String
            let district: String
            let outcome: String
            let reasons: String
            let channel: String
        }
        struct LogPage: Encodable {
            let rows: [Row]
            let pagination: Pagination
            let csv: String
            let district: String
            let outcome: String
            let from: String
            let to: String
            let outcomes: [String]
        }
        let filter = try DecisionFilter(request: request)
        let query = filter.apply(RegulationDecisionRecord.query(on: request.db))
        var keep: [String: String] = [:]
        if let d = filter.district { keep["district"] = d }
        if let o = filter.outcome { keep["outcome"] = o }
        if let f = filter.from { keep["from"] = f.iso }
        if let t = filter.to { keep["to"] = t.iso }
        let pagination = Pagination(request: request, total: try await query.count(), perPage: 50, keeping: keep)
        let rows = try await query.sort(\.$decidedAt, .descending).offset(pagination.offset).limit(pagination.perPage)
            .all().map { record in
                Row(
                    id: String(record.id?.uuidString.lowercased().prefix(8) ?? ""),
                    href: Endpoints.verdictPage.link([.decisionID: record.id?.uuidString.lowercased() ?? ""]),
                    time: Formatting.dateTime(record.decidedAt), district: record.district, outcome: record.outcome,
                    reasons: record.reasonIDs, channel: record.channel)
            }
        let page = LogPage(
            rows: rows, pagination: pagination, csv: Endpoints.apiRegulationDecisionsCSV.link(query: keep),
            district: filter.district ?? "", outcome: filter.outcome ?? "", from: filter.from?.iso ?? "",
            to: filter.to?.iso ?? "",
            outcomes: Outcome.allCases.map(\.rawValue))
        return try await request.renderPage("decision-log", titleKey: "regulation.log", page)
    }

    @Sendable func statistics(_ request: Request) async throws -> View {
        struct StatisticsPage: Encodable {
            let stats: RegulationStatistics
            let outcomeChart: String
            let dayChart: String
            let rulesChart: String
            let missingChart: String
        }
        let (from, to) = try StatisticsPeriod.read(request)
        let stats = try await RegulationStatistics.compute(from: from, to: to, on: request.db)
        var byDistrict: [String: [String: Int]] = [:]
        for item in stats.byDistrictOutcome { byDistrict[item.district, default: [:]][item.outcome] = item.count }
        let stacked = byDistrict.keys.sorted().map { district in
            (district, Outcome.allCases.map { byDistrict[district]?[$0.rawValue] ?? 0 })
        }
        let page = StatisticsPage(
            stats: stats,
            outcomeChart: SVGChart.stackedBars(
                stacked, series: Outcome.allCases.map(\.rawValue), title: "Checks per district and outcome"),
            dayChart: SVGChart.bars(stats.byDay.map { ($0.label, $0.count) }, title: "Checks per day"),
            rulesChart: SVGChart.bars(stats.topRules.map { ($0.label, $0.count) }, title: "Most cited rules"),
            missingChart: SVGChart.bars(
                stats.topMissingFacts.map { ($0.label, $0.count) }, title: "Most common missing facts")
        )
        return try await request.renderPage("statistics", titleKey: "regulation.statistics", page)
    }
}

/// Small server-drawn SVG charts: no JavaScript, nothing fetched, readable without colour.
enum SVGChart {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Horizontal bars with their values written beside them.
    static func bars(_ items: [(String, Int)], title: String) -> String {
        let rowHeight = 24
        let labelWidth = 260
        let barWidth = 360
        let height = max(1, items.count) * rowHeight + 10
        let maximum = max(1, items.map(\.1).max() ?? 1)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\" class=\"chart\"><title>\(escape(title))</title>"
        if items.isEmpty { svg += "<text x=\"0\" y=\"18\">—</text>" }
        for (index, item) in items.enumerated() {
            let y = index * rowHeight + 4
            let width = Int(Double(item.1) / Double(maximum) * Double(barWidth))
            svg +=
                "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"12\">\(escape(String(item.0.prefix(40))))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(max(width, 1))\" height=\"18\" fill=\"#0b4f9c\"/>"
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 14)\" font-size=\"12\">\(item.1)</text>"
        }
        return svg + "</svg>"
    }

    static let palette = ["#a4161a", "#8a5300", "#0f6b3a", "#5a6772"]

    /// One bar per label, split into the series (outcomes), with a legend.
    static func stackedBars(_ items: [(String, [Int])], series: [String], title: String) -> String {
        let rowHeight = 24
        let labelWidth = 220
        let barWidth = 400
        let height = max(1, items.count) * rowHeight + 40
        let maximum = max(1, items.map { $0.1.reduce(0, +) }.max() ?? 1)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\" class=\"chart\"><title>\(escape(title))</title>"
        for (index, name) in series.enumerated() {
            svg +=
                "<rect x=\"\(labelWidth + index * 110)\" y=\"2\" width=\"12\" height=\"12\" fill=\"\(palette[index % palette.count])\"/>"
            svg += "<text x=\"\(labelWidth + index * 110 + 16)\" y=\"12\" font-size=\"11\">\(escape(name))</text>"
        }
        for (row, item) in items.enumerated() {
            let y = row * rowHeight + 30
            svg +=
                "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"12\">\(escape(item.0))</text>"
            var x = labelWidth
            for (index, value) in item.1.enumerated() where value > 0 {
                let width = max(1, Int(Double(value) / Double(maximum) * Double(barWidth)))
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"18\" fill=\"\(palette[index % palette.count])\"><title>\(escape(series[index])): \(value)</title></rect>"
                x += width
            }
            svg += "<text x=\"\(x + 6)\" y=\"\(y + 14)\" font-size=\"12\">\(item.1.reduce(0, +))</text>"
        }
        return svg + "</svg>"
    }
}
