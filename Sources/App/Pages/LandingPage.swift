import Foundation
import TeukguCore

/// The public landing page: both programmes in plain words, the map of districts, where to read
/// more (calls and results, the collaboration programme, sandbox figures, open data) and the
/// tools anyone may use.
struct LandingPage: Encodable {
    struct Programme: Encodable {
        let title: String
        let paragraphs: [String]
        let links: [LayoutContext.NavItem]
    }

    let districts: [DistrictSummary]
    let map: DistrictMap
    let programmes: [Programme]
    let tools: [LayoutContext.NavItem]

    init(
        districts: [DistrictRecord], regions: [RegionRecord], currentCall: CollaborationCallRecord?, language: String
    ) {
        self.districts = DistrictSummary.list(districts, regions: regions, language: language)
        map = DistrictMap(districts: districts, regions: regions, language: language)
        func link(_ key: String, _ href: String) -> LayoutContext.NavItem {
            LayoutContext.NavItem(label: Strings.text(key, language), href: href, current: false)
        }
        let cap = currentCall.map { Money(won: $0.grantCapWon).text(language: language) }
        programmes = [
            Programme(
                title: Strings.text("portal.districtsProgramme", language),
                paragraphs: [
                    Strings.text("portal.districtsExplained", language),
                    Strings.text("portal.sandboxExplained", language),
                ],
                links: [
                    link("nav.regulation", Endpoints.regulationHome.link()),
                    link("nav.districts", Endpoints.districtsPage.link()),
                    link("tpl.portal.callsAndResults", Endpoints.designationHome.link()),
                    link("portal.sandboxStatistics", Endpoints.sandboxStatisticsPage.link()),
                ]),
            Programme(
                title: Strings.text("portal.collaborationProgramme", language),
                paragraphs: [
                    Strings.text("portal.collaborationExplained", language)
                        + (cap.map {
                            " "
                                + Strings.text("portal.collaborationCap", language).replacingOccurrences(
                                    of: "{cap}", with: $0)
                        } ?? ""),
                    Strings.text("portal.collaborationSteps", language),
                ],
                links: [
                    link("nav.collaboration", Endpoints.collaborationHome.link()),
                    link("portal.collaborationResults", Endpoints.collaborationResultsPage.link()),
                ]),
        ]
        tools = [
            ("portal.openData", Endpoints.openDataPage), ("nav.deadline", Endpoints.deadlinePage),
            ("nav.parameters", Endpoints.parametersPage), ("nav.holidays", Endpoints.holidaysPage),
        ]
        .map { link($0.0, $0.1.link()) }
    }
}
