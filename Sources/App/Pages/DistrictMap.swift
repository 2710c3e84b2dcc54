import TeukguCore

/// The tile map of the regions with their districts, and the same facts as a table beside it
/// (the map's text alternative for anyone who cannot see it).
struct DistrictMap: Encodable {
    struct Row: Encodable {
        let regionID: String
        let region: String
        let districts: [Link]
    }

    struct Link: Encodable {
        let name: String
        let href: String
    }

    let svg: String
    let rows: [Row]

    init(districts: [DistrictRecord], regions: [RegionRecord], language: String) {
        let byRegion = Dictionary(grouping: districts, by: \.regionID)
        let sortedRegions = regions.sorted { ($0.id ?? "") < ($1.id ?? "") }
        rows = sortedRegions.compactMap { region in
            let id = region.id ?? ""
            guard let members = byRegion[id], !members.isEmpty else { return nil }
            return Row(
                regionID: id, region: Strings.pick(region.nameKorean, region.nameEnglish, language),
                districts: members.sorted { ($0.id ?? "") < ($1.id ?? "") }.map {
                    Link(
                        name: Strings.pick($0.nameKorean, $0.nameEnglish, language),
                        href: Endpoints.districtPage.link([.districtID: $0.id ?? ""]))
                })
        }
        let linkByRegion = Dictionary(
            rows.map { ($0.regionID, $0.districts.count == 1 ? $0.districts[0].href : "#region-\($0.regionID)") },
            uniquingKeysWith: { first, _ in first })
        svg = KoreaTileMap.svg(
            sortedRegions.map { region in
                let id = region.id ?? ""
                return KoreaTileMap.Region(
                    id: id, name: Strings.pick(region.nameKorean, region.nameEnglish, language),
                    districts: byRegion[id]?.count ?? 0, href: linkByRegion[id])
            }, title: Strings.text("portal.mapTitle", language), language: language,
            districtsWord: Strings.text("portal.districtsWord", language))
    }
}
