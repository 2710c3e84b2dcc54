import Foundation
import TeukguCore

/// The public landing page: the designated districts and the tools anyone may use.
struct LandingPage: Encodable {
    let districts: [DistrictSummary]
    let tools: [LayoutContext.NavItem]

    init(districts: [DistrictRecord], regions: [RegionRecord], language: String) {
        self.districts = DistrictSummary.list(districts, regions: regions, language: language)
        tools = [
            ("nav.deadline", Endpoints.deadlinePage), ("nav.parameters", Endpoints.parametersPage),
            ("nav.holidays", Endpoints.holidaysPage),
        ]
        .map { LayoutContext.NavItem(label: Strings.text($0.0, language), href: $0.1.link(), current: false) }
    }
}
