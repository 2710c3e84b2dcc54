import Foundation
import TeukguCore

/// A designated district in a list: its name and region in the reader's language, round, term, budget.
struct DistrictSummary: Encodable {
    let id: String
    let name: String
    let region: String
    let round: Int
    let period: String
    let budget: String?

    static func list(_ districts: [DistrictRecord], regions: [RegionRecord], language: String) -> [DistrictSummary] {
        let regionNames = regions.keyedByID { Strings.pick($0.nameKorean, $0.nameEnglish, language) }
        return districts.sorted { ($0.round, $0.id ?? "") < ($1.round, $1.id ?? "") }.map { district in
            DistrictSummary(
                id: district.id ?? "", name: Strings.pick(district.nameKorean, district.nameEnglish, language),
                region: regionNames[district.regionID] ?? district.regionID, round: district.round,
                period: "\(district.startsOn) – \(district.endsOn)",
                budget: district.budgetWon.map { Money(won: $0).text(language: language) })
        }
    }
}
