import Foundation
import TeukguCore

/// Every designated district, and the designation rounds with their published counts.
struct DistrictsPage: Encodable {
    struct Round: Encodable {
        let round: Int
        let published: String
        let funnel: String
        let designatedOn: String
    }

    let districts: [DistrictSummary]
    let rounds: [Round]
    let map: DistrictMap
    let resultsHref: String
    let openDataHref: String

    init(districts: [DistrictRecord], regions: [RegionRecord], rounds: [DistrictRoundRecord], language: String) {
        self.districts = DistrictSummary.list(districts, regions: regions, language: language)
        map = DistrictMap(districts: districts, regions: regions, language: language)
        resultsHref = Endpoints.designationHome.link()
        openDataHref = Endpoints.openDataSchemaPage.link([.dataset: OpenDataset.districts.rawValue])
        self.rounds = rounds.sorted { ($0.id ?? 0) < ($1.id ?? 0) }.map {
            Round(
                round: $0.id ?? 0, published: $0.callPublished,
                funnel: "\($0.governments) / \($0.projects) → \($0.writtenPassed) → \($0.candidates)",
                designatedOn: $0.designatedOn ?? "")
        }
    }
}
