import TeukguCore

/// The collaboration programme by year: the partners listed that year with their source, and per
/// track the places, the startups selected and the amounts awarded under signed agreements.
struct CollaborationResultsPage: Encodable {
    struct Year: Encodable {
        let year: Int
        let href: String
        let current: Bool
    }

    struct Partner: Encodable {
        let name: String
        let track: String?
    }

    struct Track: Encodable {
        let partner: String
        let name: String
        let places: Int
        let selected: [String]
        let agreements: Int
        let awarded: String
        let awardedWon: Int64
    }

    let year: Int
    let years: [Year]
    let partners: [Partner]
    let sources: [String]
    let tracks: [Track]
    let selectedTotal: Int
    let awardedTotal: String
    let chart: String
    let hasAwards: Bool
    let openDataHref: String

    struct Inputs {
        let year: Int
        let years: [Int]
        let listings: [PartnerListingRecord]
        let partnerNames: [String: String]
        let tracks: [CollaborationTrackRecord]
        /// Names of the startups selected, by track.
        let selected: [UUIDKey: [String]]
        /// Signed agreements' awards, by track.
        let awards: [UUIDKey: [Int64]]
    }

    typealias UUIDKey = String

    init(_ inputs: Inputs, language: String) {
        year = inputs.year
        years = inputs.years.map {
            Year(
                year: $0, href: Endpoints.collaborationResultsPage.link(query: ["year": String($0)]),
                current: $0 == inputs.year)
        }
        // The public listing of the year where there is one, else the partners running its tracks.
        partners =
            inputs.listings.isEmpty
            ? Array(Set(inputs.tracks.map(\.partnerID))).sorted().map {
                Partner(name: inputs.partnerNames[$0] ?? $0, track: nil)
            }
            : inputs.listings.sorted { $0.listedAs < $1.listedAs }.map {
                Partner(name: inputs.partnerNames[$0.partnerID] ?? $0.listedAs, track: $0.trackName)
            }
        sources = Array(Set(inputs.listings.map(\.source))).sorted()
        tracks = inputs.tracks.sorted { $0.name < $1.name }.map { track in
            let key = track.id?.uuidString ?? ""
            let awards = inputs.awards[key] ?? []
            let total = awards.reduce(0, +)
            return Track(
                partner: inputs.partnerNames[track.partnerID] ?? track.partnerID, name: track.name,
                places: track.capacity, selected: (inputs.selected[key] ?? []).sorted(), agreements: awards.count,
                awarded: Money(won: total).text(language: language), awardedWon: total)
        }
        selectedTotal = tracks.reduce(0) { $0 + $1.selected.count }
        awardedTotal = Money(won: tracks.reduce(0) { $0 + $1.awardedWon }).text(language: language)
        hasAwards = tracks.contains { $0.awardedWon > 0 }
        chart = SVGChart.bars(
            tracks.filter { $0.awardedWon > 0 }.map { ($0.name, Int($0.awardedWon / 1_000_000)) },
            title: Strings.format("portal.awardedChart", language, inputs.year),
            valueText: { Strings.format("portal.millionWon", language, $0) })
        openDataHref = Endpoints.openDataSchemaPage.link([.dataset: OpenDataset.awards.rawValue])
    }
}
