import Foundation
import Testing

@testable import App

/// What the server-drawn charts write: labels that fit left of the bars, totals with their unit.
@Suite struct ChartTextTests {
    @Test func labelsAreCutToTheRoomLeftOfTheBars() throws {
        let long = "Chungbuk advanced regenerative bio · Demonstrations run"
        let svg = SVGChart.bars([(long, 30)], title: "t", valueText: { "\($0)%" })
        let shown = try #require(svg.range(of: "text-anchor=\"end\" font-size=\"12\">")).upperBound
        let visible = String(svg[shown...].prefix { $0 != "<" })
        #expect(visible.hasSuffix("…") && visible.count <= SVGChart.labelRoom(300))
        #expect(svg.contains("<title>\(long)</title>"), "the whole label stays as the text's title")
        // Hangul takes two half-widths: 19 hold "부산 차세대 해양모" (18), then the ellipsis.
        #expect(SVGChart.shortened("부산 차세대 해양모빌리티 글로벌혁신특구", width: 20) == "부산 차세대 해양모…")
    }

    @Test func budgetTotalsCarryTheirUnitInEachLanguage() {
        #expect(DashboardPage.millionsText(43_000, language: "ko") == "430억 원")
        #expect(DashboardPage.millionsText(330, language: "ko") == "3.3억 원")
        #expect(DashboardPage.millionsText(72, language: "ko") == "7,200만 원")
        #expect(DashboardPage.millionsText(43_000, language: "en") == "₩43,000m")
        let svg = SVGChart.stackedBars(
            [("2026 · call", [0, 0, 43_000])], series: ["a", "b", "c"], title: "t",
            valueText: { DashboardPage.millionsText($0, language: "en") })
        #expect(svg.contains(">₩43,000m</text>"))
    }
}
