import Fluent
import RegulationEngine
import TeukguCore
import Vapor

extension RegulationPagesController {
    @Sendable func log(_ request: Request) async throws -> View {
        let filter = try DecisionFilter(request: request)
        let query = filter.apply(RegulationDecisionRecord.query(on: request.db))
        let pagination = Pagination(
            request: request, total: try await query.count(), perPage: 50, keeping: filter.queryItems)
        let records = try await query.sort(\.$decidedAt, .descending).offset(pagination.offset)
            .limit(pagination.perPage).all()
        let page = DecisionLogPage(records, filter: filter, pagination: pagination, language: request.language)
        return try await request.renderPage("decision-log", titleKey: "regulation.log", page)
    }

    @Sendable func statistics(_ request: Request) async throws -> View {
        let (from, to) = try StatisticsPeriod.read(request)
        let stats = try await RegulationStatistics.compute(from: from, to: to, on: request.db)
        return try await request.renderPage(
            "statistics", titleKey: "regulation.statistics", StatisticsPage(stats, language: request.language))
    }
}

/// Small server-drawn SVG charts: no JavaScript, nothing fetched, readable without colour.
enum SVGChart {
    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// Horizontal bars with their values written beside them.
    static func bars(
        _ items: [(String, Int)], title: String, valueText: (Int) -> String = { String($0) }
    ) -> String {
        let rowHeight = 24
        let labelWidth = 300
        let barWidth = 320
        let height = max(1, items.count) * rowHeight + 10
        let maximum = max(1, items.map(\.1).max() ?? 1)
        // Room after the longest bar for the longest value written beside it.
        let valueWidth = max(60, (items.map { valueText($0.1).count }.max() ?? 0) * 8 + 12)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(labelWidth + barWidth + valueWidth) \(height)\" class=\"chart\"><title>\(escape(title))</title>"
        if items.isEmpty { svg += "<text x=\"0\" y=\"18\">—</text>" }
        for (index, item) in items.enumerated() {
            let y = index * rowHeight + 4
            let width = Int(Double(item.1) / Double(maximum) * Double(barWidth))
            svg +=
                "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"12\">\(escape(shortened(item.0, width: labelRoom(labelWidth))))<title>\(escape(item.0))</title></text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(max(width, 1))\" height=\"18\" fill=\"#0b4f9c\"/>"
            svg +=
                "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 14)\" font-size=\"12\">\(escape(valueText(item.1)))</text>"
        }
        return svg + "</svg>"
    }

    /// How many half-widths fit in a label column at 12 px: a Latin letter takes up to about 7 px.
    static func labelRoom(_ labelWidth: Int) -> Int { (labelWidth - 10) / 7 }

    /// A label cut to fit left of the bars (the table beside the chart has it whole). Width is
    /// counted in half-widths: a Hangul syllable takes about two Latin letters' room.
    static func shortened(_ label: String, width: Int = 32) -> String {
        var used = 0
        var out = ""
        for character in label {
            let cost = character.isASCII ? 1 : 2
            if used + cost > width - 1 { return out + "…" }
            used += cost
            out.append(character)
        }
        return out
    }

    static let palette = ["#a4161a", "#8a5300", "#0f6b3a", "#5a6772", "#0b4f9c", "#6b3fa0", "#1b1f24"]

    /// One bar per label, split into the series (outcomes), with a legend.
    static func stackedBars(
        _ items: [(String, [Int])], series: [String], title: String, valueText: (Int) -> String = { String($0) }
    ) -> String {
        let rowHeight = 24
        let labelWidth = 220
        let barWidth = 400
        // The legend wraps three to a line so that many series still fit the width.
        let legendLines = (series.count + 2) / 3
        let top = legendLines * 16 + 14
        let height = max(1, items.count) * rowHeight + top + 10
        let maximum = max(1, items.map { $0.1.reduce(0, +) }.max() ?? 1)
        // Room after the longest bar for the longest total written beside it.
        let valueWidth = max(60, (items.map { valueText($0.1.reduce(0, +)).count }.max() ?? 0) * 8 + 12)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(labelWidth + barWidth + valueWidth) \(height)\" class=\"chart\"><title>\(escape(title))</title>"
        for (index, name) in series.enumerated() {
            let x = labelWidth + (index % 3) * 150
            let y = 2 + (index / 3) * 16
            svg +=
                "<rect x=\"\(x)\" y=\"\(y)\" width=\"12\" height=\"12\" fill=\"\(palette[index % palette.count])\"/>"
            svg += "<text x=\"\(x + 16)\" y=\"\(y + 10)\" font-size=\"11\">\(escape(name))</text>"
        }
        for (row, item) in items.enumerated() {
            let y = row * rowHeight + top
            svg +=
                "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"12\">\(escape(shortened(item.0, width: labelRoom(labelWidth))))<title>\(escape(item.0))</title></text>"
            var x = labelWidth
            for (index, value) in item.1.enumerated() where value > 0 {
                let width = max(1, Int(Double(value) / Double(maximum) * Double(barWidth)))
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"18\" fill=\"\(palette[index % palette.count])\"><title>\(escape(series[index])): \(value)</title></rect>"
                x += width
            }
            svg +=
                "<text x=\"\(x + 6)\" y=\"\(y + 14)\" font-size=\"12\">\(escape(valueText(item.1.reduce(0, +))))</text>"
        }
        return svg + "</svg>"
    }
}
