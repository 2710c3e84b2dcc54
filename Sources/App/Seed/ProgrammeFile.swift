/// The shape of programme.yaml, as far as the seed reads it.
struct ProgrammeFile: Decodable {
    struct RegionEntry: Decodable {
        let id: String
        let ko: String
        let en: String
        let capital: Bool
    }

    struct RoundEntry: Decodable {
        struct Applications: Decodable {
            let governments: Int
            let projects: Int
        }
        struct Written: Decodable {
            let passed: Int
        }
        let round: Int
        let call_published: String
        let applications: Applications
        let written_evaluation: Written
        let special_zone_committee: String?
    }

    struct DistrictEntry: Decodable {
        let id: String
        let region: String
        let round: Int
        let ko: String
        let en: String
        let starts: String
        let ends: String
        let area_km2: Double?
        let budget_krw: Int64?
        let notes: String
        let unconfirmed: Bool?
    }

    struct Collaboration: Decodable {
        struct Year: Decodable {
            let year: Int
            let partners: [String]?
            let partners_added: [String]?
            let partners_count: Int?
            let startups: Int?
            let startups_planned: Int?
            let budget_krw: Int64?
            let tracks: Int?
            let name: String?
            let note: String?
            let source: String?
            let partners_continued: [String]?
            let continued_source: String?
        }
        let years: [Year]
        let known_tracks: [String: String]
        /// Earlier names of one partner: `Google Play` (2019) is Google.
        let partner_aliases: [String: String]
    }

    let regions: [RegionEntry]
    let district_rounds: [RoundEntry]
    let districts: [DistrictEntry]
    let collaboration_programme: Collaboration
}
